using System.Collections.Concurrent;

namespace TriageBot.Runtime.Referrals;

/// <summary>Referrals in memory, for tests and the InMemory storage option.</summary>
public sealed class InMemoryReferralStore : IReferralStore
{
    private readonly ConcurrentDictionary<string, ReferralRecord> _referrals = new(StringComparer.Ordinal);

    public Task AddAsync(ReferralRecord referral, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(referral);
        if (!_referrals.TryAdd(referral.Reference, referral))
        {
            ReferralReferences.EnsureSameSubject(referral, _referrals.GetValueOrDefault(referral.Reference));
        }

        return Task.CompletedTask;
    }

    public Task<ReferralRecord?> FindAsync(string reference, CancellationToken cancellationToken) =>
        Task.FromResult(_referrals.GetValueOrDefault(reference));

    public Task<int> DeleteBySubjectAsync(string subjectHash, CancellationToken cancellationToken)
    {
        var mine = _referrals.Values.Where(r => r.SubjectHash == subjectHash).Select(r => r.Reference).ToList();
        return Task.FromResult(mine.Count(reference => _referrals.TryRemove(reference, out _)));
    }
}
