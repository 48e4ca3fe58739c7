namespace TriageBot.Content.Tests.Support;

/// <summary>Where the real content lives: dialogs/content under the folder holding TriageBot.sln.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Content => Path.Combine(Root, "dialogs", "content");

    public static string RedFlags => Path.Combine(Content, ContentFileNames.RedFlags);

    public static string Golden => Path.Combine(Content, ContentFileNames.Golden);

    public static string HazardLog => Path.Combine(Content, ContentFileNames.HazardLog);

    /// <summary>The tests folder: every test project's source, which the hazard log's test names must point into.</summary>
    public static string Tests => Path.Combine(Root, "tests");

    public static string Context => Path.Combine(Content, ContentFileNames.Context);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TriageBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No TriageBot.sln above {AppContext.BaseDirectory}: these tests read the repository's own files and must run inside a checkout.");
    }
}
