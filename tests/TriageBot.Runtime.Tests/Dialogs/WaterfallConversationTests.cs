using System.Text.Json;
using TriageBot.Runtime.Dialogs;
using TriageBot.Runtime.Prompts;
using TriageBot.Runtime.State;
using TriageBot.Schema;
using TriageBot.Testing.Conversations;

namespace TriageBot.Runtime.Tests.Dialogs;

public sealed class WaterfallConversationTests
{
    [Fact]
    public async Task NameThenAge_BotAsksEachQuestionAndSummarises()
    {
        var chat = new TestConversation(ProfileBot.Create());

        Assert.Equal("What is your name?", await chat.AskAsync("hi"));
        Assert.Equal("How old are you?", await chat.AskAsync("Ann"));
        Assert.Equal("Please say a number, like 42.", await chat.AskAsync("abc"));
        Assert.Equal("Thanks Ann, 42.", await chat.AskAsync("42"));
        Assert.Null(await ReadStackAsync(chat));
    }

    [Fact]
    public async Task Prompt_IsMarkedAsExpectingInput()
    {
        var chat = new TestConversation(ProfileBot.Create());

        var question = Assert.Single(await chat.SayAsync("hi"));

        Assert.Equal(InputHints.ExpectingInput, question.InputHint);
    }

    [Fact]
    public async Task StoredStack_IsPlainJsonWithIdsVersionsAndStepNames()
    {
        var chat = new TestConversation(ProfileBot.Create());
        await chat.SayAsync("hi");
        await chat.SayAsync("Ann");

        var stack = (await ReadStackAsync(chat))!.Value;

        Assert.Equal("ask.age", stack[0].GetProperty("id").GetString());
        Assert.Equal(1, stack[0].GetProperty("state").GetProperty("attemptCount").GetInt32() + 1);
        Assert.Equal("profile", stack[1].GetProperty("id").GetString());
        Assert.Equal(1, stack[1].GetProperty("version").GetInt32());
        Assert.Equal("ask-age", stack[1].GetProperty("state").GetProperty("step").GetString());
        Assert.Equal("Ann", stack[1].GetProperty("state").GetProperty("values").GetProperty("name").GetString());
        Assert.DoesNotContain("$type", stack.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("TriageBot.", stack.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FreshProcess_ResumesTheConversationWhereItStopped()
    {
        var store = new InMemoryStateStore();
        var first = new TestConversation(ProfileBot.Create(), store);
        await first.SayAsync("hi");
        await first.SayAsync("Ann");

        var afterRestart = new TestConversation(ProfileBot.Create(), store, conversationId: first.Conversation.Id);

        Assert.Equal("Thanks Ann, 42.", await afterRestart.AskAsync("42"));
    }

    [Fact]
    public async Task DialogVersionChanged_ConversationRestartsPolitely()
    {
        var store = new InMemoryStateStore();
        var first = new TestConversation(ProfileBot.Create(version: 1), store);
        await first.SayAsync("hi");

        var redeployed = new TestConversation(ProfileBot.Create(version: 2), store, conversationId: first.Conversation.Id);
        var replies = await redeployed.SayAsync("Ann");

        Assert.Equal(["Sorry, I was updated since we last spoke, so we need to start again.", "What is your name?"], replies.Select(r => r.Text));
    }

    [Fact]
    public async Task StepRemovedWhileWaitingOnIt_ConversationRestartsPolitely()
    {
        var store = new InMemoryStateStore();
        var first = new TestConversation(ProfileBot.Create(), store);
        await first.SayAsync("hi");
        await first.SayAsync("Ann");

        var redeployed = new TestConversation(ProfileBot.Create(withAgeStep: false), store, conversationId: first.Conversation.Id);
        var replies = await redeployed.SayAsync("42");

        Assert.StartsWith("Sorry, I was updated", replies[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswerNeverUnderstood_PromptGivesUpAfterMaxAttempts()
    {
        var chat = new TestConversation(ProfileBot.Create());
        await chat.SayAsync("hi");
        await chat.SayAsync("Ann");

        Assert.Equal("Please say a number, like 42.", await chat.AskAsync("old"));
        Assert.Equal("Please say a number, like 42.", await chat.AskAsync("older"));
        Assert.Equal("Thanks Ann, we will skip your age.", await chat.AskAsync("oldest"));
    }

    [Fact]
    public async Task Validator_SeesAttemptCount_AndItsOwnMessageReplacesTheRetryPrompt()
    {
        var attempts = new List<int>();
        var chat = new TestConversation(ProfileBot.Create(ageValidator: (prompt, _) =>
        {
            attempts.Add(prompt.AttemptCount);
            var ok = prompt.Recognized.Succeeded && prompt.Recognized.Value is >= 0 and <= 120;
            if (!ok && prompt.Recognized.Succeeded)
            {
                prompt.Context.SendActivity("That does not look like an age.");
            }

            return Task.FromResult(ok);
        }));
        await chat.SayAsync("hi");
        await chat.SayAsync("Ann");

        Assert.Equal("That does not look like an age.", await chat.AskAsync("400"));
        Assert.Equal("Please say a number, like 42.", await chat.AskAsync("abc"));
        Assert.Equal("Thanks Ann, 40.", await chat.AskAsync("40"));
        Assert.Equal([1, 2, 3], attempts);
    }

    [Theory]
    [InlineData(ActivityTypes.Typing)]
    [InlineData(ActivityTypes.ConversationUpdate)]
    [InlineData(ActivityTypes.MessageReaction)]
    public async Task NonMessageWhilePromptWaits_NoReplyAndNoAttemptCounted(string type)
    {
        var chat = new TestConversation(ProfileBot.Create());
        await chat.SayAsync("hi");
        await chat.SayAsync("Ann");

        Assert.Empty(await chat.SendAsync(new Activity { Type = type }));
        Assert.Equal("Please say a number, like 42.", await chat.AskAsync("x"));
        Assert.Equal("Please say a number, like 42.", await chat.AskAsync("y"));
        Assert.Equal("Thanks Ann, 42.", await chat.AskAsync("42"));
    }

    [Fact]
    public async Task StepCallsNextTwice_TurnFailsPolitely_AndStateIsNotHalfWritten()
    {
        var chat = new TestConversation(ProfileBot.Create(extraStep: async (step, ct) =>
        {
            await step.NextAsync(null, ct);
            return await step.NextAsync(null, ct);
        }));
        await chat.SayAsync("hi");
        await chat.SayAsync("Ann");

        var failed = await chat.AskAsync("42");
        Assert.Contains("error id", failed, StringComparison.Ordinal);
        var stack = (await ReadStackAsync(chat))!.Value;
        Assert.Equal("ask.age", stack[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task ReadOutcome_OfMissingResult_IsNotUnderstood() =>
        Assert.False(new TextPrompt("p").ReadOutcome(null).Understood);

    internal static async Task<JsonElement?> ReadStackAsync(TestConversation chat)
    {
        var stored = await chat.Store.ReadAsync($"{chat.ChannelId}/conversations/{chat.Conversation.Id}", CancellationToken.None);
        if (stored is null)
        {
            return null;
        }

        using var doc = JsonDocument.Parse(stored.Json);
        return doc.RootElement.TryGetProperty(DialogManager.StackProperty, out var stack) ? stack.Clone() : null;
    }
}
