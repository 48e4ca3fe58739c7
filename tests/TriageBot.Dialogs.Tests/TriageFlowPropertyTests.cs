using TriageBot.Dialogs.Flow;
using TriageBot.Dialogs.Tests.AnswerSets;
using Xunit.Abstractions;

namespace TriageBot.Dialogs.Tests;

/// <summary>
/// Generated whole answer sets (the same ones every run, <see cref="Property.Seed"/>) given to the real bot in
/// process, tapped, posted back, typed in the person's words, or written as free text. Every way must end where the
/// disposition table puts those answers (so the ways agree with each other), say the safety net, have shown the
/// advice of every reason it reports, and ask nothing after an emergency. A failing case prints the smallest failing
/// answer set as "question → answer" lines, and the real conversation it had.
/// </summary>
public sealed class TriageFlowPropertyTests(ITestOutputHelper output)
{
    private const int AnswerSets = 30;

    [Theory]
    [InlineData(Answering.Tapped)]
    [InlineData(Answering.PostBack)]
    [InlineData(Answering.Typed)]
    [InlineData(Answering.FreeText)]
    public async Task GeneratedWholeTriages_EndAtTheTablesLevelAndReasons_SayTheSafetyNet_HaveShownTheAdviceOfEveryReasonExceptUrgentOnesBesideAnEmergency_AndAskNothingAfterAnEmergency(Answering how)
    {
        var table = ClinicalTable.Real;
        var levels = new Dictionary<string, int>(StringComparer.Ordinal);
        var sentences = 0;

        await Property.CheckAsync(AnswerSetGen.For(table.Content, mostPositive: 2), async set =>
        {
            var expected = set.Walk(table.Content);
            var triage = await AnsweredTriage.RunAsync(set, how);

            AssertEndsAsTheTableSays(triage, expected, set.Locale);
            levels[expected.Level] = levels.GetValueOrDefault(expected.Level) + 1;
            sentences += triage.WrittenAsFreeText;
        }, AnswerSets, set => $"answered {how}:\n{set.Walk(table.Content).Transcript(table.Content, set.Locale)}");

        output.WriteLine($"{AnswerSets} generated answer sets answered {how} (seed {Property.Seed}); outcomes: {string.Join(", ", levels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key} {l.Value}"))}; red flags written as free text: {sentences}.");

        // Not vacuous: both kinds of ending were reached, and the free-text way really wrote red flags as sentences.
        Assert.Contains("emergency", levels.Keys);
        Assert.True(levels.Count > 1, "Every generated set ended in an emergency: the non-emergency ending went unchecked.");
        Assert.True(how != Answering.FreeText || sentences > 0, "No red flag was written as free text.");
    }

    /// <summary>
    /// The known gap (reported with issue 13, not fixed here: it is the clinical safety officer's call): when one part of
    /// the triage (pain, numbness) brings an emergency and an urgent hazard at once, the emergency script says only the
    /// emergency advice, yet the outcome and the summary name the urgent hazard too. Those reasons, and only those, may
    /// lack advice of their own; any other reason without its advice fails.
    /// </summary>
    private static IEnumerable<string> UrgentReasonsBesideAnEmergency(ExpectedTriage expected) =>
        expected.Result.Level != Content.Model.DispositionLevel.Emergency
            ? []
            : expected.Result.Matched.Where(r => r.Hazard is not null).GroupBy(r => r.Hazard!)
                .Where(g => g.All(r => r.Level != Content.Model.DispositionLevel.Emergency))
                .Select(g => g.Key);

    private static void AssertEndsAsTheTableSays(AnsweredTriage triage, ExpectedTriage expected, string locale)
    {
        var content = TriageChat.Catalog;
        string Why(string what) => $"{what}\nThe conversation:\n{triage.Chat.Transcript()}";

        Assert.False(triage.LeftOpen, Why("The bot was still asking after every answer was given."));
        Assert.True(triage.Outcomes.Count == 1, Why($"{triage.Outcomes.Count} triage.outcome events, not one."));
        var (turn, outcome) = triage.Outcomes[0];
        var reasons = outcome.Reasons.Order(StringComparer.Ordinal).ToList();
        Assert.True(
            outcome.Level == expected.Level && reasons.SequenceEqual(expected.Reasons),
            Why($"Ended {outcome.Level} [{string.Join(", ", reasons)}]; the table gives these answers {expected.Level} [{string.Join(", ", expected.Reasons)}]."));

        var ending = triage.Chat.Turns[turn].Bot;
        var safetyNet = outcome.Level == Outcomes.Id(Content.Model.DispositionLevel.Emergency)
            ? Outcomes.EmergencyRepeatKey($"outcome.{outcome.Outcome}")
            : ContentKeys.Safety.Net;
        Assert.True(ending.Contains(content.Text(safetyNet, locale)), Why($"The outcome came without the safety net ({safetyNet})."));

        foreach (var reason in outcome.Reasons.Except(UrgentReasonsBesideAnEmergency(expected)))
        {
            var advice = ClinicalTable.Real.AdviceFor(reason);
            Assert.True(
                advice.Any(key => triage.Said.Contains(content.Text(key, locale))),
                Why($"{reason} is a reason in the outcome, but none of its advice ({string.Join(", ", advice)}) was shown."));
        }

        if (outcome.Level == "emergency")
        {
            Assert.True(turn == triage.Chat.Turns.Count - 1 && triage.Asking(ending) is null, Why("A question was asked after the emergency."));
        }
    }
}
