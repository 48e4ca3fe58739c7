using TriageBot.Content.Model;
using TriageBot.Content.Tests.Support;
using Xunit.Abstractions;

namespace TriageBot.Content.Tests;

/// <summary>
/// The merge gate: dialogs/content/red-flags.yaml against dialogs/content/golden/red-flag-utterances.yaml.
/// 100% recall on emergency rules; nothing expected to be quiet may raise an emergency.
/// </summary>
public sealed class GoldenSetTests(ITestOutputHelper output)
{
    private static readonly string[] Kinds = ["positive", "negated", "negative", "misspelled", "us-english", "uk-english"];

    private static GoldenRun Run => GoldenRun.Current;

    [Fact]
    public void GoldenSet_EmergencyRuleUtterances_AreAllDetected()
    {
        Print();
        var missed = Run.Results
            .Where(r => Run.LevelOf(r.Utterance.Expect) == DispositionLevel.Emergency && !r.Fired(r.Utterance.Expect))
            .Select(r => $"{r.Utterance.Expect}: \"{r.Utterance.Text}\"")
            .ToList();

        Assert.True(missed.Count == 0, "Emergency red flags missed:\n" + string.Join("\n", missed));
    }

    [Fact]
    public void GoldenSet_UtterancesExpectingNone_TriggerNoEmergencyRule()
    {
        var alarms = Run.Results
            .Where(r => r.Utterance.Expect == "none" && r.Hits.Any(h => h.Level == DispositionLevel.Emergency))
            .Select(r => $"{string.Join(",", r.Hits.Select(h => h.RuleId))}: \"{r.Utterance.Text}\"")
            .ToList();

        Assert.True(alarms.Count == 0, "Emergency false alarms:\n" + string.Join("\n", alarms));
    }

    [Fact]
    public void GoldenSet_Coverage_MeetsTheMinimumPerRule()
    {
        Assert.True(Run.Results.Count >= 170, $"Only {Run.Results.Count} golden utterances; at least 170 are required.");
        foreach (var rule in Run.Rules)
        {
            var count = Run.Results.Count(r => r.Utterance.Expect == rule.Id);
            var minimum = rule.Level == DispositionLevel.Emergency ? 15 : 6;
            Assert.True(count >= minimum, $"Rule '{rule.Id}' has {count} golden utterances; {minimum} are required.");
        }
    }

    [Fact]
    public void GoldenSet_Utterances_UseKnownRulesAndKinds()
    {
        var ruleIds = Run.Rules.Select(r => r.Id).Append("none").ToHashSet();
        Assert.All(Run.Results, r =>
        {
            Assert.Contains(r.Utterance.Expect, ruleIds);
            Assert.Contains(r.Utterance.Kind, Kinds);
        });
        Assert.All(Run.Results.Where(r => r.Utterance.Kind is "negated" or "negative"), r => Assert.Equal("none", r.Utterance.Expect));
    }

    private void Print()
    {
        // Console for `dotnet test` output, the helper for IDE runners.
        var report = Run.Report();
        Console.WriteLine(report);
        output.WriteLine(report);
    }
}
