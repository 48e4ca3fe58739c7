namespace TriageBot.Runtime.Referrals;

/// <summary>Durable referrals, kept apart from conversation state (a referral must outlive the conversation).</summary>
public interface IReferralStore
{
    Task AddAsync(ReferralRecord referral, CancellationToken cancellationToken);

    Task<ReferralRecord?> FindAsync(string reference, CancellationToken cancellationToken);

    /// <summary>Deletes every referral of a subject; returns how many there were.</summary>
    Task<int> DeleteBySubjectAsync(string subjectHash, CancellationToken cancellationToken);
}
