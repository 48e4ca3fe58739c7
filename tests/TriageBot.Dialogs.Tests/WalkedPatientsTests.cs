using TriageBot.Dialogs.Flow;
using TriageBot.Schema;
using Xunit.Abstractions;
using static TriageBot.Dialogs.ContentKeys;
using static TriageBot.Dialogs.Tests.TriageChat;

namespace TriageBot.Dialogs.Tests;

/// <summary>
/// Whole triages walked as patients (issue 9, item 1): thoughts of self-harm only, a fever during chemotherapy, past
/// cancer with new back pain, pregnancy, and inflammatory back pain under 45. Every positive answer is given once by
/// tapping and once by typing; each must get that hazard's own advice at its level, and the summary must list it.
/// </summary>
public sealed class WalkedPatientsTests(ITestOutputHelper output)
{
    // --- Thoughts of self-harm, nothing else ------------------------------------------------------------------

    [Theory]
    [InlineData("honestly I want to end my life")]
    [InlineData("i keep thinking about killing myself tbh")]
    public async Task SelfHarmOnly_Typed_GetsTheCrisisAdvice_AndTheSummaryNamesUrgentMentalHealthSupport(string words)
    {
        var chat = new TriageChat();
        await chat.ConsentAndAgeAsync();

        var replies = await chat.SayAsync(words);

        Print(chat);
        AssertSelfHarmAdvice(chat, replies);
    }

    [Fact]
    public async Task SelfHarmOnly_MentionedAsPast_ThenYesTapped_GetsTheCrisisAdvice_AndTheSummaryNamesUrgentMentalHealthSupport()
    {
        var chat = new TriageChat();
        await chat.ConsentAndAgeAsync();
        var check = await chat.SayAsync("I self-harmed as a teenager but I'm in a good place now");
        Assert.Equal([chat.Q(Prompt.Check.SelfHarm)], Texts(check));

        var replies = await chat.SayAsync(chat.Title(Prompt.Check.SelfHarm, Choices.Yes));

        Print(chat);
        AssertSelfHarmAdvice(chat, replies);
    }

    // --- A fever during chemotherapy (NICE CG151: the acute oncology line, an emergency) ------------------------

    [Theory]
    [InlineData("Yes", "No", "Yes")]
    [InlineData("yes I've had a temperature of 38.5 since yesterday", "no none of those", "yes I'm on chemo")]
    public async Task FeverOnChemotherapy_GetsTheFeverAdvice_ThenTheAcuteOncologyLineNow_AnEmergency_TheLastWordAndSummarySayTheHelplineFirst(string fever, string severe, string immune)
    {
        var chat = new TriageChat();
        await chat.ScreenUntilAsync(Prompt.RedFlag.Fever);

        var feverReplies = await chat.SayAsync(fever);
        Assert.Equal([chat.T(Advice.RedFlag.Fever), chat.SourcesLine(Advice.RedFlag.Fever), chat.Q(Prompt.RedFlag.FeverSevere)], Texts(feverReplies));
        Assert.Equal([chat.Q(Prompt.RedFlag.Immune)], Texts(await chat.SayAsync(severe)));
        var replies = await chat.SayAsync(immune);

        Print(chat);
        Assert.Equal(chat.T(Advice.Combined.FeverImmune), Texts(replies)[0]);
        Assert.Contains("acute oncology", Texts(replies)[0], StringComparison.Ordinal);
        Assert.Equal("emergency", Outcome(replies)!.Level);
        // "I'm on chemo" typed also says the person has cancer (HAZ-MSCC, urgent); the emergency is the infection.
        Assert.Contains("HAZ-INFECTION", Outcome(replies)!.Reasons);
        Assert.Equal("acute-oncology", Outcome(replies)!.Outcome);
        Assert.Equal(chat.T(ContentKeys.Safety.EmergencyRepeatAcuteOncology), Texts(replies)[2]);
        Assert.DoesNotContain(chat.T(ContentKeys.Safety.EmergencyRepeat), Texts(replies));
        AssertSummaryLists(chat, replies, ContentKeys.Outcome.AcuteOncology, "HAZ-INFECTION");
    }

