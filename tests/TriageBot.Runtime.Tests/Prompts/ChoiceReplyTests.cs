using System.Text.Json;
using TriageBot.Runtime.Choices;
using TriageBot.Runtime.Prompts;
using TriageBot.Schema;
using TriageBot.Testing.Conversations;

namespace TriageBot.Runtime.Tests.Prompts;

/// <summary>
/// How every choice prompt reads a reply: a button is exactly itself, a question or half-matching free text is
/// never an answer (it is answered and the question asked again), and a prompt that takes whole answers only
/// refuses partial matches. Giving up says so.
/// </summary>
public sealed class ChoiceReplyTests
{
    private static readonly Choice[] Bands =
    [
        new("under-6-weeks") { Action = CardAction.ImBack("Under 6 weeks") },
        new("6-to-12-weeks") { Action = CardAction.ImBack("6 to 12 weeks"), Synonyms = ["6 to 12 weeks", "12 weeks"] },
        new("over-12-weeks") { Action = CardAction.ImBack("Over 12 weeks") },
    ];

    private static readonly Choice[] YesNoNotSure =
    [
        new("yes") { Action = CardAction.ImBack("Yes") },
        new("no") { Action = CardAction.ImBack("No"), Synonyms = ["not at all"] },
        new("not-sure") { Action = CardAction.ImBack("Not sure") },
    ];

    private static readonly Choice[] Treatments =
    [
        new("physio") { Action = CardAction.ImBack("Physiotherapy") },
        new("surgery") { Action = CardAction.ImBack("Surgery"), Synonyms = ["operation", "laminectomy"] },
    ];

    [Theory]
    [InlineData("Over 12 weeks", "over-12-weeks")]
    [InlineData("over 12 weeks.", "over-12-weeks")]
    [InlineData("  UNDER 6 WEEKS ", "under-6-weeks")]
    [InlineData("6 to 12 weeks", "6-to-12-weeks")]
    public async Task TappedTitle_IsExactlyThatChoice_EvenWhenAnotherChoiceSharesItsWords(string tapped, string expected)
    {
        var chat = await ChatAsync(Bands);

        Assert.Equal("got " + expected, await chat.AskAsync(tapped));
    }

    [Theory]
    [InlineData("\"over-12-weeks\"")]
    [InlineData("{\"choice\":\"over-12-weeks\"}")]
    [InlineData("{\"value\":\"over-12-weeks\"}")]
    public async Task PostBackOrMessageBackValue_IsExactlyThatChoice(string valueJson)
    {
        var chat = await ChatAsync(Bands);

        var replies = await chat.SendAsync(new Activity { Type = ActivityTypes.Message, Value = JsonDocument.Parse(valueJson).RootElement.Clone() });

        Assert.Equal("got over-12-weeks", Assert.Single(replies).Text);
    }

    [Theory]
    [InlineData("what does a laminectomy involve?")]
    [InlineData("what does a laminectomy involve")]
    [InlineData("surgery?")]
    [InlineData("should I have an operation")]
    [InlineData("I want to know about surgery")]
    public async Task AQuestion_IsNeverAnAnswer_ItIsAnsweredThenAskedAgain(string question)
    {
        var chat = await ChatAsync(Treatments);

        Assert.Equal(["I can answer questions at the end.", "What have you tried?"], Texts(await chat.SayAsync(question)));
        Assert.Equal("got surgery", await chat.AskAsync("Surgery"));
    }

    [Fact]
    public async Task OnAMenuOfTopics_AQuestionNamingATopic_PicksIt_AndOtherQuestionsStillGetTheReply()
    {
        var options = PromptOptions.Ask("What would you like to read about?", null, Treatments) with
        {
            QuestionsPick = true,
            QuestionReply = MessageFactory.Text("I can answer questions at the end."),
        };
        var chat = new TestConversation(OnePromptBot.Create(new ChoicePrompt("menu"), options, c => c.Value));
        await chat.SayAsync("hi");

        Assert.Equal(["I can answer questions at the end.", "What would you like to read about?"], Texts(await chat.SayAsync("is it safe?")));
        Assert.Equal("got surgery", await chat.AskAsync("what happens in a laminectomy?"));
    }

