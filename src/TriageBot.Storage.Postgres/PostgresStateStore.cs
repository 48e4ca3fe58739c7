using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TriageBot.Runtime.State;

namespace TriageBot.Storage.Postgres;

/// <summary>
/// <see cref="IStateStore"/> on PostgreSQL, for any number of instances on one database. Each conditional write is
/// one statement: under READ COMMITTED a concurrent UPDATE waits for the other's row lock and then re-checks its
/// <c>WHERE etag = …</c> against the row the other committed, and <c>INSERT … ON CONFLICT DO NOTHING</c> lets one
/// creator win, so exactly one writer wins each race whichever instance it runs in.
/// </summary>
public sealed class PostgresStateStore(PostgresDatabase database, TimeProvider? timeProvider = null, ILogger<PostgresStateStore>? logger = null) : IStateStore
{
    private const string Read = "SELECT json, etag FROM state WHERE key = $1;";

    /// <summary>Create only (expected eTag null): an existing key changes 0 rows.</summary>
    private const string Create = """
        INSERT INTO state (key, json, etag, written_unix_ms) VALUES ($1, $2, $3, $4)
        ON CONFLICT (key) DO NOTHING;
        """;

    /// <summary>Create or replace (expected eTag "*"): always changes 1 row.</summary>
    private const string Upsert = """
        INSERT INTO state (key, json, etag, written_unix_ms) VALUES ($1, $2, $3, $4)
        ON CONFLICT (key) DO UPDATE SET json = excluded.json, etag = excluded.etag, written_unix_ms = excluded.written_unix_ms;
        """;

    /// <summary>Replace if the stored eTag matches: a missing key or another eTag changes 0 rows.</summary>
    private const string ReplaceIfMatch = """
        UPDATE state SET json = $2, etag = $3, written_unix_ms = $4 WHERE key = $1 AND etag = $5;
        """;

    private readonly TimeProvider _timeProvider = timeProvider ?? TimeProvider.System;
    private readonly ILogger _logger = logger ?? NullLogger<PostgresStateStore>.Instance;

    public async Task<StoredState?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        await using var command = await database.CommandAsync(Read, cancellationToken);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StoredState(key, reader.GetString(0), reader.GetString(1))
            : null;
    }

    public async Task<StateWrite> WriteAsync(string key, string json, string? expectedETag, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(json);
        ETags.ThrowIfEmpty(expectedETag);

        var eTag = ETags.New();
        await using var command = await database.CommandAsync(
            expectedETag switch { null => Create, ETags.Any => Upsert, _ => ReplaceIfMatch },
            cancellationToken);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = json });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = eTag });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds() });
        if (expectedETag is not (null or ETags.Any))
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = expectedETag });
        }

        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            PostgresStorageLog.WriteConflict(_logger, key, expectedETag is null ? "create" : "match");
            return StateWrite.Conflict.Instance;
        }

        return new StateWrite.Written(eTag);
    }

    public async Task<bool> DeleteAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        await using var command = await database.CommandAsync("DELETE FROM state WHERE key = $1;", cancellationToken);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>State rows only: referrals are the clinic's record, in their own table.</summary>
    public async Task<int> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var command = await database.CommandAsync("DELETE FROM state WHERE written_unix_ms < $1;", cancellationToken);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = cutoff.ToUnixTimeMilliseconds() });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