    [Theory]
    [InlineData("Yes", "Yes", "Yes")]
    [InlineData("yes I'm on chemo", "yes, my last cycle was last week", "yes I just don't feel right")]
    public async Task UnwellOnChemotherapy_WithoutAFever_GetsTheHelplineAdviceAtOnce_ThenTheHelplineNow_AnEmergency(string immune, string chemo, string unwell)
    {
        var chat = new TriageChat();
        await chat.ScreenUntilAsync(Prompt.RedFlag.Immune);
        await chat.SayAsync(immune);

        var chemoReplies = await chat.SayAsync(chemo);
        Assert.Contains(chat.T(Advice.Combined.ImmuneChemo), Texts(chemoReplies));
        Assert.Equal(chat.Q(Prompt.RedFlag.ChemoUnwell), Texts(chemoReplies)[^1]);
        var replies = await chat.SayAsync(unwell);

        Print(chat);
        Assert.Equal(chat.T(Advice.Combined.ChemoUnwell), Texts(replies)[0]);
        Assert.Contains("HAZ-INFECTION", Outcome(replies)!.Reasons);
        Assert.Equal("acute-oncology", Outcome(replies)!.Outcome);
        Assert.Contains(chat.T(ContentKeys.Safety.EmergencyRepeatAcuteOncology), Texts(replies));
        AssertSummaryLists(chat, replies, ContentKeys.Outcome.AcuteOncology, "HAZ-INFECTION");
    }

    // --- Past cancer, new back pain (NICE NG234: the cancer team within 24 hours) --------------------------------

    [Theory]
    [InlineData("Yes")]
    [InlineData("yes, I had breast cancer 5 years ago")]
    public async Task PastCancer_GetsTheCancerTeamWithin24Hours_AtOnce_ThenSameDay_AndTheSummaryListsIt(string answer)
    {
        var chat = new TriageChat();
        await chat.ScreenUntilAsync(Prompt.RedFlag.Cancer);

        var replies = await chat.SayAsync(answer);
        Assert.Equal([chat.T(Advice.RedFlag.Cancer), chat.SourcesLine(Advice.RedFlag.Cancer), chat.Q(Prompt.RedFlag.WeightLoss)], Texts(replies));
        Assert.Contains("within 24 hours", Texts(replies)[0], StringComparison.Ordinal);
        await chat.AnswerScreenAsync(replies);
        await chat.PainAsync();
        await chat.FinishAsync();

        Print(chat);
        Assert.Contains(chat.Turns, t => t.Bot.Contains("[triage.outcome: urgent; HAZ-MSCC]"));
        Assert.Single(chat.Turns.SelectMany(t => t.Bot), b => b == chat.T(Advice.RedFlag.Cancer));
        AssertSummaryLists(chat, [], ContentKeys.Outcome.Urgent, "HAZ-MSCC");
    }

    // --- Pregnancy (changes the medicine advice) ----------------------------------------------------------------

    [Theory]
    [InlineData("Yes")]
    [InlineData("yes im 20 weeks")]
    public async Task Pregnant_GetsTheMaternityWarningAtOnce_ThePregnancyMedicineAdvice_AndTheSummaryNotesIt(string answer)
    {
        var chat = new TriageChat();
        await chat.ScreenUntilAsync(Prompt.Screen.Pregnancy);

        var replies = await chat.SayAsync(answer);
        Assert.Equal(chat.T(Advice.PregnancyWarning), Texts(replies)[0]);
        await chat.PainAsync();
        var summary = await chat.FinishAsync();

        Print(chat);
        var all = chat.Turns.SelectMany(t => t.Bot).ToList();
        Assert.Contains(chat.T(Medicine.Pregnancy), all);
        Assert.DoesNotContain(chat.T(Medicine.Painkillers), all);
        Assert.Contains(chat.T(ContentKeys.Summary.Notes, (Args.Items, chat.T(ContentKeys.Summary.Note.Pregnancy))), summary, StringComparison.Ordinal);
    }

    // --- Inflammatory back pain under 45 (NICE NG65: routine, with a note) ----------------------------------------

