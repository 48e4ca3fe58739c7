using System.Text.Json;

namespace TriageBot.Schema;

/// <summary>What Teams adds to the Bot Framework activity: the conversation's kind and the tenant it belongs to.</summary>
public static class TeamsActivity
{
    /// <summary>A one-to-one chat with the bot.</summary>
    public const string Personal = "personal";

    /// <summary>A group chat (three or more people, or two people and the bot).</summary>
    public const string GroupChat = "groupChat";

    /// <summary>A channel of a team.</summary>
    public const string Channel = "channel";

    /// <summary>
    /// True for a Teams conversation that others can read: a group chat or a channel (or, when Teams did not say
    /// which, any conversation marked as a group).
    /// </summary>
    public static bool IsSharedChat(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.ChannelId == ChannelIds.MsTeams && activity.Conversation is { } conversation
            && (conversation.ConversationType is GroupChat or Channel || (conversation.ConversationType is null && conversation.IsGroup == true));
    }

    /// <summary>
    /// The tenant (Entra directory) an activity comes from: <c>channelData.tenant.id</c>, else
    /// <c>conversation.tenantId</c>; null when neither is there or the two disagree (then nothing can be proven).
    /// </summary>
    public static string? TenantId(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var fromChannelData = activity.ChannelData is { ValueKind: JsonValueKind.Object } data
            && data.TryGetProperty("tenant", out var tenant) && tenant.ValueKind == JsonValueKind.Object
            && tenant.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
        var fromConversation = activity.Conversation?.TenantId;
        if (!string.IsNullOrEmpty(fromChannelData) && !string.IsNullOrEmpty(fromConversation)
            && !string.Equals(fromChannelData, fromConversation, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return string.IsNullOrEmpty(fromChannelData) ? NullIfEmpty(fromConversation) : fromChannelData;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
