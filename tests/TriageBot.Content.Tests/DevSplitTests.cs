using TriageBot.Content.Tests.Support;
using Xunit.Abstractions;
using static TriageBot.Content.Tests.Support.PhrasingSplit;

namespace TriageBot.Content.Tests;

/// <summary>
/// The free-text net on the dev split, the phrasings the lexicon is tuned on: per-rule recall, false alarms, and each
/// miss and alarm, so a lexicon change can be judged by the family of phrasings it fixes. A report, not a gate: the
/// frozen test split is the judge (FrozenSplitTests on main).
/// </summary>
public sealed class DevSplitTests(ITestOutputHelper output)
{
    private static readonly Lazy<RedFlagTable> Table = new(() => ContentLoader.ReadRedFlags(RepoPaths.RedFlags));

    [Fact]
    public void DevSplit_IsReadAndHasBothPositivesAndNegatives()
    {
        Assert.True(Dev.Count(p => p.IsPositive) >= 100, $"{Dev.Count(p => p.IsPositive)} dev positives");
        Assert.True(Dev.Count(p => !p.IsPositive) >= 50, $"{Dev.Count(p => !p.IsPositive)} dev negatives");
    }

    [Fact]
    public void DevSplit_Report_HasARowForEveryRuleAndBothLevelRecalls()
    {
        // The numbers are a report, not a gate (the frozen split is the judge); that every rule is in it is checked.
        var report = Report();
        Console.WriteLine(report);
        output.WriteLine(report);

        var rows = report.Split('\n').Select(line => line.Split(' ', 2)[0]).ToHashSet(StringComparer.Ordinal);
        Assert.All(Table.Value.Rules, rule => Assert.Contains(rule.Id, rows));
        Assert.Contains("emergency recall: ", report, StringComparison.Ordinal);
        Assert.Contains("urgent recall: ", report, StringComparison.Ordinal);
    }

    private static string Report() => PhrasingMeasure.Measure("Dev split", Dev, listTexts: true).Text;
}
