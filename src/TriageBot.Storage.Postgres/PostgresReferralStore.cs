using Npgsql;
using TriageBot.Runtime.Referrals;

namespace TriageBot.Storage.Postgres;

/// <summary>
/// Referrals in their own table of the same database as the state. Contact details arrive already encrypted; this
/// store never sees them in clear. Same rules as SQLite: adding a stored reference again for the same person is a
/// no-op (a turn re-run after a state conflict, on this instance or another), for another person an error.
/// </summary>
public sealed class PostgresReferralStore(PostgresDatabase database) : IReferralStore
{
    private const string Columns = "reference, subject_hash, created_utc_ticks, content_version, disposition, summary_json, protected_contact, status";

    public async Task AddAsync(ReferralRecord referral, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(referral);
        await using var command = await database.CommandAsync("""
            INSERT INTO referrals (reference, subject_hash, created_utc_ticks, content_version, disposition, summary_json, protected_contact)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (reference) DO NOTHING;
            """, cancellationToken);
        AddText(command, referral.Reference);
        AddText(command, referral.SubjectHash);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = referral.CreatedUtc.UtcTicks });
        AddText(command, referral.ContentVersion);
        AddText(command, referral.Disposition);
        AddText(command, referral.SummaryJson);
        AddText(command, referral.ProtectedContact);
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            ReferralReferences.EnsureSameSubject(referral, await FindAsync(referral.Reference, cancellationToken));
        }
    }

    public async Task<ReferralRecord?> FindAsync(string reference, CancellationToken cancellationToken)
    {
        await using var command = await database.CommandAsync($"SELECT {Columns} FROM referrals WHERE reference = $1;", cancellationToken);
        AddText(command, reference);
        return (await ReadAllAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<bool> SetStatusAsync(string reference, string status, CancellationToken cancellationToken)
    {
        ReferralStatusArguments.Check(status);
        await using var command = await database.CommandAsync("UPDATE referrals SET status = $1 WHERE reference = $2;", cancellationToken);
        AddText(command, status);
        AddText(command, reference);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<IReadOnlyList<ReferralRecord>> ListOpenAsync(int skip, int take, CancellationToken cancellationToken)
    {
        ReferralStatusArguments.CheckPage(skip, take);
        await using var command = await database.CommandAsync($"""
            SELECT {Columns} FROM referrals WHERE status <> '{ReferralStatuses.Contacted}'
            ORDER BY created_utc_ticks DESC, reference LIMIT $1 OFFSET $2;
            """, cancellationToken);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = take });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = skip });
        return await ReadAllAsync(command, cancellationToken);
    }

    public async Task<int> DeleteBySubjectAsync(string subjectHash, CancellationToken cancellationToken)
    {
        await using var command = await database.CommandAsync("DELETE FROM referrals WHERE subject_hash = $1;", cancellationToken);
        AddText(command, subjectHash);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddText(NpgsqlCommand command, string value) =>
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = value });

    private static async Task<List<ReferralRecord>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var records = new List<ReferralRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new ReferralRecord(
                reader.GetString(0),
                reader.GetString(1),
                new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetString(6))
            {
                Status = reader.GetString(7),
            });
        }

        return records;
    }
}
