using TriageBot.Runtime.ClinicInbox;

namespace TriageBot.Storage.Postgres;

/// <summary>
/// The clinic inbox's posts, audit trail, notes and captured channel in the shared database, so whichever instance
/// delivers a referral or takes a staff click sees the same card, trail and channel. Same contract as SQLite's; times
/// are UTC ticks, so they read back equal to what was stored.
/// </summary>
public sealed class PostgresClinicInboxStore(PostgresDatabase database) : IClinicInboxStore
{
    private const string PostColumns = "idempotency_key, reference, service_url, conversation_id, activity_id, posted_utc_ticks";

    public Task<ClinicPost?> FindPostAsync(string idempotencyKey, CancellationToken cancellationToken) =>
        FindPostWhereAsync("idempotency_key", idempotencyKey, cancellationToken);

    public Task<ClinicPost?> FindPostByReferenceAsync(string reference, CancellationToken cancellationToken) =>
        FindPostWhereAsync("reference", reference, cancellationToken);

    public Task RecordPostAsync(ClinicPost post, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        return database.ExecuteAsync(
            $"INSERT INTO clinic_posts ({PostColumns}) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (idempotency_key) DO NOTHING;",
            c => c.WithText(post.IdempotencyKey).WithText(post.Reference).WithText(post.ServiceUrl).WithText(post.ConversationId)
                .WithText(post.ActivityId).WithTicks(post.PostedUtc),
            cancellationToken);
    }

    public Task AppendAuditAsync(ClinicAuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return database.ExecuteAsync(
            "INSERT INTO clinic_audit (reference, action, actor_aad_object_id, actor_name, at_utc_ticks) VALUES ($1, $2, $3, $4, $5);",
            c => c.WithText(entry.Reference).WithText(entry.Action).WithText(entry.ActorAadObjectId).WithText(entry.ActorName).WithTicks(entry.AtUtc),
            cancellationToken);
    }

    public async Task<IReadOnlyList<ClinicAuditEntry>> ListAuditAsync(string reference, CancellationToken cancellationToken) =>
        await database.QueryAsync(
            "SELECT reference, action, actor_aad_object_id, actor_name, at_utc_ticks FROM clinic_audit WHERE reference = $1 ORDER BY id;",
            c => c.WithText(reference),
            r => new ClinicAuditEntry(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), PostgresParameters.FromTicks(r.GetInt64(4))),
            cancellationToken);

    public Task AddNoteAsync(ClinicNote note, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(note);
        return database.ExecuteAsync(
            "INSERT INTO clinic_notes (reference, author_aad_object_id, author_name, at_utc_ticks, protected_text) VALUES ($1, $2, $3, $4, $5);",
            c => c.WithText(note.Reference).WithText(note.AuthorAadObjectId).WithText(note.AuthorName).WithTicks(note.AtUtc).WithText(note.ProtectedText),
            cancellationToken);
    }

    public async Task<IReadOnlyList<ClinicNote>> ListNotesAsync(string reference, CancellationToken cancellationToken) =>
        await database.QueryAsync(
            "SELECT reference, author_aad_object_id, author_name, at_utc_ticks, protected_text FROM clinic_notes WHERE reference = $1 ORDER BY id;",
            c => c.WithText(reference),
            r => new ClinicNote(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), PostgresParameters.FromTicks(r.GetInt64(3)), r.GetString(4)),
            cancellationToken);

    public async Task<ClinicChannelAddress?> FindChannelAsync(CancellationToken cancellationToken) =>
        (await database.QueryAsync(
            "SELECT service_url, tenant_id, team_id, channel_id FROM clinic_channel WHERE id = 1;",
            _ => { },
            r => new ClinicChannelAddress(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3)),
            cancellationToken)).SingleOrDefault();

    public Task SaveChannelAsync(ClinicChannelAddress address, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        return database.ExecuteAsync(
            """
            INSERT INTO clinic_channel (id, service_url, tenant_id, team_id, channel_id) VALUES (1, $1, $2, $3, $4)
            ON CONFLICT (id) DO UPDATE SET service_url = excluded.service_url, tenant_id = excluded.tenant_id,
                team_id = excluded.team_id, channel_id = excluded.channel_id;
            """,
            c => c.WithText(address.ServiceUrl).WithText(address.TenantId).WithText(address.TeamId).WithText(address.ChannelId),
            cancellationToken);
    }

    /// <summary>The first card by post time; <paramref name="column"/> is one of this class's constants, never input.</summary>
    private async Task<ClinicPost?> FindPostWhereAsync(string column, string value, CancellationToken cancellationToken) =>
        (await database.QueryAsync(
            $"SELECT {PostColumns} FROM clinic_posts WHERE {column} = $1 ORDER BY posted_utc_ticks, idempotency_key LIMIT 1;",
            c => c.WithText(value),
            r => new ClinicPost(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), PostgresParameters.FromTicks(r.GetInt64(5))),
            cancellationToken)).SingleOrDefault();
}
