using System.Collections.Concurrent;

namespace TriageBot.Runtime.ClinicInbox;

/// <summary>The clinic inbox in memory, for tests and the InMemory storage option.</summary>
public sealed class InMemoryClinicInboxStore : IClinicInboxStore
{
    private readonly ConcurrentDictionary<string, ClinicPost> _posts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ClinicAuditEntry> _audit = new();
    private readonly ConcurrentQueue<ClinicNote> _notes = new();
    private ClinicChannelAddress? _channel;

    public Task<ClinicPost?> FindPostAsync(string idempotencyKey, CancellationToken cancellationToken) =>
        Task.FromResult(_posts.GetValueOrDefault(idempotencyKey));

    public Task<ClinicPost?> FindPostByReferenceAsync(string reference, CancellationToken cancellationToken) =>
        Task.FromResult(_posts.Values.FirstOrDefault(p => p.Reference == reference));

    public Task RecordPostAsync(ClinicPost post, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        _posts.TryAdd(post.IdempotencyKey, post);
        return Task.CompletedTask;
    }

    public Task AppendAuditAsync(ClinicAuditEntry entry, CancellationToken cancellationToken)
    {
        _audit.Enqueue(entry);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ClinicAuditEntry>> ListAuditAsync(string reference, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ClinicAuditEntry>>([.. _audit.Where(a => a.Reference == reference)]);

    public Task AddNoteAsync(ClinicNote note, CancellationToken cancellationToken)
    {
        _notes.Enqueue(note);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ClinicNote>> ListNotesAsync(string reference, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ClinicNote>>([.. _notes.Where(n => n.Reference == reference)]);

    public Task<ClinicChannelAddress?> FindChannelAsync(CancellationToken cancellationToken) => Task.FromResult(Volatile.Read(ref _channel));

    public Task SaveChannelAsync(ClinicChannelAddress address, CancellationToken cancellationToken)
    {
        Volatile.Write(ref _channel, address);
        return Task.CompletedTask;
    }
}
