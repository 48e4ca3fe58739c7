using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using TriageBot.Content.Model;
using static TriageBot.Content.Tests.Support.PhrasingSplit;

namespace TriageBot.Content.Tests.Support;

/// <summary>
/// How a blind set of red-flag phrasings is measured and guarded (Phrasings/README.md): per rule and per level, the
/// positives raised at once or asked about, the tricky negatives that raise an alarm; and whether any of the set's
/// words were copied into the lexicon.
/// </summary>
internal static partial class PhrasingMeasure
{
    private static readonly Lazy<RedFlagTable> Table = new(() => ContentLoader.ReadRedFlags(RepoPaths.RedFlags));

    /// <summary>
    /// Lexicon entries that leak <paramref name="set"/>: a whole message in the lexicon, or a long entry (5 words or
    /// more) found only in this set's messages (not in <paramref name="seenElsewhere"/> or the golden set).
    /// </summary>
    public static List<string> Leaks(IReadOnlyList<Phrasing> set, IEnumerable<Phrasing> seenElsewhere)
    {
        var entries = Table.Value.Definitions
            .SelectMany(r => r.Phrases ?? [])
            .SelectMany(p => p ?? [])
            .SelectMany(g => g ?? [])
            .Select(Normalize)
            .Where(e => e.Length > 0)
            .ToHashSet(StringComparer.Ordinal);
        var elsewhere = seenElsewhere.Select(p => p.Text)
            .Concat(ContentLoader.ReadGolden(RepoPaths.Golden).Select(u => u.Text))
            .Select(t => $" {Normalize(t)} ")
            .ToList();
        var leaks = new List<string>();
        foreach (var phrasing in set)
        {
            var text = $" {Normalize(phrasing.Text)} ";
            leaks.AddRange(entries
                .Where(e => e == text.Trim()
                    || (e.Split(' ').Length >= 5 && text.Contains($" {e} ", StringComparison.Ordinal)
                        && !elsewhere.Any(s => s.Contains($" {e} ", StringComparison.Ordinal))))
                .Select(e => $"\"{e}\" (from \"{phrasing.Text}\")"));
        }

        return leaks;
    }

    public static string Normalize(string text) =>
        Spaces().Replace(NotWord().Replace(text.ToLowerInvariant().Replace("'", "", StringComparison.Ordinal), " "), " ").Trim();

    /// <summary>
    /// The figures for <paramref name="set"/>. With <paramref name="listTexts"/> (sets that may be tuned on), each miss,
    /// question and alarm is listed with its text and what was read; a blind set lists only the rule and kind missed.
    /// </summary>
    public static Measurement Measure(string name, IReadOnlyList<Phrasing> set, bool listTexts = false)
    {
        var results = set.Select(p => (Phrasing: p, Reading: Table.Value.Detector.Read(p.Text))).Select(r => (r.Phrasing, Hits: r.Reading.Present, r.Reading.Mentions)).ToList();
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"{name}: {set.Count(p => p.IsPositive)} positives, {set.Count(p => !p.IsPositive)} tricky negatives.");
        text.AppendLine(c, $"{"rule",-20} {"level",-10} {"n",4} {"raised",7} {"recall",7} {"asked",6} {"same rule",10} | {"neg n",6} {"alarms",7} {"asked",6}");
        foreach (var rule in Table.Value.Rules.OrderBy(r => r.Level).ThenBy(r => r.Id, StringComparer.Ordinal))
        {
            var level = rule.Level;
            var rows = results.Where(r => r.Phrasing.Expect == rule.Id).ToList();
            var raised = rows.Count(r => Raised(r.Hits, level));
            var asked = rows.Count(r => !Raised(r.Hits, level) && r.Mentions.Count > 0);
            var same = rows.Count(r => r.Hits.Any(h => h.RuleId == rule.Id));
            var negatives = results.Where(r => r.Phrasing.About == rule.Id).ToList();
            var alarms = negatives.Count(r => IsAlarm(r.Hits));
            var negAsked = negatives.Count(r => !IsAlarm(r.Hits) && r.Mentions.Count > 0);
            text.AppendLine(c, $"{rule.Id,-20} {DispositionLevels.Name(level),-10} {rows.Count,4} {raised,7} {Percent(raised, rows.Count),7} {asked,6} {same,10} | {negatives.Count,6} {alarms,7} {negAsked,6}");
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
            .Select(g => $"{g.Key} {g.Count(r => IsAlarm(r.Hits))}/{g.Count()} (asked {g.Count(r => !IsAlarm(r.Hits) && r.Mentions.Count > 0)})"));
        var negativesAsked = negativesAll.Count(r => !IsAlarm(r.Hits) && r.Mentions.Count > 0);
        text.AppendLine(c, $"false alarms: {Percent(falseAlarms, negativesAll.Count)} ({falseAlarms}/{negativesAll.Count}); asked about: {negativesAsked}/{negativesAll.Count}; by kind: {alarmsByKind}");
        var recallByKind = string.Join(", ", results.Where(r => r.Phrasing.IsPositive)
            .GroupBy(r => r.Phrasing.Kind).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} {Percent(g.Count(r => Raised(r.Hits, Level(r.Phrasing))), g.Count())}"));
        text.AppendLine(c, $"recall by kind of positive: {recallByKind}");
        foreach (var miss in results.Where(r => r.Phrasing.IsPositive && !Raised(r.Hits, Level(r.Phrasing)) && (listTexts || r.Mentions.Count == 0)))
        {
            if (listTexts)
            {
                text.AppendLine(c, $"  {(miss.Mentions.Count > 0 ? "ASKED" : "MISSED")} {miss.Phrasing.Expect} [{WhatWasRead(miss.Hits, miss.Mentions)}]: \"{miss.Phrasing.Text}\"");
            }
            else
            {
                text.AppendLine(c, $"  missed {miss.Phrasing.Expect} ({miss.Phrasing.Kind})");
            }
        }

        foreach (var alarm in listTexts ? negativesAll.Where(r => IsAlarm(r.Hits)) : [])
        {
            text.AppendLine(c, $"  ALARM {alarm.Phrasing.Kind} [{WhatWasRead(alarm.Hits, alarm.Mentions)}]: \"{alarm.Phrasing.Text}\"");
        }

        return new Measurement(text.ToString(), recall[DispositionLevel.Emergency], askedRecall[DispositionLevel.Emergency], recall[DispositionLevel.Urgent],
            negativesAll.Count == 0 ? 0 : (double)falseAlarms / negativesAll.Count);
    }

    private static string WhatWasRead(IReadOnlyList<RedFlagHit> hits, IReadOnlyList<RedFlagMention> mentions) =>
        string.Join(",", hits.Select(h => h.RuleId).Concat(mentions.Select(m => $"?{m.RuleId}/{m.Reason}")));

    private static DispositionLevel Level(Phrasing p) =>
        p.Level == "emergency" ? DispositionLevel.Emergency : DispositionLevel.Urgent;

    /// <summary>Caught: a hit at the expected level or a more urgent one.</summary>
    private static bool Raised(IReadOnlyList<RedFlagHit> hits, DispositionLevel level) => hits.Any(h => h.Level <= level);

    private static bool IsAlarm(IReadOnlyList<RedFlagHit> hits) => hits.Any(h => h.Level <= DispositionLevel.Urgent);

    private static string Percent(int part, int whole) =>
        whole == 0 ? "n/a" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex NotWord();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    public sealed record Measurement(string Text, double EmergencyRecall, double EmergencyRaisedOrAsked, double UrgentRecall, double FalseAlarmRate);
}
