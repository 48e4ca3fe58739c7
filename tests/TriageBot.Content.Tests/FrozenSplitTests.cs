using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using TriageBot.Content.Model;
using TriageBot.Content.Tests.Support;
using Xunit.Abstractions;
using static TriageBot.Content.Tests.Support.PhrasingSplit;

namespace TriageBot.Content.Tests;

/// <summary>
/// The free-text red-flag net measured on phrasings its authors never saw (Phrasings/README.md). The floors below
/// were fixed when the split was committed, before any tuning, and are not moved to fit a result.
/// </summary>
public sealed partial class FrozenSplitTests(ITestOutputHelper output)
{
    private static readonly Lazy<RedFlagTable> Table = new(() => ContentLoader.ReadRedFlags(RepoPaths.RedFlags));

    [Fact]
    public void TestSplit_IsLargeAndVariedEnoughToMeasure()
    {
        var positives = Test.Where(p => p.IsPositive).ToList();
        Assert.True(positives.Count >= 300, $"{positives.Count} positives");
        Assert.True(positives.Count(p => p.Kind is "lay" or "slang" or "non-native" or "misspelled") >= 100);
        Assert.True(Test.Count(p => !p.IsPositive) >= 150);
        Assert.Empty(Test.Select(p => Normalize(p.Text)).Intersect(Dev.Select(p => Normalize(p.Text))));
    }

    [Fact]
    public void TestSplit_NoPhraseAppearsInTheLexicon()
    {
        var entries = Table.Value.Definitions
            .SelectMany(r => r.Phrases ?? [])
            .SelectMany(p => p ?? [])
            .SelectMany(g => g ?? [])
            .Select(Normalize)
            .Where(e => e.Length > 0)
            .ToHashSet(StringComparer.Ordinal);
        var seenElsewhere = Dev.Select(p => p.Text)
            .Concat(ContentLoader.ReadGolden(RepoPaths.Golden).Select(u => u.Text))
            .Select(t => $" {Normalize(t)} ")
            .ToList();
        var leaks = new List<string>();
        foreach (var phrasing in Test)
        {
            var text = $" {Normalize(phrasing.Text)} ";
            // A whole test message in the lexicon, or a long lexicon entry found only in test messages.
            leaks.AddRange(entries
                .Where(e => e == text.Trim()
                    || (e.Split(' ').Length >= 5 && text.Contains($" {e} ", StringComparison.Ordinal)
                        && !seenElsewhere.Any(s => s.Contains($" {e} ", StringComparison.Ordinal))))
                .Select(e => $"\"{e}\" (from \"{phrasing.Text}\")"));
        }

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
        var report = Measure(Test);
        Console.WriteLine(report.Text);
        output.WriteLine(report.Text);

        Assert.True(report.FalseAlarmRate <= 0.05, $"false alarms {report.FalseAlarmRate:P1} on the frozen split; the floor is 5%");
    }

    private static Measurement Measure(IReadOnlyList<Phrasing> set)
    {
        var results = set.Select(p => (Phrasing: p, Reading: Table.Value.Detector.Read(p.Text))).Select(r => (r.Phrasing, Hits: r.Reading.Present, r.Reading.Mentions)).ToList();
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"Frozen test split: {set.Count(p => p.IsPositive)} positives, {set.Count(p => !p.IsPositive)} tricky negatives.");
        text.AppendLine(c, $"{"rule",-20} {"level",-10} {"n",4} {"raised",7} {"recall",7} {"asked",6} {"same rule",10} | {"neg n",6} {"alarms",7} {"asked",6}");
        foreach (var rule in set.Where(p => p.IsPositive).GroupBy(p => p.Expect).OrderBy(g => Level(g.First())).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var level = Level(rule.First());
            var rows = results.Where(r => r.Phrasing.Expect == rule.Key).ToList();
            var raised = rows.Count(r => Raised(r.Hits, level));
            var asked = rows.Count(r => !Raised(r.Hits, level) && r.Mentions.Count > 0);
            var same = rows.Count(r => r.Hits.Any(h => h.RuleId == rule.Key));
            var negatives = results.Where(r => r.Phrasing.About == rule.Key).ToList();
            var alarms = negatives.Count(r => IsAlarm(r.Hits));
            var negAsked = negatives.Count(r => !IsAlarm(r.Hits) && r.Mentions.Count > 0);
            text.AppendLine(c, $"{rule.Key,-20} {DispositionLevels.Name(level),-10} {rows.Count,4} {raised,7} {Percent(raised, rows.Count),7} {asked,6} {same,10} | {negatives.Count,6} {alarms,7} {negAsked,6}");
        }

