using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TriageBot.Runtime.ConversationLogs;

namespace TriageBot.Storage.Postgres;

/// <summary>
/// <see cref="IConversationLogStore"/> on PostgreSQL: the Direct Line logs of the whole fleet. An append bumps the
/// conversation row's counters (which locks it until commit), inserts the activities and sends
/// <c>NOTIFY triagebot_directline</c> with the conversation id only (never content), all in one transaction, so a
/// wake is only ever delivered for what is committed. Each instance listens on one connection of its own.
/// </summary>
public sealed class PostgresConversationLogStore(PostgresDatabase database, ILogger<PostgresConversationLogStore>? logger = null) : IConversationLogStore
{
    /// <summary>The notification channel; its payload is a conversation id.</summary>
    public const string Channel = "triagebot_directline";

    /// <summary>The first half of a conversation's advisory lock key ("DLcv"), clear of the migration lock's.</summary>
    private const int LockClass = 0x444C6376;

    /// <summary>Users announced per conversation at most (a bound, not a feature).</summary>
    private const int MaxAnnouncedUsers = 64;

    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(30);

    private readonly ILogger _logger = logger ?? NullLogger<PostgresConversationLogStore>.Instance;

    public async Task<ConversationLogStart> StartAsync(string conversationId, string? userId, string? locale, CancellationToken cancellationToken)
    {
        // One statement: the insert, or the row someone else inserted (possibly a moment ago).
        var rows = await database.QueryAsync("""
            WITH created AS (
                INSERT INTO directline_conversations (id, user_id, locale) VALUES ($1, $2, $3)
                ON CONFLICT (id) DO NOTHING RETURNING user_id, locale
            )
            SELECT true, user_id, locale, false FROM created
            UNION ALL
            SELECT false, user_id, locale, ended_at IS NOT NULL FROM directline_conversations WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM created);
            """,
            c => c.WithText(conversationId).WithText(userId).WithText(locale),
            r => (Created: r.GetBoolean(0), UserId: r.IsDBNull(1) ? null : r.GetString(1), Locale: r.IsDBNull(2) ? null : r.GetString(2), Ended: r.GetBoolean(3)),
            cancellationToken);
        if (rows.Count == 0)
        {
            // Inserted by a concurrent start after our insert gave way but before our read saw it: ask again.
            return await StartAsync(conversationId, userId, locale, cancellationToken);
        }

        var row = rows[0];
        var outcome = row.Created ? ConversationLogStartOutcome.Created : row.Ended ? ConversationLogStartOutcome.Ended : ConversationLogStartOutcome.Existing;
        return new ConversationLogStart(outcome, row.UserId, row.Locale);
    }

    public async Task<ConversationLogRead> ReadAfterAsync(string conversationId, long watermark, CancellationToken cancellationToken)
    {
        var rows = await database.QueryAsync("""
            SELECT c.user_id, c.locale, a.seq, a.ts, a.json, a.awaits_turn
            FROM directline_conversations c
            LEFT JOIN directline_activities a ON a.conversation_id = c.id AND a.seq > $2
            WHERE c.id = $1 AND c.ended_at IS NULL
            ORDER BY a.seq;
            """,
            c => c.WithText(conversationId).WithLong(watermark),
            r => (UserId: r.IsDBNull(0) ? null : r.GetString(0), Locale: r.IsDBNull(1) ? null : r.GetString(1), Entry: r.IsDBNull(2) ? null : ReadEntry(r, 2)),
            cancellationToken);
        if (rows.Count == 0)
        {
            return new ConversationLogRead(false, null, null, []);
        }

        return new ConversationLogRead(true, rows[0].UserId, rows[0].Locale, [.. rows.Where(r => r.Entry is not null).Select(r => r.Entry!)]);
    }

