using Npgsql;
using TriageBot.Runtime.Referrals;

namespace TriageBot.Storage.Postgres;

/// <summary>
/// Referrals in their own table of the same database as the state. Contact details arrive already encrypted; this
/// store never sees them in clear. Same rules as SQLite: adding a stored reference again for the same person is a
/// no-op (a turn re-run after a state conflict, on this instance or another), for another person an error. A new
/// referral and one outbox row per destination of <paramref name="routes"/> are written in one transaction
/// (<see cref="PostgresReferralOutbox"/> reads the rows).
/// </summary>
public sealed class PostgresReferralStore(PostgresDatabase database, ReferralRoutes? routes = null) : IReferralStore
{
    private const string Columns = "reference, subject_hash, created_utc_ticks, content_version, disposition, summary_json, protected_contact, status";

    private const string Find = $"SELECT {Columns} FROM referrals WHERE reference = $1;";

    public async Task AddAsync(ReferralRecord referral, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(referral);
        var destinations = (routes ?? ReferralRoutes.None).Destinations;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO referrals (reference, subject_hash, created_utc_ticks, content_version, disposition, summary_json, protected_contact)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (reference) DO NOTHING;
            """, connection, transaction))
        {
            insert.WithText(referral.Reference).WithText(referral.SubjectHash).WithTicks(referral.CreatedUtc).WithText(referral.ContentVersion)
                .WithText(referral.Disposition).WithText(referral.SummaryJson).WithText(referral.ProtectedContact);
            if (await insert.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                await using var find = new NpgsqlCommand(Find, connection, transaction);
                ReferralReferences.EnsureSameSubject(referral, await FindAsync(find, referral.Reference, cancellationToken));
            }
        }

        // Keyed by (reference, destination): a re-run adds nothing, and a referral stored before a destination was
        // configured gets its row only if confirmed again (it never is), so old referrals are not suddenly sent.
        foreach (var destination in destinations)
        {
            await using var enqueue = new NpgsqlCommand(PostgresOutboxSql.Enqueue, connection, transaction);
            await enqueue.WithText(referral.Reference).WithText(destination).WithTicks(referral.CreatedUtc).ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<ReferralRecord?> FindAsync(string reference, CancellationToken cancellationToken)
    {
        await using var command = await database.CommandAsync(Find, cancellationToken);
        return await FindAsync(command, reference, cancellationToken);
    }

    public async Task<bool> SetStatusAsync(string reference, string status, CancellationToken cancellationToken)
    {
        ReferralStatusArguments.Check(status);
        await using var command = await database.CommandAsync("UPDATE referrals SET status = $1 WHERE reference = $2;", cancellationToken);
        return await command.WithText(status).WithText(reference).ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<IReadOnlyList<ReferralRecord>> ListOpenAsync(int skip, int take, CancellationToken cancellationToken)
    {
        ReferralStatusArguments.CheckPage(skip, take);
        await using var command = await database.CommandAsync($"""
            SELECT {Columns} FROM referrals WHERE status <> '{ReferralStatuses.Contacted}'
            ORDER BY created_utc_ticks DESC, reference LIMIT $1 OFFSET $2;
            """, cancellationToken);
        return await command.WithInt(take).WithInt(skip).ReadAllAsync(Read, cancellationToken);
    }

    /// <summary>
    /// The person's referrals, their outbox rows (by the foreign key's cascade) and the staff notes on them, in one
    /// transaction; the audit trail stays (who acted on which reference, when: nothing about the person).
    /// </summary>
    public async Task<int> DeleteBySubjectAsync(string subjectHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var notes = new NpgsqlCommand(
            "DELETE FROM clinic_notes WHERE reference IN (SELECT reference FROM referrals WHERE subject_hash = $1);", connection, transaction))
        {
            await notes.WithText(subjectHash).ExecuteNonQueryAsync(cancellationToken);
        }

        await using var referrals = new NpgsqlCommand("DELETE FROM referrals WHERE subject_hash = $1;", connection, transaction);
        var rows = await referrals.WithText(subjectHash).ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows;
    }

    private static async Task<ReferralRecord?> FindAsync(NpgsqlCommand command, string reference, CancellationToken cancellationToken) =>
        (await command.WithText(reference).ReadAllAsync(Read, cancellationToken)).SingleOrDefault();

    private static ReferralRecord Read(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        PostgresParameters.FromTicks(reader.GetInt64(2)),
        reader.GetString(3),
        reader.GetString(4),
        reader.GetString(5),
        reader.GetString(6))
    {
        Status = reader.GetString(7),
    };
}
