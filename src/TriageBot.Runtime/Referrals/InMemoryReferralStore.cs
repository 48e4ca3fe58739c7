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

    public Task<bool> SetStatusAsync(string reference, string status, CancellationToken cancellationToken)
    {
        ReferralStatusArguments.Check(status);
        while (_referrals.TryGetValue(reference, out var stored))
        {
            if (_referrals.TryUpdate(reference, stored with { Status = status }, stored))
            {
                return Task.FromResult(true);
            }
        }

        return Task.FromResult(false);
    }

    public Task<IReadOnlyList<ReferralRecord>> ListOpenAsync(int skip, int take, CancellationToken cancellationToken)
    {
        ReferralStatusArguments.CheckPage(skip, take);
        IReadOnlyList<ReferralRecord> page = _referrals.Values
            .Where(r => r.Status != ReferralStatuses.Contacted)
            .OrderByDescending(r => r.CreatedUtc).ThenBy(r => r.Reference, StringComparer.Ordinal)
            .Skip(skip).Take(take).ToList();
        return Task.FromResult(page);
    }

    public Task<int> DeleteBySubjectAsync(string subjectHash, CancellationToken cancellationToken)
    {
        var mine = _referrals.Values.Where(r => r.SubjectHash == subjectHash).Select(r => r.Reference).ToList();
        return Task.FromResult(mine.Count(reference => _referrals.TryRemove(reference, out _)));
    }
}
