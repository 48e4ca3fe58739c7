using System.Globalization;
using System.Text;
using TriageBot.Content.Model;
using TriageBot.Content.Yaml;

namespace TriageBot.Content.Tests.Support;

/// <summary>The real red-flags.yaml run over the real golden set, once per test run.</summary>
internal sealed class GoldenRun
{
    private static readonly Lazy<GoldenRun> CurrentRun = new(() =>
        new GoldenRun(ContentLoader.ReadRedFlags(RepoPaths.RedFlags), ContentLoader.ReadGolden(RepoPaths.Golden)));

    private GoldenRun(RedFlagTable table, IReadOnlyList<GoldenUtterance> utterances)
    {
        Rules = table.Rules;
        Results = [.. utterances.Select(u => new Result(u, table.Detector.Detect(u.Text)))];
    }

    public static GoldenRun Current => CurrentRun.Value;

    public IReadOnlyList<RedFlagRule> Rules { get; }

    public IReadOnlyList<Result> Results { get; }

    public DispositionLevel? LevelOf(string ruleId) => Rules.FirstOrDefault(r => r.Id == ruleId)?.Level;

    public string Report()
    {
        var report = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        var none = Results.Where(r => r.Utterance.Expect == "none").ToList();
        report.AppendLine(c, $"Golden red-flag set: {Results.Count} utterances, {Results.Count - none.Count} expecting a rule, {none.Count} expecting none.");
        report.AppendLine(c, $"{"rule",-12} {"level",-10} {"expected",8} {"found",6} {"recall",7} {"false alarms",13} {"also on others",15}");
        foreach (var rule in Rules)
        {
            var expected = Results.Where(r => r.Utterance.Expect == rule.Id).ToList();
            var found = expected.Count(r => r.Fired(rule.Id));
            var falseAlarms = none.Count(r => r.Fired(rule.Id));
            var others = Results.Count(r => r.Utterance.Expect != rule.Id && r.Utterance.Expect != "none" && r.Fired(rule.Id));
            report.AppendLine(c, $"{rule.Id,-12} {DispositionLevels.Name(rule.Level),-10} {expected.Count,8} {found,6} {Percent(found, expected.Count),7} {falseAlarms,13} {others,15}");
        }

        foreach (var level in new[] { DispositionLevel.Emergency, DispositionLevel.Urgent })
        {
            var expected = Results.Where(r => LevelOf(r.Utterance.Expect) == level).ToList();
            var found = expected.Count(r => r.Fired(r.Utterance.Expect));
            report.AppendLine(c, $"{DispositionLevels.Name(level)} recall: {Percent(found, expected.Count)} ({found}/{expected.Count})");
        }

        var anyAlarm = none.Count(r => r.Hits.Count > 0);
        var emergencyAlarm = none.Count(r => r.Hits.Any(h => h.Level == DispositionLevel.Emergency));
        report.AppendLine(c, $"false alarms on expect: none: {anyAlarm}/{none.Count} any level, {emergencyAlarm}/{none.Count} emergency");
        foreach (var miss in Results.Where(r => r.Utterance.Expect != "none" && !r.Fired(r.Utterance.Expect)))
        {
            report.AppendLine(c, $"  MISSED {miss.Utterance.Expect}: \"{miss.Utterance.Text}\"");
        }

        foreach (var alarm in none.Where(r => r.Hits.Count > 0))
        {
            report.AppendLine(c, $"  FALSE ALARM {string.Join(",", alarm.Hits.Select(h => h.RuleId))}: \"{alarm.Utterance.Text}\"");
        }

        return report.ToString();
    }

    private static string Percent(int part, int whole) =>
        whole == 0 ? "n/a" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    internal sealed record Result(GoldenUtterance Utterance, IReadOnlyList<RedFlagHit> Hits)
    {
        public bool Fired(string ruleId) => Hits.Any(h => h.RuleId == ruleId);
    }
}
