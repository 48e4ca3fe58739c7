using Microsoft.Extensions.Logging;
using TriageBot.Runtime.Turns;
using TriageBot.Schema;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace TriageBot.Channels.DirectLine;

/// <summary>
/// Direct Line ↔ turn, in process: echoes what the user sent into the conversation log, runs the turn, and appends
/// the turn's replies to the log (they are only handed over after the turn's state is saved). There is no HTTP
/// round trip to <c>/api/messages</c>. Everything for one conversation happens in order: echo, then replies.
/// </summary>
/// <remarks>
/// A turn that ends with <see cref="TurnResult.ConversationForgotten"/> ("delete my data", confirmed and saved)
/// deletes the conversation once its replies are on the stream: the log, the files and every token for it.
/// </remarks>
internal sealed class DirectLineBotBridge(
    TurnRunner turns, DirectLineConversationStore store, DirectLineOptions options, TimeProvider timeProvider, ILogger<DirectLineBotBridge> logger)
{
    private readonly KeyedLock _conversations = new();

    /// <summary>The bot's account as Direct Line addresses it (<c>recipient</c> of what users send).</summary>
    public ChannelAccount Bot { get; } = new() { Id = options.BotId, Name = options.BotName };

    /// <summary>A new conversation: the bot joins, and so does the user when the token says who it is.</summary>
    public async Task StartAsync(DirectLineConversation conversation, string serviceUrl, CancellationToken cancellationToken)
    {
        using var _ = await _conversations.AcquireAsync(conversation.Id, cancellationToken);

        // Direct Line sends the bot's own arrival "from" the conversation; the user's arrival comes from the user.
        await RunAsync(conversation, MembersAdded(conversation, serviceUrl, Bot, new ChannelAccount { Id = conversation.Id }), cancellationToken);
        if (conversation.UserId is { } userId && conversation.TryAnnounce(userId))
        {
            var user = new ChannelAccount { Id = userId };
            await RunAsync(conversation, MembersAdded(conversation, serviceUrl, user, user), cancellationToken);
        }
    }

    /// <summary>
    /// Echoes <paramref name="inbound"/> (already addressed, without an id) and runs its turn. A user seen for the
    /// first time is announced to the bot first, as Direct Line does when the token did not name them.
    /// Uploaded <paramref name="files"/> are stored with the echo. Returns the echo: what clients see, with the
    /// id the POST answers. Null when the conversation was deleted while this waited for the one before it.
    /// </summary>
    public async Task<Activity?> PostAsync(DirectLineConversation conversation, Activity inbound, IReadOnlyList<DirectLineFile> files, CancellationToken cancellationToken)
    {
        using var _ = await _conversations.AcquireAsync(conversation.Id, cancellationToken);
        if (conversation.IsClosed)
        {
            // No turn for a deleted conversation: it would store new state for someone who asked to be forgotten.
            return null;
        }

        // The serviceUrl is the bot's business, not the page's.
        var echo = conversation.Append(inbound with { ServiceUrl = null }, persist: inbound.Type != ActivityTypes.Typing, files);
        inbound = inbound with { Id = echo.Id, Timestamp = echo.Timestamp };
        if (inbound.From?.Id is { } userId && conversation.TryAnnounce(userId))
        {
            var user = inbound.From with { Role = null };
            await RunAsync(conversation, MembersAdded(conversation, inbound.ServiceUrl!, user, user), cancellationToken);
        }

        await RunAsync(conversation, inbound, cancellationToken);
        return echo;
    }

    private async Task RunAsync(DirectLineConversation conversation, Activity inbound, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var turn = await turns.RunAsync(inbound, new Sender(this, conversation), cancellationToken);
        foreach (var reply in turn.Replies)
        {
            Deliver(conversation, reply);
        }

        if (turn.ConversationForgotten && store.Delete(conversation.Id))
        {
            DirectLineLog.ConversationErased(logger, conversation.LogId);
        }

        var elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        DirectLineLog.TurnCompleted(logger, conversation.LogId, inbound.Type, turn.Replies.Count, elapsedMs);
    }

    /// <summary>Puts a bot activity in front of the client. Typing is shown live but not kept; conversationUpdate never goes to clients.</summary>
    private void Deliver(DirectLineConversation conversation, Activity reply)
    {
        if (reply.Type == ActivityTypes.ConversationUpdate)
        {
            return;
        }

        // Web Chat shows suggested actions only under a message whose from.role is "bot".
        var from = (reply.From ?? Bot) with { Role = RoleTypes.Bot };
        conversation.Append(reply with { From = from, ServiceUrl = null }, persist: reply.Type != ActivityTypes.Typing);
    }

    private Activity MembersAdded(DirectLineConversation conversation, string serviceUrl, ChannelAccount member, ChannelAccount from) => new()
    {
        Type = ActivityTypes.ConversationUpdate,
        Id = DirectLineIds.NewEventId(),
        Timestamp = timeProvider.GetUtcNow(),
        ServiceUrl = serviceUrl,
        ChannelId = ChannelIds.DirectLine,
        From = from,
        Conversation = new ConversationAccount { Id = conversation.Id },
        Recipient = Bot,
        MembersAdded = [member],
        Locale = conversation.Locale,
    };

    /// <summary>What the turn sends at once (typing indicators) goes straight to the log's live stream.</summary>
    private sealed class Sender(DirectLineBotBridge bridge, DirectLineConversation conversation) : IActivitySender
    {
        public Task SendNowAsync(Activity activity, CancellationToken cancellationToken)
        {
            bridge.Deliver(conversation, activity);
            return Task.CompletedTask;
        }
    }
}
