namespace TriageBot.Runtime.Referrals;

/// <summary>
/// A place a stored referral is delivered to: the clinic's Teams channel, its FHIR server. The outbox delivers at
/// least once (a crash after the destination accepted but before the outbox recorded it delivers again), so a
/// destination makes the result exactly-once with <see cref="ReferralDelivery.IdempotencyKey"/>: it sends it to
/// the remote side (an activity id, a FHIR conditional create) or checks it before acting.
/// </summary>
public interface IReferralDestination
{
    /// <summary>The stable name stored in each outbox row ("teams-channel", "fhir"); never changes once shipped.</summary>
    string Name { get; }

    /// <summary>
    /// Delivers one referral. Returns normally only when the destination has it. Throws
    /// <see cref="ReferralDeliveryException"/> to say why not and when to try again (or never); any other exception
    /// counts as a transient failure.
    /// </summary>
    Task DeliverAsync(ReferralDelivery delivery, CancellationToken cancellationToken);
}
