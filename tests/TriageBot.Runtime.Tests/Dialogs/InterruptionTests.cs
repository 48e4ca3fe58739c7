using TriageBot.Runtime.Dialogs;
using TriageBot.Testing.Conversations;

namespace TriageBot.Runtime.Tests.Dialogs;

public sealed class InterruptionTests
{
    [Fact]
    public async Task HelpDuringAPrompt_AnswersAndLeavesTheStackAlone()
    {
        var chat = new TestConversation(ProfileBot.Create(interruptions: [new Keyword("help", InterruptionResult.Handled, "I ask a few questions.")]));
        await chat.SayAsync("hi");
        await chat.SayAsync("Ann");

        Assert.Equal("I ask a few questions.", await chat.AskAsync("help"));
        Assert.Equal("Thanks Ann, 42.", await chat.AskAsync("42"));
    }

    [Fact]
    public async Task HandledThenReprompt_AnswersThenRepeatsTheQuestion()
    {
        var chat = new TestConversation(ProfileBot.Create(interruptions: [new Keyword("why", InterruptionResult.HandledThenReprompt, "It helps the clinic.")]));
        await chat.SayAsync("hi");

        Assert.Equal("It helps the clinic.\nWhat is your name?", await chat.AskAsync("why"));
    }

    [Fact]
    public async Task Cancel_EmptiesTheStack_AndTheNextMessageStartsAgain()
    {
        var chat = new TestConversation(ProfileBot.Create(interruptions: [new Keyword("start over", InterruptionResult.Handled, "Starting again.", cancel: true)]));
        await chat.SayAsync("hi");
        await chat.SayAsync("Ann");

        Assert.Equal("Starting again.", await chat.AskAsync("start over"));
        Assert.Null(await WaterfallConversationTests.ReadStackAsync(chat));
        Assert.Equal("What is your name?", await chat.AskAsync("hello"));
    }

    [Fact]
    public async Task Interruptions_RunInOrder_AndTheFirstToHandleWins()
    {
        var chat = new TestConversation(ProfileBot.Create(interruptions:
        [
            new Keyword("emergency", InterruptionResult.Handled, "Call 999 now."),
            new Keyword("emergency", InterruptionResult.Handled, "never said"),
        ]));
        await chat.SayAsync("hi");

        Assert.Equal("Call 999 now.", await chat.AskAsync("this is an emergency"));
    }

    [Fact]
    public async Task CardSubmitWithNoText_DoesNotBreakInterruptions()
    {
        var chat = new TestConversation(ProfileBot.Create(interruptions: [new Keyword("help", InterruptionResult.Handled, "help text")]));
        await chat.SayAsync("hi");

        var replies = await chat.SendAsync(new Schema.Activity { Type = Schema.ActivityTypes.Message });

        Assert.Equal("What is your name?", Assert.Single(replies).Text);
    }

    private sealed class Keyword(string word, InterruptionResult result, string answer, bool cancel = false) : IInterruption
    {
        public async Task<InterruptionResult> OnMessageAsync(DialogContext dc, CancellationToken cancellationToken)
        {
            if (dc.Context.Activity.Text?.Contains(word, StringComparison.OrdinalIgnoreCase) != true)
            {
                return InterruptionResult.NotHandled;
            }

            dc.Context.SendActivity(answer);
            if (cancel)
            {
                await dc.CancelAllDialogsAsync(cancellationToken);
            }

            return result;
        }
    }
}
