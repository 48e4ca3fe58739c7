using System.Globalization;
using System.Text;
using TriageBot.Content.Model;
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

    private static string Report()
    {
        var c = CultureInfo.InvariantCulture;
        var rows = Dev.Select(p => (Phrasing: p, Hits: Table.Value.Detector.Detect(p.Text))).ToList();
        var text = new StringBuilder();
        text.AppendLine(c, $"Dev split: {Dev.Count(p => p.IsPositive)} positives, {Dev.Count(p => !p.IsPositive)} negatives.");
        text.AppendLine(c, $"{"rule",-20} {"level",-10} {"n",4} {"caught",7} {"same rule",10} | {"neg n",6} {"alarms",7}");
        foreach (var rule in Table.Value.Rules.OrderBy(r => r.Level).ThenBy(r => r.Id, StringComparer.Ordinal))
        {
            var positives = rows.Where(r => r.Phrasing.Expect == rule.Id).ToList();
            var negatives = rows.Where(r => r.Phrasing.About == rule.Id).ToList();
            text.AppendLine(c, $"{rule.Id,-20} {DispositionLevels.Name(rule.Level),-10} {positives.Count,4} "
                + $"{positives.Count(r => Caught(r.Phrasing, r.Hits)),7} {positives.Count(r => r.Hits.Any(h => h.RuleId == rule.Id)),10} | "
                + $"{negatives.Count,6} {negatives.Count(r => r.Hits.Count > 0),7}");
        }

        foreach (var level in new[] { "emergency", "urgent" })
        {
            var positives = rows.Where(r => r.Phrasing.Level == level).ToList();
            text.AppendLine(c, $"{level} recall: {positives.Count(r => Caught(r.Phrasing, r.Hits))}/{positives.Count}");
        }

        var alarmsByKind = rows.Where(r => !r.Phrasing.IsPositive).GroupBy(r => r.Phrasing.Kind).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} {g.Count(r => r.Hits.Count > 0)}/{g.Count()}");
        text.AppendLine(c, $"false alarms by kind: {string.Join(", ", alarmsByKind)}");
        foreach (var (phrasing, hits) in rows.Where(r => r.Phrasing.IsPositive && !Caught(r.Phrasing, r.Hits)))
        {
            text.AppendLine(c, $"  MISSED {phrasing.Expect} [{string.Join(",", hits.Select(h => h.RuleId))}]: \"{phrasing.Text}\"");
        }

        foreach (var (phrasing, hits) in rows.Where(r => !r.Phrasing.IsPositive && r.Hits.Count > 0))
        {
            text.AppendLine(c, $"  ALARM {phrasing.Kind} {string.Join(",", hits.Select(h => h.RuleId))}: \"{phrasing.Text}\"");
        }

        return text.ToString();
    }

    /// <summary>Caught: a hit at the expected level or a more urgent one (the frozen split's measure).</summary>
    private static bool Caught(Phrasing phrasing, IReadOnlyList<RedFlagHit> hits) =>
        hits.Any(h => h.Level <= (phrasing.Level == "emergency" ? DispositionLevel.Emergency : DispositionLevel.Urgent));
}
