using TriageBot.Content.Tests.Support;
using Xunit.Abstractions;

namespace TriageBot.Content.Tests;

/// <summary>
/// The real hazard log (dialogs/content/hazard-log.yaml): every test it names is a real [Fact] or [Theory] in the
/// repository's tests, every hazard the issue 9 catalogue names is logged, and the log's size is printed for the
/// safety case.
/// </summary>
public sealed class HazardLogTests(ITestOutputHelper output)
{
    // The shared hazard ids (issue 9 catalogue): the nine first-pass hazards and the seven found by the second pass.
    private static readonly string[] CatalogueHazards =
    [
        "HAZ-CES", "HAZ-NEURO", "HAZ-MSCC", "HAZ-INFECTION", "HAZ-CANCER", "HAZ-FRACTURE", "HAZ-DCM", "HAZ-CARDIAC",
        "HAZ-SELF-HARM", "HAZ-AAA", "HAZ-NECK-VASCULAR", "HAZ-THORACIC", "HAZ-POSTOP", "HAZ-MEDICINE", "HAZ-MISHEARD",
        "HAZ-FALSE-ALARM",
    ];

    [Fact]
    public void HazardLog_EveryTestItNames_IsAFactOrTheoryInTheTestsSource()
    {
        var log = ContentLoader.ReadHazardLog(RepoPaths.HazardLog);
        var sources = TestSources.Read(RepoPaths.Tests);
        var named = log.SelectMany(h => (h.Tests ?? []).Select(t => (Hazard: h.Id, Test: t))).ToList();
        Assert.True(named.Count > 0, $"{ContentFileNames.HazardLog} names no tests at all.");

        var problems = named
            .Select(n => (n.Hazard, n.Test, Problem: sources.Problem(n.Test)))
            .Where(n => n.Problem is not null)
            .Select(n => $"{n.Hazard}: {n.Test}: {n.Problem}")
            .ToList();

        Assert.True(problems.Count == 0, $"{problems.Count} test(s) named in {ContentFileNames.HazardLog} do not exist as [Fact] or [Theory]:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void HazardLog_TestSourceReader_FindsFactsTheoriesAndRejectsOthers()
    {
        // The checker itself, on tests known to exist (a custom [BrowserFact], one inherited from a contract) and not to:
        // a broken reader must not pass the log silently.
        var sources = TestSources.Read(RepoPaths.Tests);

        Assert.Null(sources.Problem("TriageBot.Content.Tests.HazardLogTests.HazardLog_EveryTestItNames_IsAFactOrTheoryInTheTestsSource"));
        Assert.Null(sources.Problem("TriageBot.Content.Tests.RedFlagDetectorTests.Detect_RedFlagStatement_ReturnsTheRule"));
        Assert.Null(sources.Problem("TriageBot.Browser.Tests.TriageFlowBrowserTests.TriageFlow_OverWebSocket_ReachesTheReferralCardAndRestarts"));
        Assert.Null(sources.Problem("TriageBot.Storage.Tests.InMemoryReferralStoreTests.Find_Unknown_IsNull"));
        Assert.Equal("class HazardLogTests has no method NoSuchTest", sources.Problem("TriageBot.Content.Tests.HazardLogTests.NoSuchTest"));
        Assert.Equal("no class NoSuchTests in namespace TriageBot.Content.Tests under tests/", sources.Problem("TriageBot.Content.Tests.NoSuchTests.Anything"));
        Assert.StartsWith("HazardLogTests.Print has no [Fact] or [Theory]", sources.Problem("TriageBot.Content.Tests.HazardLogTests.Print"), StringComparison.Ordinal);
    }

    [Fact]
    public void HazardLog_HasEveryHazardOfTheCatalogue()
    {
        var logged = ContentLoader.ReadHazardLog(RepoPaths.HazardLog).Select(h => h.Id).ToHashSet(StringComparer.Ordinal);

        Assert.All(CatalogueHazards, id => Assert.Contains(id, logged));
    }

    [Fact]
    public void HazardLog_Summary_CountsHazardsControlsAndTests()
    {
        var summary = ContentLoader.Load(RepoPaths.Content).HazardLogSummary();
        Print(summary.ToString());

        Assert.True(summary.Hazards >= CatalogueHazards.Length, summary.ToString());
        Assert.True(summary.Controls >= summary.Hazards, $"Fewer controls than hazards: {summary}");
        Assert.True(summary.DistinctTests > 0 && summary.DistinctTests <= summary.TestReferences, summary.ToString());
    }

    private void Print(string text)
    {
        // Console for `dotnet test` output (detailed verbosity), the helper for IDE runners.
        Console.WriteLine(text);
        output.WriteLine(text);
    }
}
