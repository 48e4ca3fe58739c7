using System.Globalization;
using System.Text;
using TriageBot.Content.Model;
using TriageBot.Content.Validation;
using TriageBot.Content.Yaml;

namespace TriageBot.Content.Tests.Support;

/// <summary>The real red-flags.yaml and context.yaml run over the real golden set, once per test run.</summary>
internal sealed class GoldenRun
{
    private static readonly Lazy<GoldenRun> CurrentRun = new(() =>
        new GoldenRun(ContentLoader.ReadRedFlags(RepoPaths.RedFlags), ContentLoader.ReadGolden(RepoPaths.Golden)));

    private GoldenRun(RedFlagTable table, IReadOnlyList<GoldenUtterance> utterances)
    {
        Rules = table.Rules;
        var rules = Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        Results = [.. utterances.Select(u =>
        {
            var reading = table.Detector.Read(u.Text);
            return new Result(u, reading, [.. GoldenChecks.Problems(u, reading, rules)]);
        })];
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
        var present = Results.Where(r => GoldenChecks.PresentKinds.Contains(r.Utterance.Kind) && r.Utterance.Expect != "none").ToList();
        var mentions = Results.Where(r => GoldenChecks.MentionKinds.ContainsKey(r.Utterance.Kind)).ToList();
        report.AppendLine(c, $"Golden red-flag set: {Results.Count} utterances, {present.Count} present, {mentions.Count} mentions, {none.Count} expecting none.");
        report.AppendLine(c, $"{"rule",-12} {"level",-10} {"present",8} {"found",6} {"recall",7} {"mentions",9} {"read",5} {"false alarms",13} {"also on others",15}");
        foreach (var rule in Rules)
        {
            var expected = present.Where(r => r.Utterance.Expect == rule.Id).ToList();
            var found = expected.Count(r => r.Fired(rule.Id));
            var mentioned = mentions.Where(r => r.Utterance.Expect == rule.Id).ToList();
            var read = mentioned.Count(r => r.Problems.Count == 0);
            var falseAlarms = none.Count(r => r.Fired(rule.Id)) + mentions.Count(r => r.Fired(rule.Id));
            var others = present.Count(r => r.Utterance.Expect != rule.Id && r.Fired(rule.Id));
            report.AppendLine(c, $"{rule.Id,-12} {DispositionLevels.Name(rule.Level),-10} {expected.Count,8} {found,6} {Percent(found, expected.Count),7} {mentioned.Count,9} {read,5} {falseAlarms,13} {others,15}");
        }

        foreach (var level in new[] { DispositionLevel.Emergency, DispositionLevel.Urgent })
        {
            var expected = present.Where(r => LevelOf(r.Utterance.Expect) == level).ToList();
            var found = expected.Count(r => r.Fired(r.Utterance.Expect));
            report.AppendLine(c, $"{DispositionLevels.Name(level)} recall (present kinds): {Percent(found, expected.Count)} ({found}/{expected.Count})");
        }

        var quiet = none.Concat(mentions).ToList();
        report.AppendLine(c, $"mentions read with the right reason: {mentions.Count(r => r.Problems.Count == 0)}/{mentions.Count}");
        report.AppendLine(c, $"false alarms on none and mention kinds: {quiet.Count(r => r.Reading.Present.Count > 0)}/{quiet.Count} any level, {quiet.Count(r => r.Reading.Present.Any(h => h.Level == DispositionLevel.Emergency))}/{quiet.Count} emergency");
        foreach (var miss in present.Where(r => !r.Fired(r.Utterance.Expect)))
        {
            report.AppendLine(c, $"  MISSED {miss.Utterance.Expect}: \"{miss.Utterance.Text}\"");
        }

        foreach (var alarm in quiet.Where(r => r.Reading.Present.Count > 0))
        {
            report.AppendLine(c, $"  FALSE ALARM {string.Join(",", alarm.Reading.Present.Select(h => h.RuleId))}: \"{alarm.Utterance.Text}\"");
        }

        foreach (var problem in Results.SelectMany(r => r.Problems))
        {
            report.AppendLine(c, $"  GATE {problem}");
        }

        return report.ToString();
    }

    private static string Percent(int part, int whole) =>
        whole == 0 ? "n/a" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    internal sealed record Result(GoldenUtterance Utterance, FreeTextReading Reading, IReadOnlyList<string> Problems)
    {
        public bool Fired(string ruleId) => Reading.Present.Any(h => h.RuleId == ruleId);
    }
}
