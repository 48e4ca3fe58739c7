using Microsoft.Extensions.Logging.Abstractions;
using TriageBot.Runtime.Middleware;
using TriageBot.Runtime.State;
using TriageBot.Runtime.Turns;
using TriageBot.Schema;

namespace TriageBot.Runtime.Tests.Turns;

/// <summary>"Forget this conversation" reaches the channel only when the turn that asked for it was saved.</summary>
public sealed class TurnRunnerForgetTests
{
    [Fact]
    public async Task BotAsksToForget_TurnSaved_ChannelIsTold()
    {
        var result = await RunAsync(new ForgettingBot(fail: false));

        Assert.True(result.ConversationForgotten);
    }

    [Fact]
    public async Task BotAsksToForget_ThenTheTurnFails_ChannelIsNotTold()
    {
        var result = await RunAsync(new ForgettingBot(fail: true));

        Assert.False(result.ConversationForgotten);
    }

    [Fact]
    public async Task OrdinaryTurn_ChannelIsNotTold()
    {
        var result = await RunAsync(new ForgettingBot(fail: false, forget: false));

        Assert.False(result.ConversationForgotten);
    }

    private static Task<TurnResult> RunAsync(IBot bot)
    {
        var pipeline = new TurnPipeline([new TurnErrorMiddleware(new TurnErrorOptions(), NullLogger<TurnErrorMiddleware>.Instance)], bot);
        var runner = new TurnRunner(new InMemoryStateStore(), pipeline, new TurnRunnerOptions(), NullLogger<TurnRunner>.Instance);
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Text = "yes",
            ChannelId = ChannelIds.DirectLine,
            Conversation = new ConversationAccount { Id = "c1" },
            From = new ChannelAccount { Id = "u1" },
            Recipient = new ChannelAccount { Id = "bot" },
            ServiceUrl = "http://localhost:1",
        };
        return runner.RunAsync(activity, sender: null, CancellationToken.None);
    }

    private sealed class ForgettingBot(bool fail, bool forget = true) : IBot
    {
        public Task OnTurnAsync(TurnContext turnContext, CancellationToken cancellationToken)
        {
            turnContext.State!.Conversation.Delete();
            if (forget)
            {
                turnContext.ForgetConversation();
            }

            return fail ? throw new InvalidOperationException("scripted failure") : Task.CompletedTask;
        }
    }
}