    [Fact]
    public async Task LongFreeTextThatOnlyPartlyMatches_IsExplainedThenAskedAgain()
    {
        var chat = await ChatAsync(Bands);

        Assert.Equal(["Please use the buttons.", "How long?"], Texts(await chat.SayAsync("it started on and off around weeks ago maybe")));
    }

    [Theory]
    [InlineData("I had an operation on my back last year")]
    [InlineData("the physio gave me some exercises to do")]
    public async Task LongTextNamingAChoiceInFull_IsStillAnAnswer(string text)
    {
        var chat = await ChatAsync(Treatments);

        Assert.StartsWith("got ", await chat.AskAsync(text), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("that's all")]
    [InlineData("hmm")]
    public async Task WholeAnswersOnly_APartialMatchIsAskedAgain_ThenGivesUpSayingSo(string reply)
    {
        var chat = await ChatAsync(YesNoNotSure, minimumScore: 0.75);

        Assert.Equal("Please choose Yes, No or Not sure.", await chat.AskAsync(reply));
        Assert.Equal("Please choose Yes, No or Not sure.", await chat.AskAsync(reply));
        Assert.Equal(["Sorry, I'll move on.", "not understood"], Texts(await chat.SayAsync(reply)));
    }

    [Fact]
    public async Task WithoutWholeAnswersOnly_APartialMatchStillCounts()
    {
        var chat = await ChatAsync(YesNoNotSure);

        Assert.Equal("got no", await chat.AskAsync("that's all"));
    }

    [Fact]
    public async Task NumberPrompt_AQuestionAboutANumber_IsNotAScore()
    {
        var options = PromptOptions.Ask("How bad, 0 to 10?") with { QuestionReply = MessageFactory.Text("I can answer questions at the end.") };
        var chat = new TestConversation(OnePromptBot.Create(new NumberPrompt("score", scoreOutOf: 10), options));
        await chat.SayAsync("hi");

        Assert.Equal(["I can answer questions at the end.", "How bad, 0 to 10?"], Texts(await chat.SayAsync("what does 10 mean?")));
        Assert.Equal("got 7", await chat.AskAsync("about a 7"));
    }

    [Theory]
    [InlineData("what is it?", true)]
    [InlineData("how long will it take to heal", true)]
    [InlineData("is it serious", true)]
    [InlineData("when will it stop", true)]
    [InlineData("tell me about physio", true)]
    [InlineData("could be", false)]
    [InlineData("do not know", false)]
    [InlineData("when I wipe", false)]
    [InlineData("when I bend over it hurts", false)]
    [InlineData("is not getting worse", false)]
    [InlineData("yes", false)]
    [InlineData("", false)]
    public void ReplyShape_KnowsAQuestion(string text, bool question) => Assert.Equal(question, ReplyShape.IsQuestion(text));

    /// <summary>A bot asking one question with <paramref name="choices"/>, already asked.</summary>
    private static async Task<TestConversation> ChatAsync(Choice[] choices, double? minimumScore = null)
    {
        var question = choices == Bands ? "How long?" : choices == Treatments ? "What have you tried?" : "Is it getting worse?";
        var options = PromptOptions.Ask(question, "Please choose Yes, No or Not sure.", choices) with
        {
            MinimumScore = minimumScore,
            QuestionReply = MessageFactory.Text("I can answer questions at the end."),
            FreeTextReply = MessageFactory.Text("Please use the buttons."),
            NotUnderstoodReply = MessageFactory.Text("Sorry, I'll move on."),
        };
        var chat = new TestConversation(OnePromptBot.Create(new ChoicePrompt("choice"), options, c => c.Value));
        await chat.SayAsync("hi");
        return chat;
    }

    private static string[] Texts(IEnumerable<Activity> replies) => [.. replies.Select(r => r.Text ?? "")];
}
