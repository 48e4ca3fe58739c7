using TriageBot.Runtime.ClinicInbox;
using TriageBot.Runtime.Referrals;
using TriageBot.Runtime.Turns;

namespace TriageBot.Dialogs.Clinic;

/// <summary>
/// Delivers a referral to the clinic's Teams channel: a new thread holding the referral card, posted proactively
/// through the Bot Connector. The outbox may deliver twice (a retry after a lost answer, a restart); the posted
/// activity is remembered under the delivery's idempotency key and looked up first, with one delivery per key at a
/// time in this process, so the clinic sees each referral once.
/// </summary>
public sealed class TeamsChannelDestination(ClinicInbox inbox) : IReferralDestination
{
    public const string DestinationName = "teams-channel";

    private readonly KeyedLock _deliveries = new();

    public string Name => DestinationName;

    public async Task DeliverAsync(ReferralDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        using var held = await _deliveries.AcquireAsync(delivery.IdempotencyKey, cancellationToken);
        var reference = delivery.Referral.Reference;
        if (await inbox.Store.FindPostAsync(delivery.IdempotencyKey, cancellationToken) is not null)
        {
            ClinicLog.CardAlreadyPosted(inbox.Log, reference);
            return;
        }

        var address = await inbox.ChannelAsync(cancellationToken)
            ?? throw new ReferralDeliveryException("no-channel", TimeSpan.FromMinutes(5), permanent: false);

        // The status as stored now (a retry may come after staff already acted on it elsewhere).
        var referral = await inbox.Referrals.FindAsync(reference, cancellationToken) ?? delivery.Referral;
        var card = ClinicCard.Shared(inbox.Wording(), await inbox.ViewAsync(referral, cancellationToken));
        var (conversationId, activityId) = await inbox.Channel.PostToChannelAsync(address, ClinicCard.Message(card), cancellationToken);
        var now = inbox.Clock.GetUtcNow();
        await inbox.Store.RecordPostAsync(
            new ClinicPost(delivery.IdempotencyKey, reference, address.ServiceUrl, conversationId, activityId, now), cancellationToken);
        await inbox.Store.AppendAuditAsync(new ClinicAuditEntry(reference, ClinicActions.Posted, "triagebot", null, now), cancellationToken);
        ClinicLog.CardPosted(inbox.Log, reference);
    }
}
