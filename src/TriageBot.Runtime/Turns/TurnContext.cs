using TriageBot.Runtime.State;
using TriageBot.Schema;

namespace TriageBot.Runtime.Turns;

/// <summary>
/// One inbound activity and what the bot does about it. Replies go to an outbox and are delivered by the channel
/// after the turn has finished (and, once state lands, after it is saved), so a turn that fails sends nothing
/// half-done. Activities that carry no state, such as typing indicators, can go out at once through
/// <see cref="Sender"/>.
/// </summary>
public sealed class TurnContext
{
    private readonly List<Activity> _replies = [];

    public TurnContext(Activity activity, IActivitySender? sender = null, TurnState? state = null)
    {
        ArgumentNullException.ThrowIfNull(activity);
        Activity = activity;
        Reference = activity.GetConversationReference();
        Sender = sender;
        State = state;
    }

    /// <summary>The turn's state; null when the activity cannot be keyed (no conversation or sender id).</summary>
    public TurnState? State { get; }

    /// <summary>True when the turn failed: its state changes are thrown away, only the apology is sent.</summary>
    public bool Failed { get; private set; }

    /// <summary>Marks the turn as failed, so nothing it changed is saved (state is never half-written).</summary>
    public void MarkFailed() => Failed = true;

    /// <summary>The inbound activity. Middleware may replace it (for example to strip a Teams @mention).</summary>
    public Activity Activity { get; set; }

    /// <summary>Where replies go: taken from the activity as it arrived.</summary>
    public ConversationReference Reference { get; }

    /// <summary>Sends immediately, outside the outbox; null when the channel collects replies in its response.</summary>
    public IActivitySender? Sender { get; }

    /// <summary>The replies of this turn, in order, already addressed.</summary>
    public IReadOnlyList<Activity> Replies => _replies;

    /// <summary>True once the bot has queued a reply this turn (prompts use it to avoid double re-asks).</summary>
    public bool Responded => _replies.Count > 0;

    /// <summary>True once the bot was asked to forget this conversation (see <see cref="ForgetConversation"/>).</summary>
    public bool ConversationForgotten { get; private set; }

    /// <summary>
    /// Says the person asked for their data to be deleted. The bot deletes its own state and records; this tells
    /// the channel to delete what it keeps of the conversation too (a transcript, the tokens that open it), after
    /// the replies are delivered and only if the turn's state was saved. Channels that keep nothing ignore it.
    /// </summary>
    public void ForgetConversation() => ConversationForgotten = true;

    /// <summary>Set when the bot asked to go on in a private chat with the sender (<see cref="RequestPrivateChat"/>).</summary>
    public PrivateChatRequest? PrivateChat { get; private set; }

    /// <summary>
    /// Asks the channel to open a one-to-one chat with the sender and start there, then to say
    /// <paramref name="announcement"/> here (or <paramref name="unavailable"/> if it could not). Channels that cannot
    /// open one say <paramref name="unavailable"/>.
    /// </summary>
    public void RequestPrivateChat(Activity announcement, Activity unavailable)
    {
        ArgumentNullException.ThrowIfNull(announcement);
        ArgumentNullException.ThrowIfNull(unavailable);
        PrivateChat = new PrivateChatRequest(Address(announcement), Address(unavailable));
    }

    /// <summary>The HTTP answer to an <c>invoke</c> activity; null means "not implemented" (501).</summary>
    public InvokeResponse? InvokeResponse { get; set; }

    /// <summary>Queues a reply, addressed to this conversation. Trace activities reach only the Emulator, as in Bot Builder.</summary>
    public void SendActivity(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Type == ActivityTypes.Trace && Reference.ChannelId != ChannelIds.Emulator)
        {
            return;
        }

        _replies.Add(activity.ApplyConversationReference(Reference));
    }

    /// <summary>Queues a plain message.</summary>
    public void SendActivity(string text) => SendActivity(MessageFactory.Text(text));

    /// <summary>Drops everything queued: used when a turn fails part-way, so no half-finished answer is sent.</summary>
    public void ClearReplies() => _replies.Clear();

    /// <summary>Addresses an activity for <see cref="Sender"/>.</summary>
    public Activity Address(Activity activity) => activity.ApplyConversationReference(Reference);
}
