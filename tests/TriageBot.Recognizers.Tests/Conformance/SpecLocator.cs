namespace TriageBot.Recognizers.Tests.Conformance;

/// <summary>
/// Finds the Recognizers-Text spec folder: $TRIAGEBOT_RECOGNIZERS_SPECS when set (an auditor's own cases, laid out
/// like upstream's Specs/), else the copy this project carries in Specs/recognizers-text, copied next to the test
/// binaries. There is no skip switch: a missing folder or file is a failure, never a silent pass.
/// </summary>
internal static class SpecLocator
{
    public const string EnvironmentVariable = "TRIAGEBOT_RECOGNIZERS_SPECS";

    /// <summary>Where the bundled cases sit in the output folder (see the csproj).</summary>
    public static string Bundled => Path.Combine(AppContext.BaseDirectory, "Specs", "recognizers-text");

    /// <summary>The folder to read, and where it came from (for the failure message).</summary>
    public static (string Path, string Source) Find()
    {
        var fromEnv = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return string.IsNullOrWhiteSpace(fromEnv)
            ? (Bundled, "the bundled copy")
            : (System.IO.Path.GetFullPath(fromEnv), $"${EnvironmentVariable}");
    }
}
