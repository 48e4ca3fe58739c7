using CsCheck;
using TriageBot.Content;
using TriageBot.Content.Model;
using TriageBot.Dialogs.Flow;
using TriageBot.Dialogs.Tests.AnswerSets;
using Xunit.Abstractions;

namespace TriageBot.Dialogs.Tests;

/// <summary>
/// The real disposition table (dialogs/content/dispositions.yaml, with red-flags.yaml) over thousands of generated
/// whole answer sets per run, the same sets every run (<see cref="Property.Seed"/>). Each answer set is turned into
/// findings by the dialogs' own mapping, and the table's verdict is checked against the clinical invariants. What
/// counts as an emergency is read from the content, so a content change that breaks an invariant fails here, with
/// the smallest failing answer set printed as "question → answer" lines and the verdict.
/// </summary>
public sealed class DispositionTablePropertyTests(ITestOutputHelper output)
{
    private const int AnswerSets = 5000;

    [Fact]
    public void EveryRedFlag_OnItsOwn_GetsTheLevelRedFlagsYamlDeclaresForIt()
    {
        Assert.Empty(RedFlagLevelsTheTableDoesNotGive(ClinicalTable.Real));
    }

    [Fact]
    public void AnyYesOrNotSure_InAnEmergencyGroup_GivesAnEmergency_WhateverElseIsAnswered()
    {
        var table = ClinicalTable.Real;

        var (exercised, emergencies) = EmergencyGroupsGiveEmergencies(table);

        output.WriteLine($"{AnswerSets} generated answer sets checked (seed {Property.Seed}); {emergencies} had a yes or not sure in an emergency group.");
        output.WriteLine("Emergency groups (red-flags.yaml emergency rules; the saddle numbness place; findings an emergency rule of dispositions.yaml names alone):");
        foreach (var group in ScreenGroups(table))
        {
            output.WriteLine($"  {group.Key}: {string.Join(", ", group.Value)}");
        }

        var answerable = ScreenGroups(table).Keys.Concat(table.EmergencyFindings.Where(f => f.StartsWith("numbness.", StringComparison.Ordinal)));
        Assert.Empty(answerable.Except(exercised));
    }

    /// <summary>
    /// The emergency-group property over <paramref name="table"/>: every generated set with an emergency finding is an
    /// emergency. Returns the emergency findings that were exercised and how many sets had one.
    /// </summary>
    internal static (IReadOnlySet<string> Exercised, int Emergencies) EmergencyGroupsGiveEmergencies(ClinicalTable table)
    {
        var exercised = new HashSet<string>(StringComparer.Ordinal);
        var emergencies = 0;
        Property.Check(AnswerSetGen.For(table.Content), set =>
        {
            var verdict = set.Walk(table.Content, stopAtEmergency: false);
            var emergencyAnswers = verdict.Findings.Where(table.EmergencyFindings.Contains).ToList();
            if (emergencyAnswers.Count > 0)
            {
                Assert.True(verdict.Result.Level == DispositionLevel.Emergency, $"{string.Join(", ", emergencyAnswers)} found, but the table gives {verdict.Level}");
                exercised.UnionWith(emergencyAnswers);
                emergencies++;
            }
        }, AnswerSets, Print(table));
        return (exercised, emergencies);
    }

    [Fact]
    public void AnsweringOneMoreQuestionYesOrNotSure_OrAddingAnyFinding_NeverLowersTheLevel_NorDropsAReason()
    {
        var table = ClinicalTable.Real;
        var findings = table.AllFindings();
        var raisable = Enumerable.Range(0, RedFlagScreen.Order.Count).Where(i => RedFlagScreen.Order[i].Reading is not (ScreenReading.AgeBand or ScreenReading.Places)).ToArray();
        var raised = 0;
        var gen =
            from set in AnswerSetGen.For(table.Content)
            from question in Gen.Int[0, raisable.Length - 1]
            from extra in Gen.Int[0, findings.Count - 1].Array[1, 3]
            select (Set: set, Question: raisable[question], Extra: extra.Select(i => findings[i]).ToArray());

        Property.Check(gen, c =>
        {
            var before = c.Set.Walk(table.Content, stopAtEmergency: false);
            var positive = PositiveAnswer(c.Question, c.Set.Locale);
            var after = c.Set.WithScreen(c.Question, positive).Walk(table.Content, stopAtEmergency: false);
            AssertNotLower(before.Result, after.Result, $"answering {RedFlagScreen.Order[c.Question].Prompt} {positive}");
            var more = table.Content.Evaluate(before.Findings.Concat(c.Extra).ToHashSet(StringComparer.Ordinal));
            AssertNotLower(before.Result, more, $"adding {string.Join(", ", c.Extra)}");
            raised++;
        }, AnswerSets, c => $"{Print(table)(c.Set)}\n  then: {RedFlagScreen.Order[c.Question].Prompt} → {PositiveAnswer(c.Question, c.Set.Locale)}; and findings {string.Join(", ", c.Extra)}");

        output.WriteLine($"{AnswerSets} generated answer sets checked (seed {Property.Seed}): each with one screen answer turned yes or not sure, and with 1-3 findings added.");
        Assert.Equal(AnswerSets, raised);
    }

