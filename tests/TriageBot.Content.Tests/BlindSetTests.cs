using TriageBot.Content.Tests.Support;
using Xunit.Abstractions;
using static TriageBot.Content.Tests.Support.PhrasingSplit;

namespace TriageBot.Content.Tests;

/// <summary>
/// The free-text red-flag net measured on the second blind set (Phrasings/blind-set-2.yaml): new writers, new styles,
/// written and committed before the third lexicon pass, whose author never saw it. The floors are the ones fixed before
/// tuning for the first split (Phrasings/README.md), not moved to fit a result.
/// </summary>
public sealed class BlindSetTests(ITestOutputHelper output)
{
    [Fact]
    public void SecondBlindSet_IsLargeVariedAndNewToEveryOtherPhrasingFile()
    {
        var positives = BlindSet2.Where(p => p.IsPositive).ToList();
        Assert.True(positives.Count >= 300, $"{positives.Count} positives");
        Assert.True(positives.Count(p => p.Kind is "lay" or "slang" or "non-native" or "misspelled") >= 250);
        Assert.True(BlindSet2.Count(p => !p.IsPositive) >= 250);
        Assert.All(positives.GroupBy(p => p.Expect), rule => Assert.True(rule.Count() >= 20, $"{rule.Key}: {rule.Count()} positives"));
        var earlier = Test.Concat(Dev).Select(p => PhrasingMeasure.Normalize(p.Text)).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(BlindSet2, p => earlier.Contains(PhrasingMeasure.Normalize(p.Text)));
    }

    [Fact]
    public void SecondBlindSet_NoPhraseAppearsInTheLexicon()
    {
        var leaks = PhrasingMeasure.Leaks(BlindSet2, Test.Concat(Dev));

        Assert.True(leaks.Count == 0, "Second blind set's words copied into red-flags.yaml:\n" + string.Join("\n", leaks));
    }

    /// <summary>
    /// The fourth pass's own check: the 30% of the retired second blind set split off before that pass and never tuned
    /// on. Prints the figures only (no texts), read once at the pass's end.
    /// </summary>
    [Fact]
    public void SecondBlindSet_FourthPassCheck_Measured()
    {
        var report = PhrasingMeasure.Measure("Retired second blind set, fourth-pass check (30%)", BlindSet2Check);
        Console.WriteLine(report.Text);
        output.WriteLine(report.Text);

        Assert.True(BlindSet2Check.Count(p => p.IsPositive) >= 100, "the check part keeps its positives");
    }

    /// <summary>
    /// Prints the figures (Phrasings/README.md has them per rule) and holds the floor fixed before tuning that is met:
    /// urgent positives raised at once, 85%. The emergency floors (90% at once, 98% with the check question) and the
    /// false-alarm floor (5%) are not met on this set and are reported, not asserted, never lowered to the rate reached.
    /// </summary>
    [Fact]
    public void SecondBlindSet_UrgentRaisedAtOnce_AtLeastTheFloorFixedBeforeTuning()
    {
        var report = PhrasingMeasure.Measure("Second blind set", BlindSet2);
        Console.WriteLine(report.Text);
        output.WriteLine(report.Text);

        Assert.True(report.UrgentRecall >= 0.85, $"urgent raised at once {report.UrgentRecall:P1} on the second blind set; the floor is 85%");
    }
}
