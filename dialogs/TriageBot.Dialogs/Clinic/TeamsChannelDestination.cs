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

    /// <summary>The actor the bot's own audit entries name.</summary>
    private const string Bot = "triagebot";

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
        var wording = inbox.Wording();
        var card = ClinicCard.Shared(wording, await inbox.ViewAsync(referral, cancellationToken));
        if (await MayHavePostedAsync(reference, cancellationToken))
        {
            card = ClinicCard.PossibleRepeat(wording, card, reference);
            ClinicLog.CardMayRepeat(inbox.Log, reference);
        }

        // Bot Connector's create-conversation takes no idempotency key and the channel cannot be read back with the
        // bot's token, so the attempt is written down first: a crash or a lost answer after Teams created the thread
        // leaves it behind, and the next attempt says on the card that it may be a repeat.
        await AuditAsync(reference, ClinicActions.Posting, cancellationToken);
        (string ConversationId, string ActivityId) posted;
        try
        {
            posted = await inbox.Channel.PostToChannelAsync(address, ClinicCard.Message(card), cancellationToken);
        }
        catch (ReferralDeliveryException e) when (TeamsRefused(e))
        {
            await AuditAsync(reference, ClinicActions.PostRefused, cancellationToken);
            throw;
        }

        var (conversationId, activityId) = posted;
        var now = inbox.Clock.GetUtcNow();
        await inbox.Store.RecordPostAsync(
            new ClinicPost(delivery.IdempotencyKey, reference, address.ServiceUrl, conversationId, activityId, now), cancellationToken);
        await inbox.Store.AppendAuditAsync(new ClinicAuditEntry(reference, ClinicActions.Posted, Bot, null, now), cancellationToken);
        ClinicLog.CardPosted(inbox.Log, reference);
    }

    /// <summary>A 4xx answer (429 included): Teams looked at the request and created nothing.</summary>
    private static bool TeamsRefused(ReferralDeliveryException e) =>
        e.Reason is "throttled" or "not-found" || e.Reason.StartsWith("refused-", StringComparison.Ordinal);

    /// <summary>An earlier attempt was started and neither recorded nor refused: its card may be in the channel.</summary>
    private async Task<bool> MayHavePostedAsync(string reference, CancellationToken cancellationToken)
    {
        var audit = await inbox.Store.ListAuditAsync(reference, cancellationToken);
        return audit.Count(a => a.Action == ClinicActions.Posting) > audit.Count(a => a.Action == ClinicActions.PostRefused);
    }

    private Task AuditAsync(string reference, string action, CancellationToken cancellationToken) =>
        inbox.Store.AppendAuditAsync(new ClinicAuditEntry(reference, action, Bot, null, inbox.Clock.GetUtcNow()), cancellationToken);
}