    public async Task<ConversationLogEntry?> FindByClientIdAsync(string conversationId, string clientActivityId, CancellationToken cancellationToken)
    {
        var rows = await database.QueryAsync(
            "SELECT seq, ts, json, awaits_turn FROM directline_activities WHERE conversation_id = $1 AND client_activity_id = $2;",
            c => c.WithText(conversationId).WithText(clientActivityId),
            r => ReadEntry(r, 0),
            cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<IReadOnlyList<ConversationLogEntry>?> AppendAsync(
        string conversationId, IReadOnlyList<ConversationLogItem> items, long? handled, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // The row lock taken here orders every append to this conversation, on any instance, until commit. Each
        // activity gets a timestamp at least 1 ms after the one before (Web Chat sorts by it, to the millisecond).
        var count = items.Count;
        await using var bump = new NpgsqlCommand("""
            UPDATE directline_conversations
            SET last_seq = last_seq + $2,
                last_ts = greatest(clock_timestamp(), last_ts + interval '1 millisecond') + ($2 - 1) * interval '1 millisecond',
                last_activity = clock_timestamp()
            WHERE id = $1 AND ended_at IS NULL
            RETURNING last_seq, last_ts;
            """, connection, transaction);
        bump.WithText(conversationId).WithInt(count);
        long lastSequence;
        DateTimeOffset lastTimestamp;
        await using (var reader = await bump.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            lastSequence = reader.GetInt64(0);
            lastTimestamp = reader.GetFieldValue<DateTimeOffset>(1);
        }

        var entries = new List<ConversationLogEntry>(count);
        await using var batch = new NpgsqlBatch(connection, transaction);
        for (var i = 0; i < count; i++)
        {
            var sequence = lastSequence - count + 1 + i;
            var timestamp = lastTimestamp.AddMilliseconds(i - count + 1);
            var item = items[i];
            var entry = new ConversationLogEntry(sequence, timestamp, item.Render(sequence, timestamp), item.AwaitsTurn);
            entries.Add(entry);
            var insert = new NpgsqlBatchCommand(
                "INSERT INTO directline_activities (conversation_id, seq, ts, client_activity_id, awaits_turn, json) VALUES ($1, $2, $3, $4, $5, $6);");
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = conversationId });
            insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = sequence });
            insert.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = timestamp });
            insert.Parameters.Add(item.ClientActivityId is { } clientId
                ? new NpgsqlParameter<string> { TypedValue = clientId }
                : new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            insert.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = item.AwaitsTurn });
            insert.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = entry.Json });
            batch.BatchCommands.Add(insert);
        }

        if (handled is { } handledSequence)
        {
            var done = new NpgsqlBatchCommand("UPDATE directline_activities SET awaits_turn = false WHERE conversation_id = $1 AND seq = $2;");
            done.Parameters.Add(new NpgsqlParameter<string> { TypedValue = conversationId });
            done.Parameters.Add(new NpgsqlParameter<long> { TypedValue = handledSequence });
            batch.BatchCommands.Add(done);
        }

        batch.BatchCommands.Add(Notify(conversationId));
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return entries;
    }

    public async Task<bool> TryAnnounceAsync(string conversationId, string userId, CancellationToken cancellationToken) =>
        await database.ExecuteAsync($"""
            UPDATE directline_conversations SET announced = array_append(announced, $2)
            WHERE id = $1 AND ended_at IS NULL AND NOT ($2 = ANY (announced)) AND cardinality(announced) < {MaxAnnouncedUsers};
            """,
            c => c.WithText(conversationId).WithText(userId),
            cancellationToken) == 1;

    public async Task<bool> DeleteAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        var end = new NpgsqlBatchCommand("UPDATE directline_conversations SET ended_at = now(), announced = '{}' WHERE id = $1 AND ended_at IS NULL;");
        end.Parameters.Add(new NpgsqlParameter<string> { TypedValue = conversationId });
        var forget = new NpgsqlBatchCommand("DELETE FROM directline_activities WHERE conversation_id = $1;");
        forget.Parameters.Add(new NpgsqlParameter<string> { TypedValue = conversationId });
        batch.BatchCommands.Add(end);
        batch.BatchCommands.Add(forget);
        batch.BatchCommands.Add(Notify(conversationId));

        // A batch is one implicit transaction: the log goes, the id is remembered and the fleet is woken together.
        await batch.ExecuteNonQueryAsync(cancellationToken);
        return end.RecordsAffected == 1;
    }

    public async Task<ConversationLogPurge> PurgeAsync(TimeSpan retention, TimeSpan rememberEndedFor, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection);
        var ended = new NpgsqlBatchCommand(
            "UPDATE directline_conversations SET ended_at = now(), announced = '{}' WHERE ended_at IS NULL AND last_activity < now() - $1;");
        ended.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = retention });
        var old = new NpgsqlBatchCommand(
            "DELETE FROM directline_activities a USING directline_conversations c WHERE c.id = a.conversation_id AND (a.ts < now() - $1 OR c.ended_at IS NOT NULL);");
        old.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = retention });
        var forgotten = new NpgsqlBatchCommand("DELETE FROM directline_conversations WHERE ended_at < now() - $1;");
        forgotten.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = rememberEndedFor });
        batch.BatchCommands.Add(ended);
        batch.BatchCommands.Add(old);
        batch.BatchCommands.Add(forgotten);
        await batch.ExecuteNonQueryAsync(cancellationToken);
        return new ConversationLogPurge(ended.RecordsAffected, old.RecordsAffected);
    }

    public async Task<IAsyncDisposable> LockAsync(string conversationId, CancellationToken cancellationToken)
    {
        // A session lock on a connection held for the turn: PostgreSQL releases it if this process dies (kill -9).
        var connection = await database.OpenAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand($"SELECT pg_advisory_lock({LockClass}, hashtext($1));", connection);
            command.WithText(conversationId);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new TurnLock(connection, conversationId);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task ListenAsync(Action<string> appended, Action connected, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(appended);
        ArgumentNullException.ThrowIfNull(connected);
        var retry = FirstRetry;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await using var connection = await database.OpenListenerAsync(stopping);
                connection.Notification += (_, e) => appended(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel};", connection))
                {
                    await listen.ExecuteNonQueryAsync(stopping);
                }

                PostgresStorageLog.Listening(_logger, Channel);
                retry = FirstRetry;
                connected();
                while (true)
                {
                    await connection.WaitAsync(stopping);
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database went away (restart, failover, network, a terminated backend), or anything else: the
                // listener must outlive it (a hosted service that throws stops the host), so listen again, backing off.
                PostgresStorageLog.ListenLost(_logger, Channel, e.GetType().Name, (long)retry.TotalMilliseconds);
            }

            try
            {
                await Task.Delay(retry, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LastRetry.Ticks));
        }
    }

    private static NpgsqlBatchCommand Notify(string conversationId)
    {
        var notify = new NpgsqlBatchCommand($"SELECT pg_notify('{Channel}', $1);");
        notify.Parameters.Add(new NpgsqlParameter<string> { TypedValue = conversationId });
        return notify;
    }

    private static ConversationLogEntry ReadEntry(NpgsqlDataReader reader, int first) => new(
        reader.GetInt64(first), reader.GetFieldValue<DateTimeOffset>(first + 1), reader.GetFieldValue<byte[]>(first + 2), reader.GetBoolean(first + 3));

    private sealed class TurnLock(NpgsqlConnection connection, string conversationId) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand($"SELECT pg_advisory_unlock({LockClass}, hashtext($1));", connection);
                command.WithText(conversationId);
                await command.ExecuteNonQueryAsync(CancellationToken.None);
            }
            finally
            {
                // Back to the pool (which resets the session, releasing the lock in any case).
                await connection.DisposeAsync();
            }
        }
    }
}
