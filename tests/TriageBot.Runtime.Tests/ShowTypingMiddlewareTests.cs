using System.Collections.Concurrent;
using TriageBot.Runtime.Middleware;
using TriageBot.Runtime.Tests.Support;
using TriageBot.Runtime.Turns;
using TriageBot.Schema;

namespace TriageBot.Runtime.Tests;

/// <summary>
/// "Typing…" for slow message turns. No test waits on the clock: a slow turn is a bot that waits for the typing
/// indicator itself, a fast one a bot that answers at once while the delay is an hour.
/// </summary>
public sealed class ShowTypingMiddlewareTests
{
    /// <summary>Only a safety net so a broken middleware fails the test instead of hanging it; never reached when it works.</summary>
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task SlowMessageTurn_TypingSentBeforeTheReply()
    {
        var timeline = new ConcurrentQueue<string>();
        var sender = new RecordingSender(activity => timeline.Enqueue(activity.Type!));
        var bot = new TestBot(async (turn, ct) =>
        {
            await sender.TypingSent.Task.WaitAsync(Hang, ct);
            turn.SendActivity("Thanks. How long have you had the pain?");
            timeline.Enqueue("reply queued");
        });

        var turn = await RunAsync(Chat.Message("lower back pain"), sender, bot, delay: TimeSpan.FromMilliseconds(50));

        Assert.Equal([ActivityTypes.Typing, "reply queued"], timeline);
        Assert.Equal(["Thanks. How long have you had the pain?"], turn.Replies.Select(r => r.Text));
    }

    [Fact]
    public async Task SlowMessageTurn_Typing_AddressedFromBotToUser()
    {
        var sender = new RecordingSender();
        var bot = new TestBot((_, ct) => sender.TypingSent.Task.WaitAsync(Hang, ct));

        await RunAsync(Chat.Message("lower back pain"), sender, bot, delay: TimeSpan.FromMilliseconds(50));

        var typing = Assert.Single(sender.Sent);
        Assert.Equal((ActivityTypes.Typing, Chat.Bot, Chat.User), (typing.Type, typing.From, typing.Recipient));
        Assert.Equal((Chat.Conversation, ChannelIds.MsTeams, Chat.ServiceUrl), (typing.Conversation, typing.ChannelId, typing.ServiceUrl));
        Assert.Null(typing.Text);
    }

    [Fact]
    public async Task FastMessageTurn_DelayNotReached_NoTyping()
    {
        var sender = new RecordingSender();

        var turn = await RunAsync(Chat.Message("hello"), sender, TestBot.Replying("Hi!"), delay: TimeSpan.FromHours(1));

        Assert.Empty(sender.Sent);
        Assert.Single(turn.Replies);
    }

    [Fact]
    public async Task MessageTurn_ZeroDelay_TypingSentBeforeTheBotRuns()
    {
        var sender = new RecordingSender();
        var typingSeenByBot = -1;
        var bot = new TestBot(turn => typingSeenByBot = sender.Sent.Count);

        await RunAsync(Chat.Message("hello"), sender, bot, delay: TimeSpan.Zero);

        Assert.Equal(1, typingSeenByBot);
    }

    [Theory]
    [InlineData(ActivityTypes.ConversationUpdate)]
    [InlineData(ActivityTypes.Event)]
    [InlineData(ActivityTypes.Invoke)]
    [InlineData(ActivityTypes.Typing)]
    [InlineData(ActivityTypes.InstallationUpdate)]
    [InlineData(ActivityTypes.MessageReaction)]
    [InlineData("Message")]
    [InlineData(null)]
    public async Task NonMessageActivity_ZeroDelay_NeverGetsTyping(string? type)
    {
        // With a zero delay a message turn gets its indicator before the bot runs (see the test above), so
        // "nothing sent" here is not a matter of timing.
        var sender = new RecordingSender();

        await RunAsync(Chat.Inbound(type), sender, TestBot.Replying("ok"), delay: TimeSpan.Zero);

        Assert.Empty(sender.Sent);
    }

    [Fact]
    public async Task NoSender_ExpectRepliesTurn_NoTypingAnywhere()
    {
        var turn = new TurnContext(Chat.Message("hello") with { DeliveryMode = DeliveryModes.ExpectReplies });

        await Pipeline(TestBot.Replying("Hi!"), TimeSpan.Zero).RunAsync(turn, CancellationToken.None);

        Assert.Equal([ActivityTypes.Message], turn.Replies.Select(r => r.Type));
    }

    [Fact]
    public async Task BotThrows_ExceptionPropagates_TypingStopped()
    {
        var sender = new RecordingSender();
        var bot = new TestBot(async (_, ct) =>
        {
            await sender.TypingSent.Task.WaitAsync(Hang, ct);
            throw new InvalidOperationException("bot failed");
        });
        var turn = new TurnContext(Chat.Message("hello"), sender);

        // A loop left running would keep the turn from returning: the Hang guard turns that into a failure.
        await Assert.ThrowsAsync<InvalidOperationException>(
            () => Pipeline(bot, TimeSpan.FromMilliseconds(50)).RunAsync(turn, CancellationToken.None).WaitAsync(Hang));

        Assert.Single(sender.Sent);
        Assert.True(sender.LastToken.IsCancellationRequested, "the typing loop's token was not cancelled when the bot threw");
    }

    [Theory]
    [MemberData(nameof(TypingFailures))]
    public async Task SenderFails_TypingLost_TurnStillAnswers(Exception failure)
    {
        var sender = new RecordingSender(_ => throw failure);

        var turn = await RunAsync(Chat.Message("hello"), sender, TestBot.Replying("Hi!"), delay: TimeSpan.Zero);

        Assert.Equal(["Hi!"], turn.Replies.Select(r => r.Text));
    }

    [Theory]
    [MemberData(nameof(TypingFailures))]
    public async Task SenderFailsAndBotThrows_BotExceptionPropagates(Exception failure)
    {
        var sender = new RecordingSender(_ => throw failure);
        var turn = new TurnContext(Chat.Message("hello"), sender);

        await Assert.ThrowsAsync<FormatException>(
            () => Pipeline(new TestBot(_ => throw new FormatException("bot failed")), TimeSpan.Zero).RunAsync(turn, CancellationToken.None));
    }

    /// <summary>What a channel's "send now" can throw: the real connector wraps HTTP failures in its own exception type.</summary>
    public static TheoryData<Exception> TypingFailures =>
    [
        new HttpRequestException("connector unavailable"),
        new ChannelRefusedException("The channel answered 403 (BotDisabled)."),
        new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing."),
    ];

    private static TurnPipeline Pipeline(IBot bot, TimeSpan delay) =>
        new([new ShowTypingMiddleware(new ShowTypingOptions { Delay = delay, Period = TimeSpan.FromHours(1) }, TimeProvider.System)], bot);

    private static async Task<TurnContext> RunAsync(Activity activity, IActivitySender sender, IBot bot, TimeSpan delay)
    {
        var turn = new TurnContext(activity, sender);
        await Pipeline(bot, delay).RunAsync(turn, CancellationToken.None);
        return turn;
    }

    /// <summary>Stands in for the connector's own exception (TriageBot.Channels' ConnectorException), which Runtime cannot name.</summary>
    private sealed class ChannelRefusedException(string message) : Exception(message);
}
