using System.Globalization;
using Microsoft.Data.Sqlite;
using TriageBot.Runtime.Referrals;

namespace TriageBot.Storage.Sqlite;

/// <summary>
/// Referrals in their own table of the same SQLite file as the state. Contact details arrive already encrypted;
/// this store never sees them in clear. A new referral and one outbox row per destination of
/// <paramref name="routes"/> are written in one transaction (<see cref="SqliteReferralOutbox"/> reads the rows).
/// </summary>
public sealed class SqliteReferralStore(SqliteStateStore database, ReferralRoutes? routes = null) : IReferralStore
{
    private const string Columns = "reference, subject_hash, created_utc, content_version, disposition, summary_json, protected_contact, status";

    /// <summary>
    /// The referral and its outbox rows in one transaction of the writer (shared with the state writes queued with it,
    /// so it commits with them or, if anything fails, alone): never the one without the other.
    /// </summary>
    public Task AddAsync(ReferralRecord referral, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(referral);
        var destinations = (routes ?? ReferralRoutes.None).Destinations;
        return database.WriteAsync(session =>
        {
            // A turn re-run after a state conflict confirms the same referral again under the same reference: that is
            // the referral already stored, not an error. The same reference for someone else is a real collision.
            var command = session.Command("""
                INSERT INTO referrals (reference, subject_hash, created_utc, content_version, disposition, summary_json, protected_contact)
                VALUES ($reference, $subject, $created, $version, $disposition, $summary, $contact)
                ON CONFLICT (reference) DO NOTHING;
                """);
            command.Parameters.AddWithValue("$reference", referral.Reference);
            command.Parameters.AddWithValue("$subject", referral.SubjectHash);
            command.Parameters.AddWithValue("$created", referral.CreatedUtc.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$version", referral.ContentVersion);
            command.Parameters.AddWithValue("$disposition", referral.Disposition);
            command.Parameters.AddWithValue("$summary", referral.SummaryJson);
            command.Parameters.AddWithValue("$contact", referral.ProtectedContact);
            if (command.ExecuteNonQuery() == 0)
            {
                ReferralReferences.EnsureSameSubject(referral, Find(session, referral.Reference));
            }

            // Keyed by (reference, destination): a re-run adds nothing, and a referral stored before a destination was
            // configured gets its row only if confirmed again (it never is), so old referrals are not suddenly sent.
            foreach (var destination in destinations)
            {
                var enqueue = session.Command(OutboxSql.Enqueue);
                enqueue.Parameters.AddWithValue("$reference", referral.Reference);
                enqueue.Parameters.AddWithValue("$destination", destination);
                enqueue.Parameters.AddWithValue("$created", referral.CreatedUtc.ToUnixTimeMilliseconds());
                enqueue.ExecuteNonQuery();
            }

            return true;
        }, cancellationToken);
    }

    public Task<ReferralRecord?> FindAsync(string reference, CancellationToken cancellationToken) =>
        database.ReadAsync(session => Find(session, reference), cancellationToken);

    private static ReferralRecord? Find(SqliteSession session, string reference)
    {
        var command = session.Command($"SELECT {Columns} FROM referrals WHERE reference = $reference;");
        command.Parameters.AddWithValue("$reference", reference);
        using var reader = command.ExecuteReader();
        return reader.Read() ? Read(reader) : null;
    }

    public async Task<bool> SetStatusAsync(string reference, string status, CancellationToken cancellationToken)
    {
        ReferralStatusArguments.Check(status);
        return await database.ExecuteWriteAsync("UPDATE referrals SET status = $status WHERE reference = $reference;", parameters =>
        {
            parameters.AddWithValue("$status", status);
            parameters.AddWithValue("$reference", reference);
        }, cancellationToken) == 1;
    }

    public async Task<IReadOnlyList<ReferralRecord>> ListOpenAsync(int skip, int take, CancellationToken cancellationToken)
    {
        ReferralStatusArguments.CheckPage(skip, take);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // created_utc is written as round-trip ISO text in UTC, so text order is time order.
        command.CommandText = $"""
            SELECT {Columns} FROM referrals WHERE status <> '{ReferralStatuses.Contacted}'
            ORDER BY created_utc DESC, reference LIMIT $take OFFSET $skip;
            """;
        command.Parameters.AddWithValue("$take", take);
        command.Parameters.AddWithValue("$skip", skip);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var page = new List<ReferralRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            page.Add(Read(reader));
        }

        return page;
    }

    public async Task<int> DeleteBySubjectAsync(string subjectHash, CancellationToken cancellationToken)
    {
        var rows = await database.WriteAsync(session =>
        {
            var outbox = session.Command(OutboxSql.DeleteOfSubject);
            outbox.Parameters.AddWithValue("$subject", subjectHash);
            outbox.ExecuteNonQuery();
            // Staff notes about the person's referrals go with them (they may repeat what the person told the clinic);
            // the audit trail stays: who acted on which reference, when, and nothing about the person.
            var notes = session.Command("DELETE FROM clinic_notes WHERE reference IN (SELECT reference FROM referrals WHERE subject_hash = $subject);");
            notes.Parameters.AddWithValue("$subject", subjectHash);
            notes.ExecuteNonQuery();
            var referrals = session.Command("DELETE FROM referrals WHERE subject_hash = $subject;");
            referrals.Parameters.AddWithValue("$subject", subjectHash);
            return referrals.ExecuteNonQuery();
        }, cancellationToken);
        await database.TruncateWalAfterAsync(rows, cancellationToken);
        return rows;
    }

    private static ReferralRecord Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
        reader.GetString(3),
        reader.GetString(4),
        reader.GetString(5),
        reader.GetString(6))
    {
        Status = reader.GetString(7),
    };
}
