using System.Text.Json;
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

    private DirectLineFleetLog? Fleet => store.Fleet;

    /// <summary>The bot's account as Direct Line addresses it (<c>recipient</c> of what users send).</summary>
    public ChannelAccount Bot { get; } = new() { Id = options.BotId, Name = options.BotName };

    /// <summary>A new conversation: the bot joins, and so does the user when the token says who it is.</summary>
    public async Task StartAsync(DirectLineConversation conversation, string serviceUrl, CancellationToken cancellationToken)
    {
        using var _ = await _conversations.AcquireAsync(conversation.Id, cancellationToken);
        if (store.Fleet is { } fleet)
        {
            await using var turn = await fleet.Shared.LockAsync(conversation.Id, cancellationToken);
            await RunInFleetAsync(fleet, conversation, MembersAdded(conversation, serviceUrl, Bot, new ChannelAccount { Id = conversation.Id }), null, cancellationToken);
            if (conversation.UserId is { } named && await fleet.Shared.TryAnnounceAsync(conversation.Id, named, cancellationToken))
            {
                var user = new ChannelAccount { Id = named };
                await RunInFleetAsync(fleet, conversation, MembersAdded(conversation, serviceUrl, user, user), null, cancellationToken);
            }

            return;
        }

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
    /// A client activity id (<c>channelData.clientActivityID</c>) already handled gets its first echo back and no second turn.
    /// </summary>
    public async Task<Activity?> PostAsync(DirectLineConversation conversation, Activity inbound, IReadOnlyList<DirectLineFile> files, CancellationToken cancellationToken)
    {
        using var _ = await _conversations.AcquireAsync(conversation.Id, cancellationToken);
        if (conversation.IsClosed)
        {
            // No turn for a deleted conversation: it would store new state for someone who asked to be forgotten.
            return null;
        }

        var clientActivityId = DirectLineIds.ClientActivityId(inbound);
        if (store.Fleet is { } fleet)
        {
            return await PostInFleetAsync(fleet, conversation, inbound, files, clientActivityId, cancellationToken);
        }

        if (clientActivityId is not null && conversation.FindEcho(clientActivityId) is { } first)
        {
            return first;
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
        if (clientActivityId is not null)
        {
            conversation.RememberEcho(clientActivityId, echo);
        }

        return echo;
    }

    /// <summary>
    /// <see cref="PostAsync"/> with the log shared by the fleet: one turn of this conversation at a time on any
    /// instance (the shared lock), the echo stored once per client activity id, and the turn's replies stored in
    /// one transaction that also marks the echo handled. A retry of an echo whose instance died before its replies
    /// were stored runs the turn here; one whose replies were stored answers the first echo.
    /// </summary>
    private async Task<Activity?> PostInFleetAsync(
        DirectLineFleetLog fleet, DirectLineConversation conversation, Activity inbound, IReadOnlyList<DirectLineFile> files, string? clientActivityId, CancellationToken cancellationToken)
    {
        await using var turn = await fleet.Shared.LockAsync(conversation.Id, cancellationToken);
        if (!await fleet.CatchUpAsync(conversation, cancellationToken))
        {
            return null;
        }

        Activity echo;
        long? handles = null;
        if (clientActivityId is not null && await fleet.Shared.FindByClientIdAsync(conversation.Id, clientActivityId, cancellationToken) is { } first)
        {
            echo = JsonSerializer.Deserialize(first.Json, SchemaJsonContext.Default.Activity)!;
            if (!first.AwaitsTurn)
            {
                return echo;
            }

            handles = first.Sequence;
        }
        else if (inbound.Type == ActivityTypes.Typing)
        {
            echo = inbound with { ServiceUrl = null, Id = DirectLineIds.NewEventId(), Timestamp = timeProvider.GetUtcNow() };
            conversation.PushLive(echo);
        }
        else
        {
            var appended = await fleet.AppendAsync(conversation, [inbound with { ServiceUrl = null }], null, cancellationToken, clientActivityId, files);
            if (appended is null)
            {
                return null;
            }

            echo = appended.Activities[0];
            handles = clientActivityId is null ? null : appended.FirstSequence;
        }

        inbound = inbound with { Id = echo.Id, Timestamp = echo.Timestamp };
        if (inbound.From?.Id is { } userId && await fleet.Shared.TryAnnounceAsync(conversation.Id, userId, cancellationToken))
        {
            var user = inbound.From with { Role = null };
            await RunInFleetAsync(fleet, conversation, MembersAdded(conversation, inbound.ServiceUrl!, user, user), null, cancellationToken);
        }

        await RunInFleetAsync(fleet, conversation, inbound, handles, cancellationToken);
        return echo;
    }

    /// <summary>Runs a turn and stores its replies in the shared log (with <paramref name="handles"/> marked handled), then applies "delete my data".</summary>
    private async Task RunInFleetAsync(DirectLineFleetLog fleet, DirectLineConversation conversation, Activity inbound, long? handles, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var turn = await turns.RunAsync(inbound, new Sender(this, conversation), cancellationToken);
        var replies = new List<Activity>(turn.Replies.Count);
        foreach (var reply in turn.Replies)
        {
            if (reply.Type == ActivityTypes.Typing)
            {
                conversation.PushLive(Addressed(reply));
            }
            else if (reply.Type != ActivityTypes.ConversationUpdate)
            {
                replies.Add(Addressed(reply));
            }
        }

        await fleet.AppendAsync(conversation, replies, handles, cancellationToken);
        if (turn.ConversationForgotten && await fleet.DeleteAsync(conversation, cancellationToken))
        {
            DirectLineLog.ConversationErased(logger, conversation.LogId);
        }

        var elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        DirectLineLog.TurnCompleted(logger, conversation.LogId, inbound.Type, turn.Replies.Count, elapsedMs);
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

        conversation.Append(Addressed(reply), persist: reply.Type != ActivityTypes.Typing);
    }

    /// <summary>A bot activity as clients get it: Web Chat shows suggested actions only under a message whose from.role is "bot".</summary>
    private Activity Addressed(Activity reply) => reply with { From = (reply.From ?? Bot) with { Role = RoleTypes.Bot }, ServiceUrl = null };

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
        public async Task SendNowAsync(Activity activity, CancellationToken cancellationToken)
        {
            if (bridge.Fleet is not { } fleet)
            {
                bridge.Deliver(conversation, activity);
            }
            else if (activity.Type == ActivityTypes.Typing)
            {
                // Typing is shown by the instance the turn runs on only: it is never stored, so never shared.
                conversation.PushLive(bridge.Addressed(activity));
            }
            else if (activity.Type != ActivityTypes.ConversationUpdate)
            {
                await fleet.AppendAsync(conversation, [bridge.Addressed(activity)], null, cancellationToken);
            }
        }
    }
}
