using TriageBot.Runtime.Middleware;
using TriageBot.Runtime.Tests.Support;
using TriageBot.Runtime.Turns;

namespace TriageBot.Runtime.Tests;

public sealed class TurnPipelineTests
{
    [Fact]
    public async Task RunAsync_ThreeMiddleware_RunInRegistrationOrderAroundTheBot()
    {
        var timeline = new List<string>();
        var bot = new TestBot(_ => timeline.Add("bot"));

        await new TurnPipeline([Recording("A", timeline), Recording("B", timeline), Recording("C", timeline)], bot)
            .RunAsync(new TurnContext(Chat.Message("hello")), CancellationToken.None);

        Assert.Equal(["A in", "B in", "C in", "bot", "C out", "B out", "A out"], timeline);
    }

    [Fact]
    public async Task RunAsync_NoMiddleware_RunsTheBot()
    {
        var turn = new TurnContext(Chat.Message("hello"));

        await new TurnPipeline([], TestBot.Replying("Hi!")).RunAsync(turn, CancellationToken.None);

        Assert.Single(turn.Replies);
    }

    [Fact]
    public async Task RunAsync_MiddlewareDoesNotCallNext_BotAndLaterMiddlewareSkipped()
    {
        var timeline = new List<string>();
        var stop = new TestMiddleware((_, _, _) => Task.CompletedTask);

        await new TurnPipeline([Recording("A", timeline), stop, Recording("C", timeline)], new TestBot(_ => timeline.Add("bot")))
            .RunAsync(new TurnContext(Chat.Message("hello")), CancellationToken.None);

        Assert.Equal(["A in", "A out"], timeline);
    }

    [Fact]
    public async Task RunAsync_ErrorMiddlewareFirstThenMentionStripping_BotSeesCleanTextAndFailuresAreCaught()
    {
        var heard = new List<string?>();
        var bot = new TestBot(turn =>
        {
            heard.Add(turn.Activity.Text);
            throw new InvalidOperationException("boom");
        });
        using var logs = new LogSink();
        var turn = new TurnContext(Chat.MessageWithMentions("<at>Clinic Bot</at> lower back", Chat.MentionOf(Chat.Bot)));

        await new TurnPipeline(
            [new TurnErrorMiddleware(new TurnErrorOptions { Message = "Sorry ({0})." }, logs.CreateLogger<TurnErrorMiddleware>()), new RemoveRecipientMentionMiddleware()],
            bot).RunAsync(turn, CancellationToken.None);

        Assert.Equal(["lower back"], heard);
        Assert.StartsWith("Sorry (", Assert.Single(turn.Replies).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CancellationToken_ReachesMiddlewareAndBot()
    {
        using var cancel = new CancellationTokenSource();
        var seen = new List<CancellationToken>();
        var middleware = new TestMiddleware((turn, next, ct) =>
        {
            seen.Add(ct);
            return next(turn, ct);
        });

        await new TurnPipeline([middleware], new TestBot((_, ct) =>
        {
            seen.Add(ct);
            return Task.CompletedTask;
        })).RunAsync(new TurnContext(Chat.Message("hello")), cancel.Token);

        Assert.Equal([cancel.Token, cancel.Token], seen);
    }

    private static TestMiddleware Recording(string name, List<string> timeline) => new(async (turn, next, ct) =>
    {
        timeline.Add($"{name} in");
        await next(turn, ct);
        timeline.Add($"{name} out");
    });
}
