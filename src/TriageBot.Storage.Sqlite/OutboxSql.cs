using TriageBot.Runtime.Referrals;

namespace TriageBot.Storage.Sqlite;

/// <summary>
/// The statements behind <see cref="SqliteReferralOutbox"/>. A claim is one UPDATE ... RETURNING, so choosing the
/// due rows and leasing them is atomic inside SQLite, across processes sharing the file; every mark is conditional on
/// the lease token, so a claimer whose lease ran out and was claimed again changes nothing.
/// </summary>
internal static class OutboxSql
{
    public const string Enqueue = """
        INSERT INTO referral_outbox (reference, destination, created_unix_ms) VALUES ($reference, $destination, $created)
        ON CONFLICT (reference, destination) DO NOTHING;
        """;

    public const string Claim = $"""
        UPDATE referral_outbox
        SET attempts = attempts + 1, lease_token = $token, lease_until_unix_ms = $until
        WHERE rowid IN (
            SELECT rowid FROM referral_outbox
            WHERE state = '{OutboxStates.Pending}' AND next_attempt_unix_ms <= $now AND lease_until_unix_ms <= $now
            ORDER BY created_unix_ms, reference, destination
            LIMIT $max)
        RETURNING reference, destination, attempts;
        """;

    private const string Held = $"""
        WHERE reference = $reference AND destination = $destination AND state = '{OutboxStates.Pending}' AND lease_token = $token;
        """;

    public const string Delivered = $"""
        UPDATE referral_outbox SET state = '{OutboxStates.Delivered}', lease_token = NULL, lease_until_unix_ms = 0
        {Held}
        """;

    public const string Failed = $"""
        UPDATE referral_outbox SET last_error = $reason, next_attempt_unix_ms = $next, lease_token = NULL, lease_until_unix_ms = 0
        {Held}
        """;

    public const string Dead = $"""
        UPDATE referral_outbox SET state = '{OutboxStates.Dead}', last_error = $reason, lease_token = NULL, lease_until_unix_ms = 0
        {Held}
        """;

    /// <summary>The destination's queue resumes together; a claim of this pass that was not tried is undone.</summary>
    public const string Hold = $"""
        UPDATE referral_outbox
        SET next_attempt_unix_ms = $until,
            attempts = CASE WHEN lease_token = $token THEN attempts - 1 ELSE attempts END,
            lease_token = NULL, lease_until_unix_ms = 0
        WHERE destination = $destination AND state = '{OutboxStates.Pending}' AND (lease_until_unix_ms <= $now OR lease_token = $token);
        """;

    public const string Count = "SELECT state, COUNT(*) FROM referral_outbox GROUP BY state;";

    public const string List = """
        SELECT reference, destination, state, attempts, next_attempt_unix_ms, last_error FROM referral_outbox
        WHERE reference = $reference ORDER BY destination;
        """;

    public const string DeleteOfSubject = """
        DELETE FROM referral_outbox WHERE reference IN (SELECT reference FROM referrals WHERE subject_hash = $subject);
        """;
}
