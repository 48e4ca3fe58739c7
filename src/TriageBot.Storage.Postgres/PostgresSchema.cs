using Npgsql;
using TriageBot.Runtime.Referrals;

namespace TriageBot.Storage.Postgres;

/// <summary>
/// Creates and migrates the schema. Every instance runs this at startup, all at once in a rolling deploy: each takes
/// one transaction-scoped advisory lock first, so exactly one migrates and the others then find the work done
/// (PostgreSQL's DDL is transactional, so a migration either fully happens or not at all). The version is the one row
/// of <c>triagebot_schema</c>; migration <c>n</c> takes it from <c>n</c> to <c>n + 1</c>.
/// </summary>
internal static class PostgresSchema
{
    /// <summary>The advisory lock key: "TriageBt" as a 64-bit number, to stay clear of other apps' keys.</summary>
    public const long MigrationLockKey = 0x5472696167654274;

    // Append only: a shipped migration never changes, because databases in the field already ran it.
    private static readonly string[] Migrations =
    [
        // State as SQLite keeps it (version 4 of that file). Keys compare byte by byte (COLLATE "C"), as the
        // contract says (verbatim, case-sensitive). Referral times are UTC ticks: exact, so a referral reads back
        // equal to what was stored. Job leases are held on the database's clock, not the instances'.
        """
        CREATE TABLE state (
            key text COLLATE "C" PRIMARY KEY,
            json text NOT NULL,
            etag text NOT NULL,
            written_unix_ms bigint NOT NULL
        );
        CREATE INDEX state_written ON state (written_unix_ms);
        CREATE TABLE referrals (
            reference text COLLATE "C" PRIMARY KEY,
            subject_hash text NOT NULL,
            created_utc_ticks bigint NOT NULL,
            content_version text NOT NULL,
            disposition text NOT NULL,
            summary_json text NOT NULL,
            protected_contact text NOT NULL,
            status text NOT NULL DEFAULT 'waiting'
        );
        CREATE INDEX referrals_subject ON referrals (subject_hash);
        CREATE INDEX referrals_open ON referrals (status, created_utc_ticks);
        CREATE TABLE job_leases (
            job text PRIMARY KEY,
            holder text NOT NULL,
            expires_utc timestamptz NOT NULL
        );
        """,
        // The referral outbox and the clinic's Teams inbox, as SQLite keeps them (its versions 5 and 6). An outbox row
        // belongs to its referral (deleted with it). next_attempt is on the dispatcher's clock (it chooses the backoff);
        // a lease runs on the database's clock, so instances whose clocks disagree never hold one row at once. Clinic
        // times are UTC ticks; audit and notes keep their insertion order by identity.
        $"""
        CREATE TABLE referral_outbox (
            reference text COLLATE "C" NOT NULL REFERENCES referrals (reference) ON DELETE CASCADE,
            destination text COLLATE "C" NOT NULL,
            state text NOT NULL DEFAULT '{OutboxStates.Pending}',
            attempts integer NOT NULL DEFAULT 0,
            next_attempt_unix_ms bigint NOT NULL DEFAULT 0,
            lease_token text,
            lease_until timestamptz,
            last_error text,
            created_utc_ticks bigint NOT NULL,
            PRIMARY KEY (reference, destination)
        );
        CREATE INDEX referral_outbox_due ON referral_outbox (created_utc_ticks) WHERE state = '{OutboxStates.Pending}';
        CREATE TABLE clinic_posts (
            idempotency_key text COLLATE "C" PRIMARY KEY,
            reference text COLLATE "C" NOT NULL,
            service_url text NOT NULL,
            conversation_id text NOT NULL,
            activity_id text NOT NULL,
            posted_utc_ticks bigint NOT NULL
        );
        CREATE INDEX clinic_posts_reference ON clinic_posts (reference);
        CREATE TABLE clinic_audit (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            reference text COLLATE "C" NOT NULL,
            action text NOT NULL,
            actor_aad_object_id text NOT NULL,
            actor_name text,
            at_utc_ticks bigint NOT NULL
        );
        CREATE INDEX clinic_audit_reference ON clinic_audit (reference, id);
        CREATE TABLE clinic_notes (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            reference text COLLATE "C" NOT NULL,
            author_aad_object_id text NOT NULL,
            author_name text,
            at_utc_ticks bigint NOT NULL,
            protected_text text NOT NULL
        );
        CREATE INDEX clinic_notes_reference ON clinic_notes (reference, id);
        CREATE TABLE clinic_channel (
            id integer PRIMARY KEY CHECK (id = 1),
            service_url text NOT NULL,
            tenant_id text NOT NULL,
            team_id text NOT NULL,
            channel_id text NOT NULL
        );
        """,
        // Direct Line conversation logs, shared by the fleet. last_seq and last_ts are the conversation's counters:
        // an append bumps them in the row (locking it), so numbers are assigned once and in one order for every
        // instance. An ended conversation keeps its row (ended_at) until no token for it can be valid, so a token
        // cannot start it again. A client's own activity id is unique within its conversation (retries stored once).
        """
        CREATE TABLE directline_conversations (
            id text COLLATE "C" PRIMARY KEY,
            user_id text,
            locale text,
            last_seq bigint NOT NULL DEFAULT 0,
            last_ts timestamptz NOT NULL DEFAULT clock_timestamp(),
            last_activity timestamptz NOT NULL DEFAULT clock_timestamp(),
            announced text[] NOT NULL DEFAULT '{}',
            ended_at timestamptz
        );
        CREATE INDEX directline_conversations_idle ON directline_conversations (last_activity) WHERE ended_at IS NULL;
        CREATE INDEX directline_conversations_ended ON directline_conversations (ended_at) WHERE ended_at IS NOT NULL;
        CREATE TABLE directline_activities (
            conversation_id text COLLATE "C" NOT NULL REFERENCES directline_conversations (id) ON DELETE CASCADE,
            seq bigint NOT NULL,
            ts timestamptz NOT NULL,
            client_activity_id text COLLATE "C",
            awaits_turn boolean NOT NULL DEFAULT false,
            json bytea NOT NULL,
            PRIMARY KEY (conversation_id, seq)
        );
        CREATE UNIQUE INDEX directline_activities_client ON directline_activities (conversation_id, client_activity_id)
            WHERE client_activity_id IS NOT NULL;
        CREATE INDEX directline_activities_ts ON directline_activities (ts);
        """,
    ];

    public static int CurrentVersion => Migrations.Length;

    /// <summary>Applies pending migrations under the advisory lock; returns the version found.</summary>
    public static async Task<int> EnsureAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({MigrationLockKey});", cancellationToken);

        // Created under the lock: two concurrent CREATE TABLE IF NOT EXISTS can still collide in the catalog.
        await ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS triagebot_schema (version integer NOT NULL);", cancellationToken);
        await using var read = new NpgsqlCommand("SELECT version FROM triagebot_schema;", connection);
        var found = await read.ExecuteScalarAsync(cancellationToken) is int version ? version : -1;
        if (found > CurrentVersion)
        {
            throw new InvalidOperationException(
                $"The database has TriageBot schema version {found}, newer than this build's {CurrentVersion}. Upgrade the app or use another database.");
        }

        if (found < 0)
        {
            await ExecuteAsync(connection, "INSERT INTO triagebot_schema (version) VALUES (0);", cancellationToken);
        }

        for (var step = Math.Max(found, 0); step < CurrentVersion; step++)
        {
            await ExecuteAsync(connection, Migrations[step], cancellationToken);
            await ExecuteAsync(connection, $"UPDATE triagebot_schema SET version = {step + 1};", cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return Math.Max(found, 0);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
