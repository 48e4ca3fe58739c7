using TriageBot.Schema;

namespace TriageBot.Runtime.State;

/// <summary>Bot Builder's state keys, built from the inbound activity.</summary>
public sealed record StateKeys(string Conversation, string User, string PrivateConversation)
{
    /// <summary>The keys for an activity; null when it lacks a channel, conversation or sender id.</summary>
    public static StateKeys? For(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrEmpty(activity.ChannelId) || string.IsNullOrEmpty(activity.Conversation?.Id) || string.IsNullOrEmpty(activity.From?.Id))
        {
            return null;
        }

        var conversation = $"{activity.ChannelId}/conversations/{activity.Conversation.Id}";
        return new StateKeys(conversation, $"{activity.ChannelId}/users/{activity.From.Id}", $"{conversation}/users/{activity.From.Id}");
    }
}
