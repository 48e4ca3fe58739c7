namespace TriageBot.Content.Tests.Support;

/// <summary>
/// The small, valid content folder in Fixtures/valid, and broken copies of it: each test copies the folder to a temp
/// directory and edits one file, so a test shows exactly which change produces which error.
/// </summary>
internal sealed class ContentFixture : IDisposable
{
    public static readonly string ValidDirectory = Path.Combine(AppContext.BaseDirectory, "Fixtures", "valid");

    public static readonly ContentRequirements Requirements = new(
        Keys: new HashSet<string>(StringComparer.Ordinal)
        {
            "welcome.intro", "advice.emergency", "advice.redflag.ces", "advice.redflag.self-harm", "referral.saved",
            "safety-net", "summary.pain", "prompt.redflag.ces", "prompt.pain.location", "prompt.pain.score",
        },
        Findings: new HashSet<string>(StringComparer.Ordinal)
        {
            "redflag.ces", "redflag.self-harm", "pain.spread.both-legs", "pain.spread.one-leg", "numbness.worsening",
            "duration.over-12-weeks", "treatments.helped.no", "treatments.tried",
        },
        PromptChoices: new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["prompt.redflag.ces"] = ["yes", "no", "not-sure"],
            ["prompt.pain.location"] = ["neck", "lower-back"],
            ["prompt.pain.score"] = [],
        },
        MessageArguments: new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["referral.saved"] = ["reference"],
            ["summary.pain"] = ["location", "spread"],
        });

    private ContentFixture(string directory) => Directory = directory;

    public string Directory { get; }

    public static ContentCatalog LoadValid() => ContentLoader.Load(ValidDirectory);

    /// <summary>A copy of the valid folder with <paramref name="find"/> replaced in <paramref name="file"/>.</summary>
    public static ContentFixture With(string file, string find, string replace)
    {
        var fixture = Copy();
        var path = Path.Combine(fixture.Directory, file);
        var text = File.ReadAllText(path);
        Assert.True(text.Contains(find, StringComparison.Ordinal), $"Fixture {file} has no '{find}' to replace.");
        File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));
        return fixture;
    }

    public static ContentFixture Without(string file)
    {
        var fixture = Copy();
        File.Delete(Path.Combine(fixture.Directory, file));
        return fixture;
    }

    public ContentCatalog Load() => ContentLoader.Load(Directory);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private static ContentFixture Copy()
    {
        var target = Path.Combine(Path.GetTempPath(), "triagebot-content-tests", Guid.NewGuid().ToString("N"));
        foreach (var source in System.IO.Directory.EnumerateFiles(ValidDirectory, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(ValidDirectory, source));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(source, destination);
        }

        return new ContentFixture(target);
    }
}
