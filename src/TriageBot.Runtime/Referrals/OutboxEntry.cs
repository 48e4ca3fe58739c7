namespace TriageBot.Runtime.Referrals;

/// <summary>
/// A claimed outbox entry: one referral for one destination, leased to the claimer. <see cref="Attempt"/> counts this
/// attempt (claims so far, so a process killed mid-delivery still used one up). <see cref="LeaseToken"/> proves the
/// claim: a mark with a token whose lease expired and was claimed again by someone else changes nothing.
/// </summary>
public sealed record OutboxEntry(string Reference, string Destination, int Attempt, string LeaseToken);

/// <summary>One outbox row as it stands, for the patient's status answer, operators and tests.</summary>
public sealed record OutboxRow(string Reference, string Destination, string State, int Attempts, DateTimeOffset NextAttemptUtc, string? LastError);

/// <summary>How many entries are in each state (the dispatcher publishes them as gauges).</summary>
public sealed record OutboxCounts(long Pending, long Delivered, long Dead);
