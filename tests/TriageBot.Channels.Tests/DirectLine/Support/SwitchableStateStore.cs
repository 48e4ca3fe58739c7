using TriageBot.Runtime.State;

namespace TriageBot.Channels.Tests.DirectLine.Support;

/// <summary>An in-memory state store that fails on demand: an infrastructure fault outside the bot's own error handling.</summary>
public sealed class SwitchableStateStore : IStateStore
{
    private readonly InMemoryStateStore _inner = new();

    public bool Failing { get; set; }

    public Task<StoredState?> ReadAsync(string key, CancellationToken cancellationToken) =>
        Failing ? throw new IOException("state store unavailable") : _inner.ReadAsync(key, cancellationToken);

    public Task<StateWrite> WriteAsync(string key, string json, string? expectedETag, CancellationToken cancellationToken) =>
        Failing ? throw new IOException("state store unavailable") : _inner.WriteAsync(key, json, expectedETag, cancellationToken);

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken) =>
        _inner.DeleteAsync(key, cancellationToken);

    public Task<int> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        _inner.PurgeOlderThanAsync(cutoff, cancellationToken);
}