    [Theory]
    [InlineData(Tap.ImBack, "over-12-weeks", "Yes")]
    [InlineData(Tap.ImBack, "about 2 years", "yes it gets better when I move about")]
    [InlineData(Tap.PostBack, "over-12-weeks", Choices.Yes)]
    public async Task InflammatoryBackPain_Under45_IsRoutine_WithTheNg65Note_AndTheSummaryNotesIt(Tap tap, string duration, string features)
    {
        var chat = new TriageChat();
        await chat.StartAndScreenAsync();
        await chat.SayAsync(chat.Title(Prompt.Pain.Spread, "none"));
        await chat.SayAsync("5");
        var asked = duration == "over-12-weeks"
            ? (tap == Tap.PostBack ? await chat.SubmitAsync(duration) : await chat.SayAsync(chat.Title(Prompt.Pain.Duration, duration)))
            : await chat.SayAsync(duration);
        Assert.Equal([chat.Q(Prompt.Screen.Inflammatory)], Texts(asked));
        var note = tap == Tap.PostBack ? await chat.SubmitAsync(features) : await chat.SayAsync(features);
        Assert.Equal([chat.Q(Prompt.Pain.Triggers)], Texts(note));
        await chat.SayAsync(chat.Title(Prompt.Pain.Triggers, "skip"));
        var summary = await chat.FinishAsync();

        Print(chat);
        Assert.Contains(chat.Turns, t => t.Bot.Any(b => b.StartsWith("[triage.outcome: routine", StringComparison.Ordinal)));
        Assert.Single(chat.Turns.SelectMany(t => t.Bot), b => b == chat.T(Advice.Combined.Inflammatory));
        Assert.Contains(chat.T(ContentKeys.Summary.Pain,
            (Args.Location, chat.Title(Prompt.Pain.Location, "lower-back")), (Args.Spread, chat.Title(Prompt.Pain.Spread, "none")), (Args.Score, "5"),
            (Args.Duration, chat.Title(Prompt.Pain.Duration, "over-12-weeks"))), summary, StringComparison.Ordinal);
        Assert.Contains(chat.T(ContentKeys.Summary.Notes, (Args.Items, chat.T(ContentKeys.Summary.Note.Inflammatory))), summary, StringComparison.Ordinal);
    }

    private static void AssertSelfHarmAdvice(TriageChat chat, IReadOnlyList<Activity> replies)
    {
        Assert.Equal(chat.T(Advice.RedFlag.SelfHarm), Texts(replies)[0]);
        Assert.Equal("emergency", Outcome(replies)!.Level);
        Assert.Equal(["HAZ-SELF-HARM"], Outcome(replies)!.Reasons);
        Assert.Equal("mental-health", Outcome(replies)!.Outcome);
        Assert.Contains(chat.T(ContentKeys.Safety.EmergencyRepeatMentalHealth), Texts(replies));
        Assert.DoesNotContain(chat.T(ContentKeys.Safety.EmergencyRepeat), Texts(replies));
        AssertSummaryLists(chat, replies, ContentKeys.Outcome.MentalHealth, "HAZ-SELF-HARM");
    }

    /// <summary>The summary (in <paramref name="replies"/>, or the last one of the chat) names the outcome and lists the hazard.</summary>
    private static void AssertSummaryLists(TriageChat chat, IReadOnlyList<Activity> replies, string outcomeKey, string hazard)
    {
        var title = chat.T(ContentKeys.Summary.Title);
        var summary = Texts(replies).Concat(chat.Turns.SelectMany(t => t.Bot)).Last(t => t.StartsWith(title, StringComparison.Ordinal));
        Assert.Contains(chat.T(ContentKeys.Summary.Outcome, (Args.Outcome, chat.T(outcomeKey))), summary, StringComparison.Ordinal);
        Assert.Contains(chat.T(ContentKeys.Summary.RedFlags, (Args.Items, Catalog.HazardName(hazard))), summary, StringComparison.Ordinal);
    }

    private void Print(TriageChat chat) => output.WriteLine(chat.Transcript());
}