        var recall = new Dictionary<DispositionLevel, double>();
        var askedRecall = new Dictionary<DispositionLevel, double>();
        foreach (var level in new[] { DispositionLevel.Emergency, DispositionLevel.Urgent })
        {
            var rows = results.Where(r => r.Phrasing.IsPositive && Level(r.Phrasing) == level).ToList();
            var raised = rows.Count(r => Raised(r.Hits, level));
            var raisedOrAsked = rows.Count(r => Raised(r.Hits, level) || r.Mentions.Count > 0);
            recall[level] = rows.Count == 0 ? 1 : (double)raised / rows.Count;
            askedRecall[level] = rows.Count == 0 ? 1 : (double)raisedOrAsked / rows.Count;
            text.AppendLine(c, $"{DispositionLevels.Name(level)} recall: {Percent(raised, rows.Count)} ({raised}/{rows.Count}) raised at once; {Percent(raisedOrAsked, rows.Count)} ({raisedOrAsked}/{rows.Count}) raised or asked about");
        }

        var negativesAll = results.Where(r => !r.Phrasing.IsPositive).ToList();
        var falseAlarms = negativesAll.Count(r => IsAlarm(r.Hits));
        var alarmsByKind = string.Join(", ", negativesAll.GroupBy(r => r.Phrasing.Kind).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} {g.Count(r => IsAlarm(r.Hits))}/{g.Count()}"));
        text.AppendLine(c, $"false alarms: {Percent(falseAlarms, negativesAll.Count)} ({falseAlarms}/{negativesAll.Count}); by kind: {alarmsByKind}");
        var recallByKind = string.Join(", ", results.Where(r => r.Phrasing.IsPositive)
            .GroupBy(r => r.Phrasing.Kind).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} {Percent(g.Count(r => Raised(r.Hits, Level(r.Phrasing))), g.Count())}"));
        text.AppendLine(c, $"recall by kind of positive: {recallByKind}");
        foreach (var miss in results.Where(r => r.Phrasing.IsPositive && !Raised(r.Hits, Level(r.Phrasing)) && r.Mentions.Count == 0))
        {
            text.AppendLine(c, $"  missed {miss.Phrasing.Expect} ({miss.Phrasing.Kind})");
        }

        return new Measurement(text.ToString(), recall[DispositionLevel.Emergency], askedRecall[DispositionLevel.Emergency], recall[DispositionLevel.Urgent],
            negativesAll.Count == 0 ? 0 : (double)falseAlarms / negativesAll.Count);
    }

    private static DispositionLevel Level(Phrasing p) =>
        p.Level == "emergency" ? DispositionLevel.Emergency : DispositionLevel.Urgent;

    /// <summary>Caught: a hit at the expected level or a more urgent one.</summary>
    private static bool Raised(IReadOnlyList<RedFlagHit> hits, DispositionLevel level) => hits.Any(h => h.Level <= level);

    private static bool IsAlarm(IReadOnlyList<RedFlagHit> hits) => hits.Any(h => h.Level <= DispositionLevel.Urgent);

    private static string Percent(int part, int whole) =>
        whole == 0 ? "n/a" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Normalize(string text) =>
        Spaces().Replace(NotWord().Replace(text.ToLowerInvariant().Replace("'", "", StringComparison.Ordinal), " "), " ").Trim();

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex NotWord();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    private sealed record Measurement(string Text, double EmergencyRecall, double EmergencyRaisedOrAsked, double UrgentRecall, double FalseAlarmRate);
}
