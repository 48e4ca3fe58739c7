using TriageBot.Schema;

namespace TriageBot.Runtime.ClinicInbox;

/// <summary>
/// The Bot Connector calls the clinic inbox makes on its own initiative (not replies to a turn): start a thread in
/// the clinic's channel, update a card for everyone, ask whether someone is a member of the channel's team.
/// Failures surface as <see cref="Referrals.ReferralDeliveryException"/> with a short reason code.
/// </summary>
public interface IClinicChannel
{
    /// <summary>Posts a new thread in the channel; returns the new conversation's id and the activity's id.</summary>
    Task<(string ConversationId, string ActivityId)> PostToChannelAsync(ClinicChannelAddress address, Activity activity, CancellationToken cancellationToken);

    /// <summary>Replaces a posted activity (a card update every viewer sees).</summary>
    Task UpdateAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken);

    /// <summary>Whether a user (Teams id or Entra object id) is a member of the conversation (a team, a channel).</summary>
    Task<bool> IsMemberAsync(string serviceUrl, string conversationId, string userId, CancellationToken cancellationToken);
}
