using TriageBot.Runtime.Referrals;

namespace TriageBot.Storage.Postgres;

/// <summary>
/// The statements behind <see cref="PostgresReferralOutbox"/>. A claim locks the due rows it picks with
/// <c>FOR UPDATE SKIP LOCKED</c> and leases them in the same statement: a row another instance is claiming right now
/// is skipped, not waited for, and one that another instance has just claimed fails the re-checked
/// <c>lease_until &lt;= now()</c>, so two instances never hold one row. The lease runs on the database's clock
/// (<c>now()</c>), so instances' clocks need not agree; when the next attempt is due is the dispatcher's choice, on its
/// clock (<c>$1</c>). Every mark is conditional on the lease token, so a claimer whose lease ran out and was claimed
/// again changes nothing.
/// </summary>
internal static class PostgresOutboxSql
{
    public const string Enqueue = """
        INSERT INTO referral_outbox (reference, destination, created_utc_ticks) VALUES ($1, $2, $3)
        ON CONFLICT (reference, destination) DO NOTHING;
        """;

    /// <summary>$1 now (Unix ms, the caller's clock), $2 lease token, $3 lease term, $4 how many.</summary>
    public const string Claim = $"""
        WITH due AS (
            SELECT reference, destination FROM referral_outbox
            WHERE state = '{OutboxStates.Pending}' AND next_attempt_unix_ms <= $1 AND (lease_until IS NULL OR lease_until <= now())
            ORDER BY created_utc_ticks, reference, destination
            LIMIT $4
            FOR UPDATE SKIP LOCKED)
        UPDATE referral_outbox AS o
        SET attempts = o.attempts + 1, lease_token = $2, lease_until = now() + $3
        FROM due WHERE o.reference = due.reference AND o.destination = due.destination
        RETURNING o.reference, o.destination, o.attempts, o.created_utc_ticks;
        """;

    /// <summary>$1 reference, $2 destination, $3 lease token.</summary>
    private const string Held = $"""
        WHERE reference = $1 AND destination = $2 AND state = '{OutboxStates.Pending}' AND lease_token = $3;
        """;

    public const string Delivered = $"""
        UPDATE referral_outbox SET state = '{OutboxStates.Delivered}', lease_token = NULL, lease_until = NULL
        {Held}
        """;

    /// <summary>Also $4 reason, $5 next attempt (Unix ms).</summary>
    public const string Failed = $"""
        UPDATE referral_outbox SET last_error = $4, next_attempt_unix_ms = $5, lease_token = NULL, lease_until = NULL
        {Held}
        """;

    /// <summary>Also $4 reason.</summary>
    public const string Dead = $"""
        UPDATE referral_outbox SET state = '{OutboxStates.Dead}', last_error = $4, lease_token = NULL, lease_until = NULL
        {Held}
        """;

    /// <summary>
    /// $1 destination, $2 until (Unix ms), $3 lease token. The destination's queue resumes together; a claim of this
    /// pass that was not tried is undone. Another instance's live lease (on the database's clock) is left alone.
    /// </summary>
    public const string Hold = $"""
        UPDATE referral_outbox
        SET next_attempt_unix_ms = $2,
            attempts = CASE WHEN lease_token = $3 THEN attempts - 1 ELSE attempts END,
            lease_token = NULL, lease_until = NULL
        WHERE destination = $1 AND state = '{OutboxStates.Pending}'
          AND (lease_until IS NULL OR lease_until <= now() OR lease_token = $3);
        """;

    public const string Count = "SELECT state, count(*) FROM referral_outbox GROUP BY state;";

    public const string List = """
        SELECT reference, destination, state, attempts, next_attempt_unix_ms, last_error FROM referral_outbox
        WHERE reference = $1 ORDER BY destination;
        """;
}
