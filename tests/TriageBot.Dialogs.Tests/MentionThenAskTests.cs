using TriageBot.Content.Model;
using Xunit.Abstractions;
using static TriageBot.Dialogs.ContentKeys;
using static TriageBot.Dialogs.Tests.TriageChat;

namespace TriageBot.Dialogs.Tests;

/// <summary>
/// Mention -> ask: a red flag named but not stated as present (someone else, the past, a question) is asked about
/// straight away. Yes / not sure / not understood: that hazard's advice at its level (an emergency ends the
/// interview). No: carry on, and the open question is asked again. Never 999 on a mention alone, never silence.
/// </summary>
public sealed class MentionThenAskTests(ITestOutputHelper output)
{
    private const string DadsBladder = "my dad lost control of his bladder once, years ago";
    private const string AuntsCancer = "my aunt had cancer, should I worry?";
    private const string CaudaQuestion = "could back pain like mine be cauda equina?";

    private static MentionReader Reader => new(
        (DadsBladder, RedFlagIds.Ces, MentionReason.Other),
        (AuntsCancer, RedFlagIds.Cancer, MentionReason.Other),
        (CaudaQuestion, RedFlagIds.Ces, MentionReason.Question));

    [Fact]
    public async Task MentionAboutSomeoneElse_AsksAtOnce_NeverNineNineNine()
    {
        var chat = new TriageChat(reader: Reader);
        await chat.ConsentAndAgeAsync();

        var replies = await chat.SayAsync(DadsBladder);

        Print(chat);
        Assert.Equal([chat.Q(Prompt.Check.Ces)], Texts(replies));
        Assert.Null(Outcome(replies));
    }

    /// <summary>The mention tier, with the real content: a word of the hazard's topic, no red flag said in full.</summary>
    [Fact]
    public async Task TopicWordInAMessage_WithTheRealContent_AsksThatHazardsCheck_NeverNineNineNine()
    {
        var chat = new TriageChat();
        await chat.ConsentAndAgeAsync();

        var replies = await chat.SayAsync("my back has been bad all week and I keep getting a funny feeling in my groin");

        Print(chat);
        Assert.Equal([chat.Q(Prompt.Check.Ces)], Texts(replies));
        Assert.Null(Outcome(replies));
    }

    [Fact]
    public async Task MentionAnsweredNo_CarriesOn_AndTheOpenQuestionIsAskedAgain()
    {
        var chat = new TriageChat(reader: Reader);
        await chat.ConsentAndAgeAsync();
        await chat.SayAsync(DadsBladder);

        var replies = await chat.SayAsync("no");

        Print(chat);
        Assert.Equal([chat.T(Check.CarryOn), chat.Q(global::TriageBot.Dialogs.Flow.RedFlagScreen.Order[2].Prompt)], Texts(replies));
        Assert.Null(Outcome(replies));
    }

    [Fact]
    public async Task MentionAnsweredYes_ForAnEmergencyRedFlag_GivesItsAdviceAndTheEmergencyScript()
    {
        var chat = new TriageChat(reader: Reader);
        await chat.ConsentAndAgeAsync();
        await chat.SayAsync(DadsBladder);

        var replies = await chat.SayAsync("yes");

        Print(chat);
        var texts = Texts(replies);
        Assert.Equal(chat.T(Advice.RedFlag.Ces), texts[0]);
        Assert.StartsWith("Sources: ", texts[1], StringComparison.Ordinal);
        Assert.Equal(chat.T(ContentKeys.Safety.EmergencyRepeat), texts[2]);
        Assert.Equal("emergency", Outcome(replies)!.Level);
        Assert.Equal(chat.T(ContentKeys.Commands.RestartHint), texts[^1]);
    }

    [Fact]
    public async Task MentionAnsweredNotSure_ForAnUrgentRedFlag_GivesItsAdvice_ThenTheOpenQuestionAgain()
    {
        var chat = new TriageChat(reader: Reader);
        await chat.ConsentAndAgeAsync();
        await chat.SayAsync(AuntsCancer);

        var replies = await chat.SayAsync("not sure");

        Print(chat);
        Assert.Equal([chat.T(Advice.RedFlag.Cancer), chat.SourcesLine(Advice.RedFlag.Cancer), chat.Q(global::TriageBot.Dialogs.Flow.RedFlagScreen.Order[2].Prompt)], Texts(replies));
        Assert.Null(Outcome(replies));
    }

