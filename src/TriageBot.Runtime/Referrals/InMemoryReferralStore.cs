namespace TriageBot.Runtime.Referrals;

/// <summary>
/// Referrals and their outbox in memory, for tests and the InMemory storage option. One lock makes each operation
/// the one transaction the contracts ask for (a referral and its outbox entries appear together, claims are atomic).
/// </summary>
public sealed class InMemoryReferralStore(ReferralRoutes routes) : IReferralStore, IReferralOutbox
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ReferralRecord> _referrals = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Reference, string Destination), Entry> _outbox = [];

    public InMemoryReferralStore()
        : this(ReferralRoutes.None)
    {
    }

    public Task AddAsync(ReferralRecord referral, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(referral);
        var destinations = routes.Destinations;
        lock (_gate)
        {
            if (!_referrals.TryAdd(referral.Reference, referral))
            {
                ReferralReferences.EnsureSameSubject(referral, _referrals[referral.Reference]);
            }

            foreach (var destination in destinations)
            {
                _outbox.TryAdd((referral.Reference, destination), new Entry(referral.CreatedUtc));
            }
        }

        return Task.CompletedTask;
    }

    public Task<ReferralRecord?> FindAsync(string reference, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_referrals.GetValueOrDefault(reference));
        }
    }

    public Task<bool> SetStatusAsync(string reference, string status, CancellationToken cancellationToken)
    {
        ReferralStatusArguments.Check(status);
        lock (_gate)
        {
            if (!_referrals.TryGetValue(reference, out var stored))
            {
                return Task.FromResult(false);
            }

            _referrals[reference] = stored with { Status = status };
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<ReferralRecord>> ListOpenAsync(int skip, int take, CancellationToken cancellationToken)
    {
        ReferralStatusArguments.CheckPage(skip, take);
        lock (_gate)
        {
            IReadOnlyList<ReferralRecord> page = _referrals.Values
                .Where(r => r.Status != ReferralStatuses.Contacted)
                .OrderByDescending(r => r.CreatedUtc).ThenBy(r => r.Reference, StringComparer.Ordinal)
                .Skip(skip).Take(take).ToList();
            return Task.FromResult(page);
        }
    }

    public Task<int> DeleteBySubjectAsync(string subjectHash, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var mine = _referrals.Values.Where(r => r.SubjectHash == subjectHash).Select(r => r.Reference).ToHashSet(StringComparer.Ordinal);
            foreach (var key in _outbox.Keys.Where(k => mine.Contains(k.Reference)).ToList())
            {
                _outbox.Remove(key);
            }

            return Task.FromResult(mine.Count(_referrals.Remove));
        }
    }

    public Task<IReadOnlyList<OutboxEntry>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        OutboxArguments.CheckClaim(lease, max);
        var token = Guid.NewGuid().ToString("N");
        lock (_gate)
        {
            var due = _outbox
                .Where(e => e.Value.State == OutboxStates.Pending && e.Value.NextAttemptUtc <= now && e.Value.LeaseUntilUtc <= now)
                .OrderBy(e => e.Value.CreatedUtc).ThenBy(e => e.Key.Reference, StringComparer.Ordinal).ThenBy(e => e.Key.Destination, StringComparer.Ordinal)
                .Take(max).ToList();
            IReadOnlyList<OutboxEntry> claimed = due.Select(e =>
            {
                var entry = e.Value;
                entry.Attempts++;
                entry.LeaseToken = token;
                entry.LeaseUntilUtc = now + lease;
                return new OutboxEntry(e.Key.Reference, e.Key.Destination, entry.Attempts, token);
            }).ToList();
            return Task.FromResult(claimed);
        }
    }

    public Task<bool> MarkDeliveredAsync(OutboxEntry entry, DateTimeOffset now, CancellationToken cancellationToken) =>
        Mark(entry, e => e.State = OutboxStates.Delivered);

    public Task<bool> MarkFailedAsync(OutboxEntry entry, string reason, DateTimeOffset nextAttemptUtc, CancellationToken cancellationToken)
    {
        var stored = OutboxArguments.Reason(reason);
        return Mark(entry, e =>
        {
            e.LastError = stored;
            e.NextAttemptUtc = nextAttemptUtc;
        });
    }

    public Task<bool> DeadLetterAsync(OutboxEntry entry, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stored = OutboxArguments.Reason(reason);
        return Mark(entry, e =>
        {
            e.State = OutboxStates.Dead;
            e.LastError = stored;
        });
    }

    public Task<int> HoldAsync(string destination, DateTimeOffset untilUtc, string leaseToken, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var held = _outbox
                .Where(e => e.Key.Destination == destination && e.Value.State == OutboxStates.Pending
                    && (e.Value.LeaseUntilUtc <= now || e.Value.LeaseToken == leaseToken))
                .Select(e => e.Value).ToList();
            foreach (var entry in held)
            {
                entry.Attempts -= entry.LeaseToken == leaseToken ? 1 : 0;
                entry.NextAttemptUtc = untilUtc;
                entry.LeaseToken = null;
                entry.LeaseUntilUtc = DateTimeOffset.MinValue;
            }

            return Task.FromResult(held.Count);
        }
    }

    public Task<OutboxCounts> CountAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            long Count(string state) => _outbox.Values.Count(e => e.State == state);
            return Task.FromResult(new OutboxCounts(Count(OutboxStates.Pending), Count(OutboxStates.Delivered), Count(OutboxStates.Dead)));
        }
    }

    public Task<IReadOnlyList<OutboxRow>> ListAsync(string reference, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<OutboxRow> rows = _outbox.Where(e => e.Key.Reference == reference)
                .OrderBy(e => e.Key.Destination, StringComparer.Ordinal)
                .Select(e => new OutboxRow(reference, e.Key.Destination, e.Value.State, e.Value.Attempts, e.Value.NextAttemptUtc, e.Value.LastError))
                .ToList();
            return Task.FromResult(rows);
        }
    }

    /// <summary>Applies <paramref name="change"/> while the entry is pending under this lease; the lease is released.</summary>
    private Task<bool> Mark(OutboxEntry claimed, Action<Entry> change)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        lock (_gate)
        {
            if (!_outbox.TryGetValue((claimed.Reference, claimed.Destination), out var entry)
                || entry.State != OutboxStates.Pending || entry.LeaseToken != claimed.LeaseToken)
            {
                return Task.FromResult(false);
            }

            change(entry);
            entry.LeaseToken = null;
            entry.LeaseUntilUtc = DateTimeOffset.MinValue;
            return Task.FromResult(true);
        }
    }

    private sealed class Entry(DateTimeOffset createdUtc)
    {
        public DateTimeOffset CreatedUtc { get; } = createdUtc;

        public string State { get; set; } = OutboxStates.Pending;

        public int Attempts { get; set; }

        public DateTimeOffset NextAttemptUtc { get; set; } = DateTimeOffset.MinValue;

        public DateTimeOffset LeaseUntilUtc { get; set; } = DateTimeOffset.MinValue;

        public string? LeaseToken { get; set; }

        public string? LastError { get; set; }
    }
}
