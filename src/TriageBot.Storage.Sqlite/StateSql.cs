namespace TriageBot.Storage.Sqlite;

/// <summary>
/// The statements behind <see cref="SqliteStateStore"/>. Each conditional write is one statement, so the condition
/// and the write are atomic inside SQLite, and two processes sharing the file cannot both win: the caller only
/// checks how many rows changed.
/// </summary>
internal static class StateSql
{
    public const string Read = "SELECT json, etag FROM state WHERE key = $key;";

    /// <summary>Create only (expected eTag null): an existing key changes 0 rows.</summary>
    public const string Create = """
        INSERT INTO state (key, json, etag, written_unix_ms) VALUES ($key, $json, $etag, $written)
        ON CONFLICT (key) DO NOTHING;
        """;

    /// <summary>Create or replace (expected eTag "*"): always changes 1 row.</summary>
    public const string Upsert = """
        INSERT INTO state (key, json, etag, written_unix_ms) VALUES ($key, $json, $etag, $written)
        ON CONFLICT (key) DO UPDATE SET json = excluded.json, etag = excluded.etag, written_unix_ms = excluded.written_unix_ms;
        """;

    /// <summary>Replace if the stored eTag matches: a missing key or another eTag changes 0 rows.</summary>
    public const string ReplaceIfMatch = """
        UPDATE state SET json = $json, etag = $etag, written_unix_ms = $written
        WHERE key = $key AND etag = $expected;
        """;

    public const string Delete = "DELETE FROM state WHERE key = $key;";

    /// <summary>The retention purge: state rows only (referrals are the clinic's record, kept in their own table).</summary>
    public const string DeleteWrittenBefore = "DELETE FROM state WHERE written_unix_ms < $cutoff;";
}
