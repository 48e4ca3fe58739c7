using TriageBot.Runtime.Choices;
using TriageBot.Runtime.Prompts;
using TriageBot.Testing.Conversations;

namespace TriageBot.Runtime.Tests.Prompts;

/// <summary>Each prompt type, as a person would answer it (reference §9.4 cases plus triage phrasings).</summary>
public sealed class PromptConversationTests
{
    private static readonly Choice[] Departments = [new("Cardiology"), new("Dermatology"), new("Pediatrics")];

    [Theory]
    [InlineData("I need dermatology please", "got Dermatology#1")]
    [InlineData("DERMATOLOGY", "got Dermatology#1")]
    [InlineData("2", "got Dermatology#1")]
    [InlineData("the third one", "got Pediatrics#2")]
    [InlineData("dermatolgy", "got Dermatology#1")]
    public async Task ChoicePrompt_UnderstandsWordsNumbersOrdinalsAndTypos(string answer, string expected)
    {
        var chat = new TestConversation(OnePromptBot.Create(new ChoicePrompt("choice"), Ask("Which department?", Departments), c => $"{c.Value}#{c.Index}"));
        await chat.SayAsync("hi");

        Assert.Equal(expected, await chat.AskAsync(answer));
    }

    [Theory]
    [InlineData("derma")]
    [InlineData("xyz")]
    public async Task ChoicePrompt_NoWholeWordMatch_AsksAgain(string answer)
    {
        var chat = new TestConversation(OnePromptBot.Create(new ChoicePrompt("choice"), Ask("Which department?", Departments, "Please pick a department.")));
        await chat.SayAsync("hi");

        Assert.Equal("Please pick a department.", await chat.AskAsync(answer));
    }

    [Fact]
    public async Task ChoicePrompt_Synonyms_Count()
    {
        Choice[] places = [new("lower-back") { Synonyms = ["low back", "lumbar"], Action = Schema.CardAction.ImBack("Lower back") }, new("neck")];
        var chat = new TestConversation(OnePromptBot.Create(new ChoicePrompt("choice"), Ask("Where?", places), c => c.Value));
        await chat.SayAsync("hi");

        Assert.Equal("got lower-back", await chat.AskAsync("it's my lumbar area"));
    }

    [Theory]
    [InlineData("yes", "got True")]
    [InlineData("yep", "got True")]
    [InlineData("sure", "got True")]
    [InlineData("no", "got False")]
    [InlineData("nope", "got False")]
    [InlineData("not really", "got False")]
    [InlineData("I don't think so", "got False")]
    [InlineData("1", "got True")]
    [InlineData("2", "got False")]
    public async Task ConfirmPrompt_UnderstandsHowPeopleSayYesAndNo(string answer, string expected)
    {
        var chat = new TestConversation(OnePromptBot.Create(new ConfirmPrompt("confirm"), Ask("Continue?")));
        await chat.SayAsync("hi");

        Assert.Equal(expected, await chat.AskAsync(answer));
    }

    [Fact]
    public async Task ConfirmPrompt_Maybe_AsksAgainWithTheChoices()
    {
        var chat = new TestConversation(OnePromptBot.Create(new ConfirmPrompt("confirm"), Ask("Continue?")));
        var question = Assert.Single(await chat.SayAsync("hi"));
        Assert.Equal(["Yes", "No"], question.SuggestedActions!.Actions!.Select(a => a.Title));

        Assert.Equal("Continue?", await chat.AskAsync("maybe"));
    }

    [Theory]
    [InlineData("7", "got 7")]
    [InlineData("about a 7", "got 7")]
    [InlineData("7/10", "got 7")]
    [InlineData("seven out of ten", "got 7")]
    [InlineData("it's a six and a half", "got 6.5")]
    public async Task NumberPrompt_AsScore_ReadsScoresPeopleGive(string answer, string expected)
    {
        var chat = new TestConversation(OnePromptBot.Create(new NumberPrompt("score", ScoreInRange, scoreOutOf: 10), Ask("How bad, 0 to 10?")));
        await chat.SayAsync("hi");

        Assert.Equal(expected, await chat.AskAsync(answer));
    }

    [Theory]
    [InlineData("twenty", "got 20")]
    [InlineData("1,500", "got 1500")]
    [InlineData("-3.5", "got -3.5")]
    public async Task NumberPrompt_ReadsDigitsAndWords(string answer, string expected)
    {
        var chat = new TestConversation(OnePromptBot.Create(new NumberPrompt("number"), Ask("A number?")));
        await chat.SayAsync("hi");

        Assert.Equal(expected, await chat.AskAsync(answer));
    }

    [Fact]
    public async Task NumberPrompt_ScoreOutOfRange_AsksAgainThenGivesUp()
    {
        var chat = new TestConversation(OnePromptBot.Create(new NumberPrompt("score", ScoreInRange, scoreOutOf: 10), Ask("How bad, 0 to 10?", retry: "Please give a number from 0 to 10.")));
        await chat.SayAsync("hi");

        Assert.Equal("Please give a number from 0 to 10.", await chat.AskAsync("12"));
        Assert.Equal("Please give a number from 0 to 10.", await chat.AskAsync("lots"));
        Assert.Equal("not understood", await chat.AskAsync("eleven"));
    }

    [Theory]
    [InlineData("3 weeks", 21)]
    [InlineData("a couple of months", 60)]
    [InlineData("a fortnight", 14)]
    [InlineData("two and a half years", 912.5)]
    public async Task DurationPrompt_ReadsHowLongInPlainWords(string answer, double days)
    {
        var chat = new TestConversation(OnePromptBot.Create(new DurationPrompt("duration", TimeProvider.System), Ask("How long?"), t => t.TotalDays.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await chat.SayAsync("hi");

        Assert.Equal($"got {days.ToString(System.Globalization.CultureInfo.InvariantCulture)}", await chat.AskAsync(answer));
    }

    [Fact]
    public async Task TextPrompt_AcceptsAnyText()
    {
        var chat = new TestConversation(OnePromptBot.Create(new TextPrompt("text"), Ask("Anything?")));
        await chat.SayAsync("hi");

        Assert.Equal("got worse when I sit", await chat.AskAsync("worse when I sit"));
    }

    private static Task<bool> ScoreInRange(PromptValidatorContext<double> prompt, CancellationToken cancellationToken) =>
        Task.FromResult(prompt.Recognized is { Succeeded: true, Value: >= 0 and <= 10 });

    private static PromptOptions Ask(string text, IReadOnlyList<Choice>? choices = null, string? retry = null) =>
        PromptOptions.Ask(text, retry, choices);
}
