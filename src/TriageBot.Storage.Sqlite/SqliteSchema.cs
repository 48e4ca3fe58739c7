using System.Globalization;
using Microsoft.Data.Sqlite;

namespace TriageBot.Storage.Sqlite;

/// <summary>
/// Creates and migrates the schema. The version lives in <c>PRAGMA user_version</c>; migration <c>n</c> takes the
/// file from version <c>n</c> to <c>n + 1</c> and sets that version itself, inside one immediate transaction, so two
/// processes opening a new file at once cannot both migrate it.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>
    /// Set on every connection: SQLite waits 5 s for another connection's lock before reporting busy, and a deleted
    /// row's bytes are overwritten with zeros (<c>secure_delete</c>), so "delete my data" and the retention purge do
    /// not leave a person's answers readable in free pages of the file.
    /// </summary>
    public const string ConnectionPragmas = "PRAGMA busy_timeout = 5000; PRAGMA secure_delete = ON;";

    /// <summary>
    /// The writer's connection: as every connection, and <c>synchronous = FULL</c> said explicitly (it is SQLite's
    /// default, and what makes a commit durable in WAL mode: the WAL is fsynced at every commit, where NORMAL would
    /// sync it only at checkpoints and a power cut could take back commits already acknowledged).
    /// </summary>
    public const string WriterPragmas = ConnectionPragmas + " PRAGMA synchronous = FULL;";

    /// <summary>
    /// After a deletion: copies the WAL into the file and truncates it to nothing, because until then the WAL still
    /// holds the page images from before the delete. Best effort: a busy reader makes it a partial checkpoint, and the
    /// next deletion or SQLite's automatic checkpoint finishes the job.
    /// </summary>
    public const string TruncateWalPragma = "PRAGMA wal_checkpoint(TRUNCATE);";

    // Append only: a shipped migration never changes, because files in the field already ran it.
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE IF NOT EXISTS state (
            key TEXT PRIMARY KEY,
            json TEXT NOT NULL,
            etag TEXT NOT NULL,
            updated_utc TEXT NOT NULL
        );
        PRAGMA user_version = 1;
        """,
        """
        CREATE TABLE IF NOT EXISTS referrals (
            reference TEXT PRIMARY KEY,
            subject_hash TEXT NOT NULL,
            created_utc TEXT NOT NULL,
            content_version TEXT NOT NULL,
            disposition TEXT NOT NULL,
            summary_json TEXT NOT NULL,
            protected_contact TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS referrals_subject ON referrals (subject_hash);
        PRAGMA user_version = 2;
        """,
        // The retention purge deletes state by when it was last written: an integer (Unix milliseconds, UTC) that
        // compares and indexes exactly, instead of the ISO text column it replaces (whose order depends on format).
        """
        ALTER TABLE state ADD COLUMN written_unix_ms INTEGER NOT NULL DEFAULT 0;
        UPDATE state SET written_unix_ms = CAST(ROUND((julianday(updated_utc) - 2440587.5) * 86400000.0) AS INTEGER);
        ALTER TABLE state DROP COLUMN updated_utc;
        CREATE INDEX IF NOT EXISTS state_written ON state (written_unix_ms);
        PRAGMA user_version = 3;
        """,
        // Where a referral stands (waiting, seen, contacted), so the patient can ask and staff can list open ones.
        """
        ALTER TABLE referrals ADD COLUMN status TEXT NOT NULL DEFAULT 'waiting';
        CREATE INDEX IF NOT EXISTS referrals_open ON referrals (status, created_utc);
        PRAGMA user_version = 4;
        """,
        // The referral outbox: one row per referral and destination, written in the referral's transaction. Times are
        // UTC Unix milliseconds; a lease (token and expiry) keeps two dispatchers off the same row (README, Outbox).
        """
        CREATE TABLE IF NOT EXISTS referral_outbox (
            reference TEXT NOT NULL,
            destination TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT 'pending',
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_unix_ms INTEGER NOT NULL DEFAULT 0,
            lease_token TEXT,
            lease_until_unix_ms INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            created_unix_ms INTEGER NOT NULL,
            PRIMARY KEY (reference, destination)
        );
        CREATE INDEX IF NOT EXISTS referral_outbox_due ON referral_outbox (state, next_attempt_unix_ms);
        PRAGMA user_version = 5;
        """,
        // The clinic's Teams inbox: the card posted per delivery key (so a repeated delivery posts nothing), the staff
        // audit trail (who, what, when; never contact details or note text), staff notes (encrypted), and the channel
        // captured at install.
        """
        CREATE TABLE IF NOT EXISTS clinic_posts (
            idempotency_key TEXT PRIMARY KEY,
            reference TEXT NOT NULL,
            service_url TEXT NOT NULL,
            conversation_id TEXT NOT NULL,
            activity_id TEXT NOT NULL,
            posted_utc TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS clinic_posts_reference ON clinic_posts (reference);
        CREATE TABLE IF NOT EXISTS clinic_audit (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            reference TEXT NOT NULL,
            action TEXT NOT NULL,
            actor_aad_object_id TEXT NOT NULL,
            actor_name TEXT,
            at_utc TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS clinic_audit_reference ON clinic_audit (reference, id);
        CREATE TABLE IF NOT EXISTS clinic_notes (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            reference TEXT NOT NULL,
            author_aad_object_id TEXT NOT NULL,
            author_name TEXT,
            at_utc TEXT NOT NULL,
            protected_text TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS clinic_notes_reference ON clinic_notes (reference, id);
        CREATE TABLE IF NOT EXISTS clinic_channel (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            service_url TEXT NOT NULL,
            tenant_id TEXT NOT NULL,
            team_id TEXT NOT NULL,
            channel_id TEXT NOT NULL
        );
        PRAGMA user_version = 6;
        """,
    ];

    public static long CurrentVersion => Migrations.Length;

    /// <summary>Switches the file to WAL and applies pending migrations. Returns (journal mode, version found).</summary>
    public static async Task<(string JournalMode, long FromVersion)> EnsureAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        // WAL lets readers run beside the single writer. The mode is stored in the file, and cannot change inside a
        // transaction, so it is set first, outside the migration transaction.
        var journalMode = Convert.ToString(await ScalarAsync(connection, null, "PRAGMA journal_mode = WAL;", cancellationToken),
            CultureInfo.InvariantCulture) ?? "unknown";

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var version = Convert.ToInt64(await ScalarAsync(connection, transaction, "PRAGMA user_version;", cancellationToken),
            CultureInfo.InvariantCulture);
        if (version > CurrentVersion)
        {
            throw new InvalidOperationException(
                $"The state database has schema version {version}, newer than this build's {CurrentVersion}. Upgrade the app or use another file.");
        }

        for (var step = version; step < CurrentVersion; step++)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Migrations[step];
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return (journalMode, version);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