    [Fact]
    public void EveryVerdict_HasItsLevelsAdviceAndSafetyNetInBothLocales_AndEveryReasonHasAdviceOfItsOwn()
    {
        var table = ClinicalTable.Real;
        var levels = new Dictionary<string, int>(StringComparer.Ordinal);

        Property.Check(AnswerSetGen.For(table.Content), set =>
        {
            var verdict = set.Walk(table.Content);
            var safetyNet = verdict.Result.Level == DispositionLevel.Emergency ? Outcomes.EmergencyRepeatKey(Outcomes.OutcomeNameKey(verdict.Result)) : ContentKeys.Safety.Net;
            foreach (var key in new[] { Outcomes.AdviceKey(verdict.Result.Level), safetyNet })
            {
                Assert.False(string.IsNullOrWhiteSpace(table.Content.Text(key, set.Locale)), $"{key} says nothing in {set.Locale}");
            }

            foreach (var hazard in verdict.Result.Hazards)
            {
                Assert.True(
                    verdict.Result.Matched.Any(r => r.Hazard == hazard && r.Advice is not null),
                    $"{hazard} is a reason, but no rule that matched gives advice for it");
            }

            levels[verdict.Level] = levels.GetValueOrDefault(verdict.Level) + 1;
        }, AnswerSets, Print(table));

        output.WriteLine($"{AnswerSets} generated answer sets checked (seed {Property.Seed}); verdicts: {string.Join(", ", levels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key} {l.Value}"))}.");
        Assert.Equal(4, levels.Count);
    }

    /// <summary>The red flags whose finding alone does not get the level red-flags.yaml gives them (none, when the files agree).</summary>
    internal static IReadOnlyList<string> RedFlagLevelsTheTableDoesNotGive(ClinicalTable table) =>
    [
        .. table.Content.RedFlags
            .Select(r => (Rule: r, Got: table.Content.Evaluate(new HashSet<string>(StringComparer.Ordinal) { ContentKeys.Findings.RedFlag(r.Id) }).Level))
            .Where(x => x.Got != x.Rule.Level)
            .Select(x => $"{x.Rule.Id}: red-flags.yaml says {DispositionLevels.Name(x.Rule.Level)}, dispositions.yaml gives {DispositionLevels.Name(x.Got)}"),
    ];

    /// <summary>The emergency findings the screen can record, and the questions that record each.</summary>
    private static Dictionary<string, string[]> ScreenGroups(ClinicalTable table) =>
        RedFlagScreen.Order
            .Where(q => q.Finding is not null && table.EmergencyFindings.Contains(q.Finding))
            .GroupBy(q => q.Finding!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(q => q.Prompt).ToArray(), StringComparer.Ordinal);

    private static string PositiveAnswer(int question, string locale) =>
        ClinicalTable.Real.Content.Prompt(RedFlagScreen.Order[question].Prompt, locale).Choices
            .Select(c => c.Id)
            .First(id => id is Choices.Yes or Choices.NotSure);

    private static void AssertNotLower(DispositionResult before, DispositionResult after, string change)
    {
        Assert.True(after.Level <= before.Level, $"{change} lowered the level from {before.Level} to {after.Level}");
        Assert.True(
            before.Hazards.All(after.Hazards.Contains),
            $"{change} dropped reasons: {string.Join(", ", before.Hazards.Except(after.Hazards))}");
    }

    /// <summary>A failing answer set as the conversation it stands for (the flow's stops included), then the full table verdict.</summary>
    internal static Func<AnswerSet, string> Print(ClinicalTable table) => set =>
        $"\n{set.Walk(table.Content).Transcript(table.Content, set.Locale)}\n"
        + $"  (every answer counted, as if the screen never stopped: {Summary(set.Walk(table.Content, stopAtEmergency: false))})";

    private static string Summary(ExpectedTriage verdict) => $"{verdict.Level}; reasons: [{string.Join(", ", verdict.Reasons)}]";
}
