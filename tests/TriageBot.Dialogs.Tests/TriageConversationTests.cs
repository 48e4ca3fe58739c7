using TriageBot.Content.Model;
using TriageBot.Dialogs.Flow;
using static TriageBot.Dialogs.ContentKeys;
using static TriageBot.Dialogs.Tests.TriageChat;

namespace TriageBot.Dialogs.Tests;

/// <summary>Whole triages, one per disposition, read top to bottom like the conversation they check.</summary>
public sealed class TriageConversationTests
{
    [Fact]
    public async Task FirstMessage_WelcomesWithDisclaimer_ThenAsksAgeAndConsent()
    {
        var chat = new TriageChat();

        var replies = await chat.SayAsync("hi");

        Assert.Equal([chat.T("welcome.intro"), chat.T("welcome.question-count"), chat.Q("prompt.consent")], Texts(replies));
        Assert.Contains("999", chat.T("welcome.intro"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnderSixteen_IsSignpostedAndTheChatEnds()
    {
        var chat = new TriageChat();
        await chat.SayAsync("hi");

        Assert.Equal([chat.T("consent.under-16")], Texts(await chat.SayAsync(chat.Title("prompt.consent", "under-16"))));
        Assert.Equal(chat.Q("prompt.consent"), Texts(await chat.SayAsync("hello again"))[^1]);
    }

    [Fact]
    public async Task RedFlagScreen_ComesFirst_LifeThreateningFirst_ThenCaudaEquinaAsFiveShortQuestions()
    {
        var chat = new TriageChat();
        await chat.SayAsync("hi");

        Assert.Equal([chat.T("redflag.intro"), chat.Q("prompt.screen.age")], Texts(await chat.SayAsync("yes")));
        Assert.Equal([chat.Q("prompt.pain.location")], Texts(await chat.SayAsync("30")));
        Assert.Equal([chat.Q("prompt.pain.location-more")], Texts(await chat.SayAsync("lower back")));
        Assert.Equal([chat.Q("prompt.redflag.sudden-severe")], Texts(await chat.SayAsync("no")));
        Assert.Equal([chat.Q("prompt.redflag.chest-pain")], Texts(await chat.SayAsync("no")));
        Assert.Equal([chat.Q("prompt.redflag.breathless")], Texts(await chat.SayAsync("no")));
        Assert.Equal([chat.Q("prompt.redflag.stroke")], Texts(await chat.SayAsync("no")));
        Assert.Equal([chat.Q("prompt.redflag.ces-bladder")], Texts(await chat.SayAsync("no")));
        Assert.Equal([chat.Q("prompt.redflag.ces-bowel")], Texts(await chat.SayAsync("no")));
        Assert.Equal([chat.Q("prompt.redflag.ces-saddle")], Texts(await chat.SayAsync("no")));
        Assert.Equal([chat.Q("prompt.redflag.ces-sex")], Texts(await chat.SayAsync("no")));
        Assert.Equal([chat.Q("prompt.redflag.ces-legs")], Texts(await chat.SayAsync("no")));
        Assert.Equal([chat.Q("prompt.redflag.weakness")], Texts(await chat.SayAsync("no")));
    }

    [Fact]
    public async Task EmergencyPath_CaudaEquinaYes_StopsAndGivesTheNumberAgain()
    {
        var chat = new TriageChat();
        await chat.ScreenUntilAsync(Prompt.RedFlag.CesBladder);

        var replies = await chat.SayAsync("yes");

        var texts = Texts(replies);
        Assert.Equal(chat.T("advice.redflag.ces"), texts[0]);
        Assert.Equal(chat.SourcesLine("advice.redflag.ces"), texts[1]);
        Assert.Contains("GIRFT cauda equina pathway", texts[1], StringComparison.Ordinal);
        Assert.Equal(chat.T("emergency.repeat"), texts[2]);
        Assert.StartsWith(chat.T("summary.title"), texts[3], StringComparison.Ordinal);
        Assert.DoesNotContain(chat.T("safety-net"), texts[3], StringComparison.Ordinal);
        Assert.Equal(chat.T("ending.restart-hint"), texts[^1]);
        var outcome = Outcome(replies)!;
        Assert.Equal("emergency", outcome.Level);
        Assert.Contains("HAZ-CES", outcome.Reasons);
        Assert.Equal(Catalog.Version, outcome.ContentVersion);
    }

    [Theory]
    [InlineData("not sure")]
    [InlineData("no idea")]
    [InlineData("maybe")]
    public async Task RedFlagAnswerNotSure_CountsAsYes(string answer)
    {
        var chat = new TriageChat();
        await chat.ConsentAndAgeAsync();

        var replies = await chat.SayAsync(answer);

        Assert.Equal("emergency", Outcome(replies)?.Level);
    }

    [Fact]
    public async Task WeaknessGettingWorseQuickly_IsAnEmergency_WithTheSevereWeaknessAdvice()
    {
        var chat = new TriageChat();
        await chat.ScreenUntilAsync(Prompt.RedFlag.Weakness);

        var replies = await chat.SayAsync("yes");
        Assert.Equal([chat.T("advice.redflag.weakness"), chat.SourcesLine("advice.redflag.weakness"), chat.Q("prompt.redflag.weakness-rapid")], Texts(replies));

        replies = await chat.SayAsync("yes");

        Assert.Equal("emergency", Outcome(replies)?.Level);
        Assert.Equal(chat.T("advice.redflag.weakness-severe"), Texts(replies)[0]);
    }

    [Fact]
    public async Task UrgentPath_FeverWithThePain_SameDayAdviceThenEducationAndReferral()
    {
        var chat = new TriageChat();
        await chat.StartAndScreenAsync((Prompt.RedFlag.Fever, "yes"));

        var replies = await chat.PainAsync();
        replies = await chat.NoNumbnessAsync();
        replies = await chat.SayAsync(chat.Title("prompt.treatments.pick", "none"));

        var outcome = Outcome(replies)!;
        Assert.Equal("urgent", outcome.Level);
        Assert.Contains("HAZ-INFECTION", outcome.Reasons);
        var texts = Texts(replies);
        Assert.Equal([chat.T("advice.urgent"), chat.T("safety-net"), chat.SourcesLine("advice.urgent", "safety-net")], texts.Take(3));
        Assert.DoesNotContain(chat.T("medicine.painkillers"), texts);
        Assert.Contains(chat.Q("prompt.education.menu"), texts);
    }

    [Fact]
    public async Task RoutinePath_LongStandingPainDespiteTreatment_OffersReferral()
    {
        var chat = new TriageChat();
        await chat.StartAndScreenAsync();
        await chat.PainAsync(spread: "one-leg", duration: "about 4 months");
        await chat.NoNumbnessAsync();
        await chat.SayAsync(chat.Title("prompt.treatments.pick", "painkillers"));
        Assert.Equal([chat.Q("prompt.treatments.helped")], Texts(await chat.SayAsync(chat.Title("prompt.treatments.more", "done"))));

        var replies = await chat.SayAsync(chat.Title("prompt.treatments.helped", "no"));

        Assert.Equal("routine", Outcome(replies)!.Level);
        Assert.Equal([chat.T("advice.routine"), chat.T("medicine.painkillers"), chat.T("safety-net")], Texts(replies).Take(3));
        Assert.Equal([chat.T("education.done"), chat.Q("prompt.referral.offer")], Texts(await chat.SayAsync(chat.Title("prompt.education.menu", "done"))));
    }

    [Fact]
    public async Task SelfCarePath_ShortMildPain_GetsSelfCareMedicinesSafetyNetAndSources_ThenSummaryWithTheSafetyNet()
    {
        var chat = new TriageChat();
        await chat.StartAndScreenAsync();
        await chat.PainAsync(score: "3", duration: "2 weeks");
        await chat.NoNumbnessAsync();

        var replies = await chat.SayAsync(chat.Title("prompt.treatments.pick", "none"));

        Assert.Equal("self-care", Outcome(replies)!.Level);
        var texts = Texts(replies);
        Assert.Equal(
            [
                chat.T("advice.self-care"),
                chat.T("medicine.painkillers"),
                chat.T("safety-net"),
                chat.SourcesLine("advice.self-care", "medicine.painkillers", "safety-net"),
            ],
            texts.Take(4));
        Assert.StartsWith("Sources: NICE NG59; NICE CKS low back pain; NHS website;", texts[3], StringComparison.Ordinal);

        await chat.SayAsync(chat.Title("prompt.education.menu", "done"));
        var end = Texts(await chat.SayAsync("no"));
        Assert.Equal(chat.T("referral.declined"), end[0]);
        Assert.StartsWith(chat.T("summary.title"), end[1], StringComparison.Ordinal);
        Assert.Contains(chat.T("outcome.self-care"), end[1], StringComparison.Ordinal);
        Assert.Contains(chat.T("safety-net"), end[1], StringComparison.Ordinal);
        Assert.EndsWith(chat.T("safety-net") + "\n\n" + chat.T("summary.footer"), end[1], StringComparison.Ordinal);
        Assert.Equal(chat.T("ending.restart-hint"), end[^1]);
    }

    [Theory]
    [InlineData(DispositionLevel.SelfCare, "medicine.pregnancy")]
    [InlineData(DispositionLevel.Routine, "medicine.pregnancy")]
    [InlineData(DispositionLevel.Urgent, null)]
    public void PregnantOrMightBe_GetsThePregnancyMedicineAdvice_NeverTheNsaidAdvice(DispositionLevel level, string? expected) =>
        Assert.Equal(expected, Outcomes.MedicineAdvice(level, pregnant: true));

    [Fact]
    public void NotPregnant_SelfCare_GetsTheNsaidAdviceWithItsCautions() =>
        Assert.Equal("medicine.painkillers", Outcomes.MedicineAdvice(DispositionLevel.SelfCare, pregnant: false));

    [Fact]
    public async Task PainIntoBothLegs_New_IsAnEmergency_AndTheInterviewStops()
    {
        var chat = new TriageChat();
        await chat.StartAndScreenAsync();

        var replies = await chat.PainAsync(spread: "both-legs", duration: "3 weeks");

        Assert.Equal("emergency", Outcome(replies)?.Level);
        Assert.Equal(chat.T("advice.redflag.ces"), Texts(replies)[0]);
        Assert.DoesNotContain(chat.Q("prompt.numbness.any"), Texts(replies));
    }

    [Fact]
    public async Task PainIntoBothLegs_ForMonths_IsRoutine_NotAnEmergency()
    {
        var chat = new TriageChat();
        await chat.StartAndScreenAsync((Prompt.Screen.Age, "62"));
        await chat.PainAsync(spread: "both-legs", duration: "2 years");
        await chat.NoNumbnessAsync();

        var replies = await chat.SayAsync(chat.Title("prompt.treatments.pick", "none"));

        Assert.Equal("routine", Outcome(replies)?.Level);
    }

    [Fact]
    public async Task NumbnessAroundTheGenitals_IsAnEmergency()
    {
        var chat = new TriageChat();
        await chat.StartAndScreenAsync();
        await chat.PainAsync();
        await chat.SayAsync("yes");

        var replies = await chat.SayAsync(chat.Title("prompt.numbness.where", "saddle"));

        Assert.Equal("emergency", Outcome(replies)?.Level);
    }

    [Fact]
    public async Task EducationMenu_ShowsATopicWithItsSource_ThenTheMenuAgain()
    {
        var chat = new TriageChat();
        await chat.StartAndScreenAsync();
        await chat.PainAsync();
        await chat.NoNumbnessAsync();
        await chat.SayAsync(chat.Title("prompt.treatments.pick", "none"));
        var topic = Catalog.Education(chat.Locale)[0];

        var texts = Texts(await chat.SayAsync(topic.Title));

        Assert.Equal(topic.Text, texts[0]);
        Assert.Equal(chat.T("education.source", ("source", topic.Source.Name)), texts[1]);
        Assert.Equal(chat.Q("prompt.education.menu"), texts[2]);
    }

    [Fact]
    public async Task UsLocale_SaysNineOneOne()
    {
        var chat = new TriageChat(locale: "en-US");

        var welcome = Texts(await chat.SayAsync("hi"))[0];

        Assert.Contains("911", welcome, StringComparison.Ordinal);
        Assert.DoesNotContain("999", welcome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LocaleSwitchMidConversation_NextWordingFollowsTheNewLocale()
    {
        var chat = new TriageChat();
        await chat.SayAsync("hi");
        chat.Locale = "en-US";

        await chat.SayAsync("yes");
        for (var texts = Texts(await chat.SayAsync("30")); !texts[^1].StartsWith(chat.Q(Prompt.RedFlag.CesBladder), StringComparison.Ordinal);)
        {
            texts = Texts(await chat.SayAsync("no"));
        }

        var replies = await chat.SayAsync("yes");

        Assert.Equal(Catalog.Text("advice.redflag.ces", "en-US"), Texts(replies)[0]);
    }

    [Fact]
    public async Task OutcomeEvent_IsNotSentToTeams()
    {
        var chat = new TriageChat(channelId: Schema.ChannelIds.MsTeams);
        await chat.ScreenUntilAsync(Prompt.RedFlag.CesBladder);

        var replies = await chat.SayAsync("yes");

        Assert.Null(Outcome(replies));
        Assert.Equal(chat.T("advice.redflag.ces"), Texts(replies)[0]);
    }
}
