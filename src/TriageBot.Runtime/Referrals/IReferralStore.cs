namespace TriageBot.Runtime.Referrals;

/// <summary>Durable referrals, kept apart from conversation state (a referral must outlive the conversation).</summary>
public interface IReferralStore
{
    Task AddAsync(ReferralRecord referral, CancellationToken cancellationToken);

    Task<ReferralRecord?> FindAsync(string reference, CancellationToken cancellationToken);

    /// <summary>Moves a referral on (<see cref="ReferralStatuses"/>); false when there is no such referral.</summary>
    Task<bool> SetStatusAsync(string reference, string status, CancellationToken cancellationToken);

    /// <summary>Referrals not yet contacted, newest first, a page at a time (for staff).</summary>
    Task<IReadOnlyList<ReferralRecord>> ListOpenAsync(int skip, int take, CancellationToken cancellationToken);

    /// <summary>Deletes every referral of a subject; returns how many there were.</summary>
    Task<int> DeleteBySubjectAsync(string subjectHash, CancellationToken cancellationToken);
}
