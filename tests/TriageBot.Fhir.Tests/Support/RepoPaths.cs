namespace TriageBot.Fhir.Tests.Support;

internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Content => Path.Combine(Root, "dialogs", "content");

    /// <summary>The published Questionnaire, kept in step with content by <c>QuestionnaireFileTests</c>.</summary>
    public static string PublishedQuestionnaire => Path.Combine(Root, "deployment", "fhir", "Questionnaire-triage.json");

    /// <summary>A validated referral Bundle with made-up details, for readers of the room's README.</summary>
    public static string ExampleBundle => Path.Combine(Root, "src", "TriageBot.Fhir", "examples", "referral-bundle.json");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TriageBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("TriageBot.sln not found above the test binaries.");
    }
}
