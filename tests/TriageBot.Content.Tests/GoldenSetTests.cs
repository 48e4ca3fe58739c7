using TriageBot.Content.Model;
using TriageBot.Content.Tests.Support;
using TriageBot.Content.Validation;
using Xunit.Abstractions;

namespace TriageBot.Content.Tests;

/// <summary>
/// The merge gate: dialogs/content/red-flags.yaml read with context.yaml, against golden/red-flag-utterances.yaml.
/// 100% recall on clear present emergency statements; mentions (someone else, the past, "what if", questions) are
/// asked about, never raised as present emergencies; nothing expected to be quiet may raise an emergency.
/// </summary>
public sealed class GoldenSetTests(ITestOutputHelper output)
{
    private static readonly string[] Kinds =
        ["positive", "negated", "negative", "misspelled", "us-english", "uk-english", "other", "historical", "hypothetical", "question"];

    private static GoldenRun Run => GoldenRun.Current;

    [Fact]
    public void GoldenSet_EmergencyRuleUtterances_AreAllDetected()
    {
        Print();
        var missed = Run.Results
            .Where(r => GoldenChecks.PresentKinds.Contains(r.Utterance.Kind))
            .Where(r => Run.LevelOf(r.Utterance.Expect) == DispositionLevel.Emergency && !r.Fired(r.Utterance.Expect))
            .Select(r => $"{r.Utterance.Expect}: \"{r.Utterance.Text}\"")
            .ToList();

        Assert.True(missed.Count == 0, "Emergency red flags missed:\n" + string.Join("\n", missed));
    }

    [Fact]
    public void GoldenSet_UtterancesExpectingNone_TriggerNoEmergencyRule()
    {
        var alarms = Run.Results
            .Where(r => r.Utterance.Expect == "none" && r.Reading.Present.Any(h => h.Level == DispositionLevel.Emergency))
            .Select(r => $"{string.Join(",", r.Reading.Present.Select(h => h.RuleId))}: \"{r.Utterance.Text}\"")
            .ToList();

        Assert.True(alarms.Count == 0, "Emergency false alarms:\n" + string.Join("\n", alarms));
    }

    [Fact]
    public void GoldenSet_Mentions_AreAskedWithTheirReasonAndNeverRaisedAsEmergencies()
    {
        var mentions = Run.Results.Where(r => GoldenChecks.MentionKinds.ContainsKey(r.Utterance.Kind)).ToList();
        Assert.True(mentions.Count >= 40, $"Only {mentions.Count} mention utterances; at least 40 are required.");
        foreach (var kind in GoldenChecks.MentionKinds.Keys)
        {
            Assert.True(mentions.Count(r => r.Utterance.Kind == kind) >= 5, $"Fewer than 5 golden utterances of kind '{kind}'.");
        }

        var wrong = mentions.SelectMany(r => r.Problems).ToList();
        Assert.True(wrong.Count == 0, "Mentions read wrongly:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void GoldenSet_DeniedUtterances_MentionNoEmergency()
    {
        var wrong = Run.Results.Where(r => r.Utterance.Kind == "negated").SelectMany(r => r.Problems).ToList();

        Assert.True(wrong.Count == 0, "Denied red flags still read:\n" + string.Join("\n", wrong));
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
        Assert.Equal(Kinds.Order(), GoldenChecks.Kinds.Order());
        Assert.All(Run.Results, r =>
        {
            Assert.Contains(r.Utterance.Expect, ruleIds);
            Assert.Contains(r.Utterance.Kind, Kinds);
        });
        Assert.All(Run.Results.Where(r => r.Utterance.Kind is "negated" or "negative"), r => Assert.Equal("none", r.Utterance.Expect));
        Assert.All(Run.Results.Where(r => GoldenChecks.MentionKinds.ContainsKey(r.Utterance.Kind)), r => Assert.NotEqual("none", r.Utterance.Expect));
    }

    private void Print()
    {
        // Console for `dotnet test` output, the helper for IDE runners.
        var report = Run.Report();
        Console.WriteLine(report);
        output.WriteLine(report);
    }
}
