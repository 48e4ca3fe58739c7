using TriageBot.Dialogs.Flow;
using TriageBot.Runtime.Referrals;
using TriageBot.Runtime.Turns;

namespace TriageBot.Dialogs.Referrals;

/// <summary>
/// Answers "what happened to my request?": for each reference of this conversation, what the store says now (seen by
/// the clinic, contacted) or, while it is still waiting, whether it has reached the clinic yet (the outbox): delivered,
/// on its way, or not passed on (no destination configured, or delivery given up), when the person should call.
/// </summary>
internal static class ReferralStatusAnswer
{
    public static async Task SayAsync(TriageServices services, TurnContext turn, CancellationToken cancellationToken)
    {
        var wording = new Wording(services.Content, turn);
        var references = ConversationReferrals.Of(turn);
        if (references.Count == 0)
        {
            wording.Say(ContentKeys.Referral.Status.None);
            return;
        }

        foreach (var reference in references)
        {
            var key = await StatusKeyAsync(services, reference, cancellationToken);
            wording.Say(key, (ContentKeys.Args.Reference, reference));
        }
    }

    private static async Task<string> StatusKeyAsync(TriageServices services, string reference, CancellationToken cancellationToken)
    {
        var referral = await services.Referrals.FindAsync(reference, cancellationToken);
        switch (referral?.Status)
        {
            case null:
                return ContentKeys.Referral.Status.Gone;
            case ReferralStatuses.Contacted:
                return ContentKeys.Referral.Status.Contacted;
            case ReferralStatuses.Seen:
                return ContentKeys.Referral.Status.Seen;
        }

        var deliveries = services.Outbox is null ? [] : await services.Outbox.ListAsync(reference, cancellationToken);
        if (deliveries.Any(d => d.State == OutboxStates.Delivered))
        {
            return ContentKeys.Referral.Status.Waiting;
        }

        return deliveries.Any(d => d.State == OutboxStates.Pending)
            ? ContentKeys.Referral.Status.Sending
            : ContentKeys.Referral.Status.NotSent;
    }
}
