using TriageBot.Content.Tests.Support;
using Xunit.Abstractions;
using static TriageBot.Content.Tests.Support.PhrasingSplit;

namespace TriageBot.Content.Tests;

/// <summary>
/// Reports, not gates: the free-text net on phrasings that may be looked at, with each message it misses, asks about
/// or raises wrongly. The old test split was retired to tuning data when a fresh blind set replaced it; the lexicon
/// third pass's own held-back set is read only to check that pass at its end (Phrasings/README.md).
/// </summary>
public sealed class TuningSetTests(ITestOutputHelper output)
{
    private static readonly Lazy<RedFlagTable> Table = new(() => ContentLoader.ReadRedFlags(RepoPaths.RedFlags));

    [Fact]
    public void RetiredTestSplit_Measured() => Print("Retired test split (tuning data)", Test);

    [Fact]
    public void RetiredSecondBlindSet_TuningPart_Measured() => Print("Retired second blind set, tuning part (70%)", BlindSet2Tuning);

    [Fact]
    public void RetiredSecondBlindSet_SplitBeforeTheFourthPass_SeventyThirtyAndEveryRuleInBoth()
    {
        Assert.All(BlindSet2, p => Assert.NotNull(p.Tuning));
        Assert.Equal(462, BlindSet2Tuning.Count);
        Assert.Equal(195, BlindSet2Check.Count);
        var rules = Table.Value.Rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(rules, BlindSet2Tuning.Where(p => p.IsPositive).Select(p => p.Expect).ToHashSet(StringComparer.Ordinal));
        Assert.Equal(rules, BlindSet2Check.Where(p => p.IsPositive).Select(p => p.Expect).ToHashSet(StringComparer.Ordinal));
    }

    [Fact]
    public void RetiredSecondBlindSet_Whole_Measured() => Print("Retired second blind set (all of it, tuning data since the fifth pass)", BlindSet2);

    [Fact]
    public void RetiredThirdBlindSet_Measured() => Print("Retired third blind set (tuning data since the fifth pass)", BlindSet3);

    [Fact]
    public void RetiredFourthBlindSet_Measured() => Print("Retired fourth blind set (tuning data since the sixth pass)", BlindSet4);

    [Fact]
    public void Lexicon3HeldBack_Measured() => Print("Lexicon third pass held-back set", Lexicon3HeldBack);

    [Fact]
    public void Lexicon3HeldBack_HasPositivesForEveryRuleAndTrickyNegatives()
    {
        var rules = Table.Value.Rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        Assert.Subset(Lexicon3HeldBack.Where(p => p.IsPositive).Select(p => p.Expect).ToHashSet(StringComparer.Ordinal), rules);
        Assert.True(Lexicon3HeldBack.Count(p => !p.IsPositive) >= 40, $"{Lexicon3HeldBack.Count(p => !p.IsPositive)} negatives");
    }

    private void Print(string title, IReadOnlyList<Phrasing> set)
    {
        var report = PhrasingMeasure.Measure(title, set, listTexts: true).Text;
        Console.WriteLine(report);
        output.WriteLine(report);
    }
}
