using Npgsql;
using TriageBot.Runtime.Referrals;

namespace TriageBot.Storage.Postgres;

/// <summary>
/// The referral outbox in the <c>referral_outbox</c> table of the same database as the referrals, shared by every
/// instance; rows are added by <see cref="PostgresReferralStore.AddAsync"/> in the referral's own transaction. Holds
/// references, destination names, counts and reason codes: nothing personal. The statements and why they are safe
/// across instances: <see cref="PostgresOutboxSql"/>.
/// </summary>
public sealed class PostgresReferralOutbox(PostgresDatabase database) : IReferralOutbox
{
    public async Task<IReadOnlyList<OutboxEntry>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        OutboxArguments.CheckClaim(lease, max);
        var token = Guid.NewGuid().ToString("N");
        var claimed = await database.QueryAsync(
            PostgresOutboxSql.Claim,
            c => c.WithLong(now.ToUnixTimeMilliseconds()).WithText(token).WithInterval(lease).WithInt(max),
            r => (Created: r.GetInt64(3), Entry: new OutboxEntry(r.GetString(0), r.GetString(1), r.GetInt32(2), token)),
            cancellationToken);

        // UPDATE … RETURNING has no order of its own: oldest first, as the claim chose them.
        return [.. claimed.OrderBy(c => c.Created).ThenBy(c => c.Entry.Reference, StringComparer.Ordinal)
            .ThenBy(c => c.Entry.Destination, StringComparer.Ordinal).Select(c => c.Entry)];
    }

    public Task<bool> MarkDeliveredAsync(OutboxEntry entry, DateTimeOffset now, CancellationToken cancellationToken) =>
        MarkAsync(PostgresOutboxSql.Delivered, entry, _ => { }, cancellationToken);

    public Task<bool> MarkFailedAsync(OutboxEntry entry, string reason, DateTimeOffset nextAttemptUtc, CancellationToken cancellationToken)
    {
        var stored = OutboxArguments.Reason(reason);
        return MarkAsync(PostgresOutboxSql.Failed, entry, c => c.WithText(stored).WithLong(nextAttemptUtc.ToUnixTimeMilliseconds()), cancellationToken);
    }

    public Task<bool> DeadLetterAsync(OutboxEntry entry, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stored = OutboxArguments.Reason(reason);
        return MarkAsync(PostgresOutboxSql.Dead, entry, c => c.WithText(stored), cancellationToken);
    }

    /// <summary>Leases run on the database's clock here, so <paramref name="now"/> is not needed to tell a live one.</summary>
    public Task<int> HoldAsync(string destination, DateTimeOffset untilUtc, string leaseToken, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.ExecuteAsync(
            PostgresOutboxSql.Hold,
            c => c.WithText(destination).WithLong(untilUtc.ToUnixTimeMilliseconds()).WithText(leaseToken),
            cancellationToken);

    public async Task<OutboxCounts> CountAsync(CancellationToken cancellationToken)
    {
        var counts = (await database.QueryAsync(PostgresOutboxSql.Count, _ => { }, r => (State: r.GetString(0), Count: r.GetInt64(1)), cancellationToken))
            .ToDictionary(c => c.State, c => c.Count, StringComparer.Ordinal);
        return new OutboxCounts(
            counts.GetValueOrDefault(OutboxStates.Pending), counts.GetValueOrDefault(OutboxStates.Delivered), counts.GetValueOrDefault(OutboxStates.Dead));
    }

    public async Task<IReadOnlyList<OutboxRow>> ListAsync(string reference, CancellationToken cancellationToken) =>
        await database.QueryAsync(
            PostgresOutboxSql.List,
            c => c.WithText(reference),
            r => new OutboxRow(
                r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3),
                DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(4)), r.IsDBNull(5) ? null : r.GetString(5)),
            cancellationToken);

    private async Task<bool> MarkAsync(string sql, OutboxEntry entry, Action<NpgsqlCommand> bind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return await database.ExecuteAsync(sql, c => bind(c.WithText(entry.Reference).WithText(entry.Destination).WithText(entry.LeaseToken)), cancellationToken) == 1;
    }
}
