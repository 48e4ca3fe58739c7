namespace TriageBot.Runtime.Referrals;

/// <summary>
/// A request that the clinic contacts someone: a reference number to quote, whose it is (a hashed subject key, so
/// "delete my data" can find it), the content version that produced it, the outcome, a structured summary of the
/// answers (JSON), and the contact details already encrypted by the caller.
/// </summary>
public sealed record ReferralRecord(
    string Reference,
    string SubjectHash,
    DateTimeOffset CreatedUtc,
    string ContentVersion,
    string Disposition,
    string SummaryJson,
    string ProtectedContact)
{
    /// <summary>Where it stands (<see cref="ReferralStatuses"/>); a new referral is waiting.</summary>
    public string Status { get; init; } = ReferralStatuses.Waiting;
}
