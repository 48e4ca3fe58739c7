using Npgsql;
using TriageBot.Runtime.Jobs;

namespace TriageBot.Storage.Postgres;

/// <summary>
/// <see cref="IJobLease"/> as one row per job: taken when free or expired, renewed by its holder, on the database's
/// clock (<c>now()</c>) so the instances' clocks never have to agree. One statement, so two instances asking at once
/// cannot both get it.
/// </summary>
public sealed class PostgresJobLease(PostgresDatabase database) : IJobLease
{
    /// <summary>This process, for as long as it lives: a restarted instance is a new holder.</summary>
    public string Holder { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    public async Task<bool> TryAcquireAsync(string job, TimeSpan term, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(job);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(term, TimeSpan.Zero);
        await using var command = await database.CommandAsync("""
            INSERT INTO job_leases (job, holder, expires_utc) VALUES ($1, $2, now() + $3)
            ON CONFLICT (job) DO UPDATE SET holder = excluded.holder, expires_utc = excluded.expires_utc
            WHERE job_leases.holder = excluded.holder OR job_leases.expires_utc < now();
            """, cancellationToken);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = job });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Holder });
        command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = term });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
