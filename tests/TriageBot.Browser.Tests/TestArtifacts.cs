namespace TriageBot.Browser.Tests;

/// <summary>Where screenshots go: <c>artifacts/screenshots/</c> at the repository root (git-ignored), kept after the run.</summary>
internal static class TestArtifacts
{
    public static DirectoryInfo Screenshots { get; } = Directory.CreateDirectory(Path.Combine(RepositoryRoot(), "artifacts", "screenshots"));

    /// <summary>The repository root (the folder holding TriageBot.sln), or the test binaries' folder when there is none.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TriageBot.sln")))
            {
                return dir.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }
}
