namespace TriageBot.Runtime.Referrals;

/// <summary>
/// The outbox of referral deliveries: one entry per (reference, destination), written by
/// <see cref="IReferralStore.AddAsync"/> in the same transaction as the referral, for every name in the store's
/// <see cref="ReferralRoutes"/> (adding the same referral again adds nothing). The dispatcher claims due entries
/// with a lease, delivers, and marks each one. A store implements it so that:
/// <list type="bullet">
/// <item>a claim is atomic: two dispatchers (threads or instances) never hold the same entry at once; an entry is due
/// when pending, its next attempt is at or before <c>now</c>, and no unexpired lease holds it;</item>
/// <item>a claim adds one to the entry's attempts and leases it until <c>now + lease</c>; a claimer that dies simply
/// lets the lease run out, and the entry is due again;</item>
/// <item>a mark (delivered, failed, dead) applies only while the entry is pending under the same lease token, and says
/// whether it did; a stale claimer's mark is ignored;</item>
/// <item>deleting a subject's referrals deletes their outbox entries with them.</item>
/// </list>
/// Reasons are short codes from <see cref="ReferralDeliveryException.Reason"/>, never personal data.
/// </summary>
public interface IReferralOutbox
{
    /// <summary>Claims up to <paramref name="max"/> due entries, oldest first.</summary>
    Task<IReadOnlyList<OutboxEntry>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken);

    Task<bool> MarkDeliveredAsync(OutboxEntry entry, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Releases the lease and makes the entry due again at <paramref name="nextAttemptUtc"/>.</summary>
    Task<bool> MarkFailedAsync(OutboxEntry entry, string reason, DateTimeOffset nextAttemptUtc, CancellationToken cancellationToken);

    /// <summary>Parks the entry for good, with the reason.</summary>
    Task<bool> DeadLetterAsync(OutboxEntry entry, string reason, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Holds every pending entry of <paramref name="destination"/> until <paramref name="untilUtc"/> (the destination
    /// said when to come back), so its queue resumes together and is claimed oldest first: entries nobody holds a lease
    /// on, and those claimed under <paramref name="leaseToken"/> but not tried (their claim is undone: lease released,
    /// attempt not counted). Entries leased by another claimer are left alone. Returns how many entries it moved.
    /// </summary>
    Task<int> HoldAsync(string destination, DateTimeOffset untilUtc, string leaseToken, DateTimeOffset now, CancellationToken cancellationToken);

    Task<OutboxCounts> CountAsync(CancellationToken cancellationToken);

    /// <summary>The entries of one referral, by destination name.</summary>
    Task<IReadOnlyList<OutboxRow>> ListAsync(string reference, CancellationToken cancellationToken);
}
