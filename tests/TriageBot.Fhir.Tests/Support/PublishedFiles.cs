namespace TriageBot.Fhir.Tests.Support;

/// <summary>
/// Files generated from code and content and kept in the repository for people and other systems to read. A test
/// compares; when the file is missing or stale it writes the fresh one and fails, so the change shows in the diff
/// and is committed on purpose.
/// </summary>
internal static class PublishedFiles
{
    public static void AssertCurrent(string path, string expected)
    {
        var normalised = expected.ReplaceLineEndings("\n") + "\n";
        var actual = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : null;
        if (actual == normalised)
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, normalised);
        Assert.Fail($"{Path.GetRelativePath(RepoPaths.Root, path)} was {(actual is null ? "missing" : "stale")}; it has been regenerated. Review and commit it.");
    }
}
