using TriageBot.Content.Tests.Support;
using Xunit.Abstractions;
using static TriageBot.Content.Tests.Support.PhrasingSplit;

namespace TriageBot.Content.Tests;

/// <summary>
/// The free-text red-flag net measured on phrasings its authors never saw (Phrasings/README.md). The floors below
/// were fixed when the split was committed, before any tuning, and are not moved to fit a result.
/// </summary>
public sealed class FrozenSplitTests(ITestOutputHelper output)
{
    [Fact]
    public void TestSplit_IsLargeAndVariedEnoughToMeasure()
    {
        var positives = Test.Where(p => p.IsPositive).ToList();
        Assert.True(positives.Count >= 300, $"{positives.Count} positives");
        Assert.True(positives.Count(p => p.Kind is "lay" or "slang" or "non-native" or "misspelled") >= 100);
        Assert.True(Test.Count(p => !p.IsPositive) >= 150);
        Assert.Empty(Test.Select(p => PhrasingMeasure.Normalize(p.Text)).Intersect(Dev.Select(p => PhrasingMeasure.Normalize(p.Text))));
    }

    [Fact]
    public void TestSplit_NoPhraseAppearsInTheLexicon()
    {
        var leaks = PhrasingMeasure.Leaks(Test, Dev);

        Assert.True(leaks.Count == 0, "Test-split words copied into red-flags.yaml:\n" + string.Join("\n", leaks));
    }

    /// <summary>
    /// Prints the figures (Phrasings/README.md has them per rule) and holds the floors fixed before tuning that are
    /// met. The recall floors (emergency 90% at once and 98% with the check question, urgent 85%) are not met yet and
    /// are reported, not asserted: lowering them to the rate reached would make the gate fit the result.
    /// </summary>
    [Fact]
    public void TestSplit_Measured_FalseAlarmsAtMostFivePercent()
    {
        var report = PhrasingMeasure.Measure("First blind set (frozen test split)", Test);
        Console.WriteLine(report.Text);
        output.WriteLine(report.Text);

        Assert.True(report.FalseAlarmRate <= 0.05, $"false alarms {report.FalseAlarmRate:P1} on the frozen split; the floor is 5%");
    }

}
