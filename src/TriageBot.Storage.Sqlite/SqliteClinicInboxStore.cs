using System.Globalization;
using Microsoft.Data.Sqlite;
using TriageBot.Runtime.ClinicInbox;

namespace TriageBot.Storage.Sqlite;

/// <summary>The clinic inbox's posts, audit trail, notes and captured channel, in the state's SQLite file.</summary>
public sealed class SqliteClinicInboxStore(SqliteStateStore database) : IClinicInboxStore
{
    private const string PostColumns = "idempotency_key, reference, service_url, conversation_id, activity_id, posted_utc";

    public Task<ClinicPost?> FindPostAsync(string idempotencyKey, CancellationToken cancellationToken) =>
        FindPostWhereAsync("idempotency_key", idempotencyKey, cancellationToken);

    public Task<ClinicPost?> FindPostByReferenceAsync(string reference, CancellationToken cancellationToken) =>
        FindPostWhereAsync("reference", reference, cancellationToken);

    public Task RecordPostAsync(ClinicPost post, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        return ExecuteAsync(
            $"INSERT INTO clinic_posts ({PostColumns}) VALUES ($key, $reference, $url, $conversation, $activity, $at) ON CONFLICT (idempotency_key) DO NOTHING;",
            cancellationToken,
            ("$key", post.IdempotencyKey), ("$reference", post.Reference), ("$url", post.ServiceUrl),
            ("$conversation", post.ConversationId), ("$activity", post.ActivityId), ("$at", Time(post.PostedUtc)));
    }

    public Task AppendAuditAsync(ClinicAuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return ExecuteAsync(
            "INSERT INTO clinic_audit (reference, action, actor_aad_object_id, actor_name, at_utc) VALUES ($reference, $action, $actor, $name, $at);",
            cancellationToken,
            ("$reference", entry.Reference), ("$action", entry.Action), ("$actor", entry.ActorAadObjectId), ("$name", entry.ActorName),
            ("$at", Time(entry.AtUtc)));
    }

    public Task<IReadOnlyList<ClinicAuditEntry>> ListAuditAsync(string reference, CancellationToken cancellationToken) =>
        ListAsync(
            "SELECT reference, action, actor_aad_object_id, actor_name, at_utc FROM clinic_audit WHERE reference = $reference ORDER BY id;",
            reference,
            r => new ClinicAuditEntry(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), ParseTime(r.GetString(4))),
            cancellationToken);

    public Task AddNoteAsync(ClinicNote note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(note);
        return ExecuteAsync(
            "INSERT INTO clinic_notes (reference, author_aad_object_id, author_name, at_utc, protected_text) VALUES ($reference, $author, $name, $at, $text);",
            cancellationToken,
            ("$reference", note.Reference), ("$author", note.AuthorAadObjectId), ("$name", note.AuthorName), ("$at", Time(note.AtUtc)),
            ("$text", note.ProtectedText));
    }

    public Task<IReadOnlyList<ClinicNote>> ListNotesAsync(string reference, CancellationToken cancellationToken) =>
        ListAsync(
            "SELECT reference, author_aad_object_id, author_name, at_utc, protected_text FROM clinic_notes WHERE reference = $reference ORDER BY id;",
            reference,
            r => new ClinicNote(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), ParseTime(r.GetString(3)), r.GetString(4)),
            cancellationToken);

    public async Task<ClinicChannelAddress?> FindChannelAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT service_url, tenant_id, team_id, channel_id FROM clinic_channel WHERE id = 1;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new ClinicChannelAddress(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3))
            : null;
    }

    public Task SaveChannelAsync(ClinicChannelAddress address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        return ExecuteAsync(
            """
            INSERT INTO clinic_channel (id, service_url, tenant_id, team_id, channel_id) VALUES (1, $url, $tenant, $team, $channel)
            ON CONFLICT (id) DO UPDATE SET service_url = $url, tenant_id = $tenant, team_id = $team, channel_id = $channel;
            """,
            cancellationToken,
            ("$url", address.ServiceUrl), ("$tenant", address.TenantId), ("$team", address.TeamId), ("$channel", address.ChannelId));
    }

    private async Task<ClinicPost?> FindPostWhereAsync(string column, string value, CancellationToken cancellationToken)
    {
        var posts = await ListAsync(
            $"SELECT {PostColumns} FROM clinic_posts WHERE {column} = $reference LIMIT 1;",
            value,
            r => new ClinicPost(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), ParseTime(r.GetString(5))),
            cancellationToken);
        return posts.Count > 0 ? posts[0] : null;
    }

    private async Task<IReadOnlyList<T>> ListAsync<T>(string sql, string reference, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$reference", reference);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, string? Value)[] parameters) =>
        database.ExecuteWriteAsync(sql, bound =>
        {
            foreach (var (name, value) in parameters)
            {
                bound.AddWithValue(name, (object?)value ?? DBNull.Value);
            }
        }, cancellationToken);

    private static string Time(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
