namespace TriageBot.Schema;

/// <summary>Addressing helpers: how a reply inherits its conversation from the activity it answers.</summary>
public static class ActivityExtensions
{
    /// <summary>The reference to keep for replying later (SDK <c>GetConversationReference</c>).</summary>
    public static ConversationReference GetConversationReference(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return new ConversationReference
        {
            ActivityId = activity.Type == ActivityTypes.ConversationUpdate
                && activity.ChannelId is ChannelIds.DirectLine or ChannelIds.WebChat ? null : activity.Id,
            User = activity.From,
            Bot = activity.Recipient,
            Conversation = activity.Conversation,
            ChannelId = activity.ChannelId,
            Locale = activity.Locale,
            ServiceUrl = activity.ServiceUrl,
        };
    }

    /// <summary>
    /// Stamps an outgoing activity with the reference: from = bot, recipient = user, same conversation, channel and
    /// serviceUrl, replyToId = the incoming id, locale if unset. The SDK clears <c>id</c> before sending; so do we.
    /// </summary>
    public static Activity ApplyConversationReference(this Activity outgoing, ConversationReference reference)
    {
        ArgumentNullException.ThrowIfNull(outgoing);
        ArgumentNullException.ThrowIfNull(reference);
        return outgoing with
        {
            Id = null,
            ChannelId = reference.ChannelId,
            ServiceUrl = reference.ServiceUrl,
            Conversation = reference.Conversation,
            From = reference.Bot,
            Recipient = reference.User,
            ReplyToId = outgoing.ReplyToId ?? reference.ActivityId,
            Locale = outgoing.Locale ?? reference.Locale,
        };
    }

    /// <summary>A plain-text message reply to <paramref name="incoming"/>.</summary>
    public static Activity CreateReply(this Activity incoming, string text) =>
        new Activity { Type = ActivityTypes.Message, Text = text }.ApplyConversationReference(incoming.GetConversationReference());
}