    [Fact]
    public async Task MentionAnswerNotUnderstood_AfterOneReAsk_CountsAsYes()
    {
        var chat = new TriageChat(reader: Reader);
        await chat.ConsentAndAgeAsync();
        await chat.SayAsync(AuntsCancer);

        Assert.Equal([Catalog.Prompt(Prompt.Check.Cancer, chat.Locale).Retry!], Texts(await chat.SayAsync("purple")));
        var replies = await chat.SayAsync("purple");

        Print(chat);
        Assert.Equal([chat.T(Errors.NotUnderstood), chat.T(Advice.RedFlag.Cancer), chat.SourcesLine(Advice.RedFlag.Cancer), chat.Q(global::TriageBot.Dialogs.Flow.RedFlagScreen.Order[2].Prompt)], Texts(replies));
    }

    [Fact]
    public async Task QuestionAboutACondition_AsTheFirstMessage_GetsItsTopic_IsAskedAbout_ThenTheWelcome()
    {
        var chat = new TriageChat(reader: Reader);
        var topic = Catalog.Education(chat.Locale).Single(t => t.Id == Catalog.RedFlags.Single(r => r.Id == RedFlagIds.Ces).Topic);

        Assert.Equal(
            [topic.Text, chat.T(global::TriageBot.Dialogs.ContentKeys.Education.Source, ("source", topic.Source.Name)), chat.Q(Prompt.Check.Ces)],
            Texts(await chat.SayAsync(CaudaQuestion)));
        var replies = await chat.SayAsync("no");

        Print(chat);
        Assert.Equal([chat.T(Check.CarryOn), chat.T(Welcome.Intro), chat.T(Welcome.QuestionCount), chat.Q(Prompt.Consent)], Texts(replies));
    }

    [Fact]
    public async Task MentionRuledOut_IsNotAskedAgain_InTheSameTriage()
    {
        var chat = new TriageChat(reader: Reader);
        await chat.ConsentAndAgeAsync();
        await chat.SayAsync(DadsBladder);
        await chat.SayAsync("no");

        var replies = await chat.SayAsync(DadsBladder);

        Assert.DoesNotContain(chat.Q(Prompt.Check.Ces), Texts(replies));
    }

    [Fact]
    public async Task PresentUrgentRedFlag_TypedAtAQuestion_GetsItsAdvice_AndStillAnswersTheQuestion()
    {
        var chat = new TriageChat();
        await chat.ConsentAndAgeAsync();

        var replies = await chat.SayAsync("no, but I've had a high temperature");

        Print(chat);
        Assert.Equal([chat.T(Advice.RedFlag.Fever), chat.SourcesLine(Advice.RedFlag.Fever), chat.Q(global::TriageBot.Dialogs.Flow.RedFlagScreen.Order[3].Prompt)], Texts(replies));
    }

    private void Print(TriageChat chat) => output.WriteLine(chat.Transcript());

    [Fact]
    public async Task SelfHarmMentionAnsweredNo_StillGivesTheCrisisLine_ThenCarriesOn()
    {
        const string brother = "my brother killed himself last year";
        var chat = new TriageChat(reader: new MentionReader((brother, RedFlagIds.SelfHarm, MentionReason.Other)));
        await chat.ConsentAndAgeAsync();
        Assert.Equal([chat.Q(Prompt.Check.SelfHarm)], Texts(await chat.SayAsync(brother)));

        var replies = await chat.SayAsync("no");

        Print(chat);
        Assert.Equal([chat.T(Check.SelfHarmNo), chat.Q(global::TriageBot.Dialogs.Flow.RedFlagScreen.Order[2].Prompt)], Texts(replies));
        Assert.Contains("Samaritans", Texts(replies)[0], StringComparison.Ordinal);
        Assert.Null(Outcome(replies));
    }
}
