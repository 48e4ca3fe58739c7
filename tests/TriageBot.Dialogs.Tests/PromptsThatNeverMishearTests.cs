using static TriageBot.Dialogs.Tests.TriageChat;

namespace TriageBot.Dialogs.Tests;

/// <summary>
/// Issue 9, item 4: what a person taps or types is recorded as exactly what they meant. Buttons are themselves, a
/// question is not an answer, a safety question is never "no" by accident, and numbness can be in several places.
/// </summary>
public sealed class PromptsThatNeverMishearTests
{
    [Theory]
    [InlineData("under-6-weeks", "en-GB")]
    [InlineData("6-to-12-weeks", "en-GB")]
    [InlineData("over-12-weeks", "en-GB")]
    [InlineData("under-6-weeks", "en-US")]
    [InlineData("over-12-weeks", "en-US")]
    public async Task TappingADurationBand_RecordsThatBand_InTheSummary(string band, string locale)
    {
        var chat = new TriageChat(locale);
        await chat.StartAndScreenAsync();

        await chat.PainAsync(duration: chat.Title("prompt.pain.duration", band));
        var summary = await chat.FinishAsync();

        Assert.Contains(chat.PainLine(duration: band), summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TappingOver12Weeks_FiresTheLongStandingRule()
    {
        var chat = new TriageChat();
        await chat.StartAndScreenAsync();
        await chat.PainAsync(duration: "Over 12 weeks");
        await chat.NoNumbnessAsync();

        var replies = await chat.SayAsync(chat.Title("prompt.treatments.pick", "none"));

        Assert.Equal("routine", Outcome(replies)?.Level);
    }

    [Theory]
    [InlineData("under six weeks", "under-6-weeks")]
    [InlineData("just under 6 weeks", "under-6-weeks")]
    [InlineData("more than 12 weeks", "over-12-weeks")]
    [InlineData("about 2 months", "6-to-12-weeks")]
    public async Task TypedDurations_StillReadAsTheirBand(string typed, string band)
    {
        var chat = new TriageChat();
        await chat.StartAndScreenAsync();

        await chat.PainAsync(duration: typed);

        Assert.Contains(chat.PainLine(duration: band), await chat.FinishAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostBackOfTheChoiceId_RecordsThatChoice_LikeWebChatAndTeamsSendIt()
    {
        var chat = new TriageChat();
        await chat.StartAndScreenAsync();
        await chat.SayAsync("lower back");
        await chat.SayAsync("Doesn't spread");
        await chat.SayAsync("5");

        await chat.SubmitAsync("over-12-weeks");
        await chat.SayAsync("no"); // inflammatory back pain features: asked under 45 when the pain is over 12 weeks
        await chat.SubmitAsync(new { choice = "skip" });

        Assert.Contains(chat.PainLine(duration: "over-12-weeks"), await chat.FinishAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what does a laminectomy involve?")]
    [InlineData("what does a laminectomy involve")]
    [InlineData("is surgery worth it")]
    [InlineData("can you tell me about physio")]
    public async Task AQuestionAtTheTreatmentsQuestion_IsAnsweredAndReAsked_NeverRecorded(string question)
    {
        var chat = new TriageChat();
        await chat.StartAndScreenAsync();
        await chat.PainAsync();
        await chat.NoNumbnessAsync();

        var replies = Texts(await chat.SayAsync(question));

        Assert.Equal([chat.T("reply.question"), chat.Q("prompt.treatments.pick")], replies);
        await chat.SayAsync(chat.Title("prompt.treatments.pick", "none"));
        Assert.DoesNotContain(chat.Title("prompt.treatments.pick", "surgery"), await chat.FinishAsync(afterTreatments: true), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AtTheEducationMenu_AQuestionNamingATopic_ShowsThatTopic()
    {
        var chat = new TriageChat();
        await chat.StartAndScreenAsync();
        await chat.PainAsync();
        await chat.NoNumbnessAsync();
        await chat.SayAsync(chat.Title("prompt.treatments.pick", "none"));
        var topic = Catalog.Education(chat.Locale)[0];

        var texts = Texts(await chat.SayAsync($"could you tell me: {topic.Title}?"));

        Assert.Equal(topic.Text, texts[0]);
    }

    [Fact]
    public async Task AQuestionMentioningAWarningSign_StillEndsWithTheQuestionAskedAgain()
    {
        var chat = new TriageChat();
        await chat.StartAndScreenAsync();

        var replies = Texts(await chat.SayAsync("I have a high temperature and chills, is that bad?"));

        Assert.Equal([chat.T("reply.question"), chat.Q("prompt.pain.spread")], replies.TakeLast(2));
    }

    [Fact]
    public async Task LongFreeTextThatOnlyPartlyMatches_IsExplainedAndReAsked()
    {
        var chat = new TriageChat();
        await chat.ConsentAsync();
        await chat.SayAsync("30");

        var replies = Texts(await chat.SayAsync("well it kind of sits low down near my belt line mostly"));

        Assert.Equal([chat.T("reply.free-text"), chat.Q("prompt.pain.location")], replies);
    }

    [Fact]
    public async Task ThatsAll_AtIsItGettingWorse_ReAsks_ThenCountsAsNotSure_AndSaysSo()
    {
        var chat = new TriageChat();
        await chat.StartAndScreenAsync();
        await chat.PainAsync();
        await chat.SayAsync("yes");
        await chat.SayAsync(chat.Title("prompt.numbness.where", "arm-hand"));
        Assert.Equal([chat.Q("prompt.numbness.worsening")], Texts(await chat.SayAsync(chat.Title("prompt.numbness.where-more", "done"))));

        Assert.Equal([chat.Retry("prompt.numbness.worsening")], Texts(await chat.SayAsync("that's all")));
        Assert.Equal([chat.Retry("prompt.numbness.worsening")], Texts(await chat.SayAsync("hmm")));
        var last = Texts(await chat.SayAsync("that's all"));

        Assert.Equal(chat.T("not-understood"), last[0]);
        var summary = await chat.FinishAsync();
        Assert.Contains(chat.NumbnessLine(["arm-hand"], "not-sure"), summary, StringComparison.Ordinal);
        Assert.Contains(chat.T("outcome.urgent"), summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThatsAll_AtARedFlagQuestion_IsNeverNo_ItEndsAsNotSure()
    {
        var chat = new TriageChat();
        await chat.ConsentAndAgeAsync();
        var first = global::TriageBot.Dialogs.Flow.RedFlagScreen.Order[2].Prompt;

        Assert.Equal([chat.Retry(first)], Texts(await chat.SayAsync("that's all")));
        Assert.Equal([chat.Retry(first)], Texts(await chat.SayAsync("hmm")));
        var replies = await chat.SayAsync("that's all");

        Assert.Equal(chat.T("not-understood"), Texts(replies)[0]);
        Assert.Equal("emergency", Outcome(replies)?.Level);
    }

    [Fact]
    public async Task NumbnessLocation_TypedTogether_RecordsEveryPlace()
    {
        var chat = new TriageChat();
        await chat.StartAndScreenAsync();
        await chat.PainAsync();
        await chat.SayAsync("yes");

        var replies = await chat.SayAsync("my left foot and my right hand");

        Assert.Equal([chat.Q("prompt.numbness.where-more")], Texts(replies));
        await chat.SayAsync("that's all");
        await chat.SayAsync("no");
        Assert.Contains(chat.NumbnessLine(["leg-foot", "arm-hand"], "no"), await chat.FinishAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NumbnessLocation_TappedOneAtATime_ThenThatsAll_SummaryListsAll()
    {
        var chat = new TriageChat("en-US");
        await chat.StartAndScreenAsync();
        await chat.PainAsync();
        await chat.SayAsync("yes");

        await chat.SayAsync(chat.Title("prompt.numbness.where", "leg-foot"));
        await chat.SayAsync(chat.Title("prompt.numbness.where-more", "arm-hand"));
        await chat.SayAsync(chat.Title("prompt.numbness.where-more", "other"));
        await chat.SayAsync(chat.Title("prompt.numbness.where-more", "done"));
        await chat.SayAsync(chat.Title("prompt.numbness.worsening", "no"));

        Assert.Contains(chat.NumbnessLine(["leg-foot", "arm-hand", "other"], "no"), await chat.FinishAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("left foot and groin")]
    [InlineData("numb down below")]
    [InlineData("numb bum")]
    [InlineData("between my legs")]
    [InlineData("my knee, and between my legs")]
    public async Task SaddleWordsTypedAtNumbnessLocation_AreAnEmergency(string typed)
    {
        var chat = new TriageChat();
        await chat.StartAndScreenAsync();
        await chat.PainAsync();
        await chat.SayAsync("yes");

        var replies = await chat.SayAsync(typed);

        Assert.Equal("emergency", Outcome(replies)?.Level);
        Assert.Contains("HAZ-CES", Outcome(replies)!.Reasons);
    }

    /// <summary>What the numbness question records for typed places, whether or not the free-text scan got there first.</summary>
    [Theory]
    [InlineData("left foot and groin", new[] { "leg-foot", "saddle" })]
    [InlineData("numb down below", new[] { "saddle" })]
    [InlineData("numb bum", new[] { "saddle" })]
    [InlineData("between my legs", new[] { "saddle" })]
    [InlineData("my knee, and between my legs", new[] { "leg-foot", "saddle" })]
    [InlineData("both my legs and my hand", new[] { "both-legs", "arm-hand" })]
    [InlineData("my left leg and my right leg", new[] { "both-legs" })]
    [InlineData("my right hand and my left foot", new[] { "arm-hand", "leg-foot" })]
    public void TypedPlaces_AreEveryPlaceNamed_TheLongerWordsWinning(string typed, string[] places)
    {
        var choices = Catalog.Prompt("prompt.numbness.where", "en-GB").Choices.Select(Flow.Wording.ToChoice).ToList();

        Assert.Equal(places, Runtime.Prompts.ChoiceReply.AllNamed(typed, choices, "en-GB"));
    }

    [Fact]
    public async Task SaddleTypedAlongsideAnotherPlace_EndsTheNumbnessQuestions_AndTheSummaryListsBoth()
    {
        var chat = new TriageChat();
        await chat.StartAndScreenAsync();
        await chat.PainAsync();
        await chat.SayAsync("yes");
        await chat.SayAsync(chat.Title("prompt.numbness.where", "arm-hand"));

        var replies = await chat.SayAsync(chat.Title("prompt.numbness.where-more", "saddle"));

        Assert.Equal("emergency", Outcome(replies)?.Level);
        var summary = Texts(replies).Single(t => t.StartsWith(chat.T("summary.title"), StringComparison.Ordinal));
        Assert.Contains(chat.NumbnessLine(["arm-hand", "saddle"], null), summary, StringComparison.Ordinal);
    }
}
