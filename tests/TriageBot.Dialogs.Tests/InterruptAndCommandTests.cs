using static TriageBot.Dialogs.Tests.TriageChat;

namespace TriageBot.Dialogs.Tests;

/// <summary>The emergency interrupt at several steps, and every global command.</summary>
public sealed class InterruptAndCommandTests
{
    [Fact]
    public async Task VeryFirstMessage_IsARedFlag_EmergencyAdviceBeforeAnyWelcome()
    {
        var chat = new TriageChat();

        var replies = await chat.SayAsync("I can't control my bladder since this morning");

        Assert.Equal(chat.T("advice.redflag.ces"), Texts(replies)[0]);
        Assert.Equal("emergency", Outcome(replies)!.Level);
        Assert.DoesNotContain(chat.T("welcome.intro"), Texts(replies));
    }

    [Fact]
    public async Task RedFlagWhileBeingAskedThePainScore_InterruptsWhateverWasAsked()
    {
        var chat = new TriageChat();
        await chat.StartAndScreenAsync();
        await chat.SayAsync("lower back");
        await chat.SayAsync(chat.Title("prompt.pain.spread", "none"));

        var replies = await chat.SayAsync("actually I've wet myself and can't feel it");

        Assert.Equal("emergency", Outcome(replies)!.Level);
        Assert.DoesNotContain(chat.Q("prompt.pain.duration"), Texts(replies));
    }

    [Fact]
    public async Task RedFlagInTheFreeTextAnswer_AfterThePainQuestions_StillCaught()
    {
        var chat = new TriageChat();
        await chat.StartAndScreenAsync();
        await chat.SayAsync("lower back");
        await chat.SayAsync(chat.Title("prompt.pain.spread", "none"));
        await chat.SayAsync("5");
        await chat.SayAsync("3 weeks");

        var replies = await chat.SayAsync("worse at night, and now numbness between my legs around my bottom");

        Assert.Equal("emergency", Outcome(replies)!.Level);
    }

    [Fact]
    public async Task NegatedSymptom_DoesNotTrigger()
    {
        var chat = new TriageChat();

        var replies = await chat.SayAsync("no problems with my bladder, just back ache");

        Assert.Null(Outcome(replies));
        Assert.Equal(chat.T("welcome.intro"), Texts(replies)[0]);
    }

    [Fact]
    public async Task ThoughtsOfSuicide_GetCrisisAdvice()
    {
        var chat = new TriageChat();
        await chat.SayAsync("hi");

        var replies = await chat.SayAsync("honestly I want to end my life");

        Assert.Equal(chat.T("advice.redflag.self-harm"), Texts(replies)[0]);
        Assert.Contains("116 123", Texts(replies)[0], StringComparison.Ordinal);
        Assert.Contains("HAZ-SELF-HARM", Outcome(replies)!.Reasons);
    }

    [Fact]
    public async Task Help_AnswersThenRepeatsTheQuestion()
    {
        var chat = new TriageChat();
        await chat.SayAsync("hi");
        await chat.SayAsync("yes");

        Assert.Equal([chat.T("help.text"), chat.Q("prompt.screen.age")], Texts(await chat.SayAsync("help")));
    }

    [Fact]
    public async Task TalkToAPerson_SaysHowToReachTheClinic_ThenCarriesOn()
    {
        var chat = new TriageChat();
        await chat.SayAsync("hi");

        var texts = Texts(await chat.SayAsync("talk to a person"));

        Assert.Equal(chat.T("human.text"), texts[0]);
        Assert.Equal(chat.Q("prompt.consent"), texts[1]);
    }

    [Fact]
    public async Task StartOverMidFlow_AfterConfirming_BeginsAgainFromTheWelcome()
    {
        var chat = new TriageChat();
        await chat.StartAndScreenAsync();
        await chat.SayAsync("lower back");

        Assert.Equal([chat.Q("prompt.restart.confirm")], Texts(await chat.SayAsync("start over")));
        var texts = Texts(await chat.SayAsync("yes"));

        Assert.Equal([chat.T("restart.done"), chat.T("welcome.intro"), chat.T("welcome.question-count"), chat.Q("prompt.consent")], texts);
    }

    [Fact]
    public async Task StartOver_ThenNo_CarriesOnWithTheSameQuestion()
    {
        var chat = new TriageChat();
        await chat.SayAsync("hi");
        await chat.SayAsync("yes");
        await chat.SayAsync("start over");

        Assert.Equal([chat.Q("prompt.screen.age")], Texts(await chat.SayAsync("no")));
    }

    [Fact]
    public async Task Stop_EndsTheConversation()
    {
        var chat = new TriageChat();
        await chat.SayAsync("hi");

        Assert.Equal([chat.T("stop.done")], Texts(await chat.SayAsync("stop")));
    }

    [Fact]
    public async Task StopInsideASentence_IsNotACommand_TheTriageCarriesOn()
    {
        var chat = new TriageChat();
        await chat.SayAsync("hi");

        Assert.DoesNotContain(chat.T("stop.done"), Texts(await chat.SayAsync("I can't stop the pain")));

        // The consent question is still open: a yes starts the screen, as it would have without the sentence.
        Assert.Equal([chat.T("redflag.intro"), chat.Q("prompt.screen.age")], Texts(await chat.SayAsync("yes")));
    }

    [Fact]
    public async Task DeleteMyData_AfterConfirming_RemovesStateAndReferrals()
    {
        var chat = await ReferralTests.AtReferralOfferAsync(Schema.ChannelIds.WebChat);
        await chat.SayAsync("yes");
        var referral = await ReferralTests.SingleReferralAsync(
            chat, await chat.SubmitAsync(new { kind = "triage.referral", name = "Pat Doe", contact = "pat@example.org", time = "any", consent = "true" }));

        Assert.Equal([chat.Q("prompt.delete.confirm")], Texts(await chat.SayAsync("delete my data")));
        Assert.Equal([chat.T("delete.done")], Texts(await chat.SayAsync("yes")));

        var stored = await chat.Chat.Store.ReadAsync($"{chat.Chat.ChannelId}/conversations/{chat.Chat.Conversation.Id}", CancellationToken.None);
        Assert.Null(stored);
        Assert.Null(await chat.Referrals.FindAsync(referral.Reference, CancellationToken.None));
    }

    [Fact]
    public async Task DeleteMyData_ThenNo_KeepsEverythingAndAsksAgain()
    {
        var chat = new TriageChat();
        await chat.SayAsync("hi");
        await chat.SayAsync("delete my data");

        Assert.Equal([chat.T("delete.cancelled"), chat.Q("prompt.consent")], Texts(await chat.SayAsync("no")));
    }

    [Fact]
    public async Task AfterAnEmergency_TheNextMessageStartsAFreshTriage()
    {
        var chat = new TriageChat();
        await chat.SayAsync("I can't control my bladder");

        Assert.Equal(chat.T("welcome.intro"), Texts(await chat.SayAsync("hello"))[0]);
    }
}
