using Microsoft.Data.Sqlite;
using TriageBot.Runtime.Referrals;

namespace TriageBot.Storage.Sqlite;

/// <summary>
/// The referral outbox in the <c>referral_outbox</c> table of the same file as the referrals; rows are added by
/// <see cref="SqliteReferralStore.AddAsync"/> in the referral's own transaction. Holds references, destination names,
/// counts and reason codes: nothing personal.
/// </summary>
public sealed class SqliteReferralOutbox(SqliteStateStore database) : IReferralOutbox
{
    public Task<IReadOnlyList<OutboxEntry>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        OutboxArguments.CheckClaim(lease, max);
        var token = Guid.NewGuid().ToString("N");
        return database.WriteAsync<IReadOnlyList<OutboxEntry>>(session =>
        {
            var command = session.Command(OutboxSql.Claim);
            command.Parameters.AddWithValue("$token", token);
            command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$until", (now + lease).ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$max", max);
            using var reader = command.ExecuteReader();
            var claimed = new List<OutboxEntry>();
            while (reader.Read())
            {
                claimed.Add(new OutboxEntry(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), token));
            }

            return claimed;
        }, cancellationToken);
    }

    public Task<bool> MarkDeliveredAsync(OutboxEntry entry, DateTimeOffset now, CancellationToken cancellationToken) =>
        MarkAsync(OutboxSql.Delivered, entry, _ => { }, cancellationToken);

    public Task<bool> MarkFailedAsync(OutboxEntry entry, string reason, DateTimeOffset nextAttemptUtc, CancellationToken cancellationToken)
    {
        var stored = OutboxArguments.Reason(reason);
        return MarkAsync(OutboxSql.Failed, entry, p =>
        {
            p.AddWithValue("$reason", stored);
            p.AddWithValue("$next", nextAttemptUtc.ToUnixTimeMilliseconds());
        }, cancellationToken);
    }

    public Task<bool> DeadLetterAsync(OutboxEntry entry, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stored = OutboxArguments.Reason(reason);
        return MarkAsync(OutboxSql.Dead, entry, p => p.AddWithValue("$reason", stored), cancellationToken);
    }

    public Task<int> HoldAsync(string destination, DateTimeOffset untilUtc, string leaseToken, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.ExecuteWriteAsync(OutboxSql.Hold, parameters =>
        {
            parameters.AddWithValue("$destination", destination);
            parameters.AddWithValue("$until", untilUtc.ToUnixTimeMilliseconds());
            parameters.AddWithValue("$token", leaseToken);
            parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        }, cancellationToken);

    public async Task<OutboxCounts> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = OutboxSql.Count;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return new OutboxCounts(
            counts.GetValueOrDefault(OutboxStates.Pending), counts.GetValueOrDefault(OutboxStates.Delivered), counts.GetValueOrDefault(OutboxStates.Dead));
    }

    public async Task<IReadOnlyList<OutboxRow>> ListAsync(string reference, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = OutboxSql.List;
        command.Parameters.AddWithValue("$reference", reference);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<OutboxRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new OutboxRow(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)), reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return rows;
    }

    private async Task<bool> MarkAsync(string sql, OutboxEntry entry, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return await database.ExecuteWriteAsync(sql, parameters =>
        {
            parameters.AddWithValue("$reference", entry.Reference);
            parameters.AddWithValue("$destination", entry.Destination);
            parameters.AddWithValue("$token", entry.LeaseToken);
            bind(parameters);
        }, cancellationToken) == 1;
    }
}
