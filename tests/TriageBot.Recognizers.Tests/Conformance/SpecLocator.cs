namespace TriageBot.Recognizers.Tests.Conformance;

/// <summary>
/// Finds the Recognizers-Text spec folder: $TRIAGEBOT_RECOGNIZERS_SPECS, else the nearest ancestor of
/// the test binaries that holds shared/conformance/recognizers-text (shared/ sits beside the repo root).
/// </summary>
internal static class SpecLocator
{
    public const string EnvironmentVariable = "TRIAGEBOT_RECOGNIZERS_SPECS";
    public const string SkipVariable = "TRIAGEBOT_SKIP_CONFORMANCE";
    private static readonly string[] Relative = ["shared", "conformance", "recognizers-text"];

    public static bool SkipRequested => Environment.GetEnvironmentVariable(SkipVariable) == "1";

    public static string? Find()
    {
        var fromEnv = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnv))
        {
            return Directory.Exists(fromEnv) ? Path.GetFullPath(fromEnv) : null;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine([dir.FullName, .. Relative]);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
