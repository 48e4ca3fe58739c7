namespace TriageBot.Runtime.State;

/// <summary>
/// A process-local <see cref="IStateStore"/> for tests and single-instance runs without persistence. State is lost
/// when the process ends.
/// </summary>
/// <param name="timeProvider">Stamps each write, for <see cref="PurgeOlderThanAsync"/>; the system clock when null.</param>
public sealed class InMemoryStateStore(TimeProvider? timeProvider = null) : IStateStore
{
    // One lock over the dictionary: each operation is a few dictionary calls, so contention is negligible, and the
    // check-then-write of a conditional write must be atomic.
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (StoredState State, DateTimeOffset Written)> _items = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider = timeProvider ?? TimeProvider.System;

    public Task<StoredState?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_items.TryGetValue(key, out var item) ? item.State : null);
        }
    }

    public Task<StateWrite> WriteAsync(string key, string json, string? expectedETag, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(json);
        ETags.ThrowIfEmpty(expectedETag);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var exists = _items.TryGetValue(key, out var current);
            var allowed = expectedETag switch
            {
                null => !exists,
                ETags.Any => true,
                _ => exists && string.Equals(current.State.ETag, expectedETag, StringComparison.Ordinal),
            };
            if (!allowed)
            {
                return Task.FromResult<StateWrite>(StateWrite.Conflict.Instance);
            }

            var eTag = ETags.New();
            _items[key] = (new StoredState(key, json, eTag), _timeProvider.GetUtcNow());
            return Task.FromResult<StateWrite>(new StateWrite.Written(eTag));
        }
    }

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_items.Remove(key));
        }
    }

    public Task<int> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var expired = _items.Where(item => item.Value.Written < cutoff).Select(item => item.Key).ToList();
            foreach (var key in expired)
            {
                _items.Remove(key);
            }

            return Task.FromResult(expired.Count);
        }
    }
}
