using System.Runtime.InteropServices;
using System.Text;

namespace TriageBot.Runtime.State;

/// <summary>
/// A process-local <see cref="IStateStore"/> for tests and single-instance runs without persistence. State is lost
/// when the process ends.
/// </summary>
/// <remarks>
/// Every conversation ever seen stays here until the retention purge, so each one is kept compact: the key string
/// once, the document as UTF-8 bytes (the empty document a finished triage leaves behind shares one array), the eTag
/// as a <see cref="Guid"/> and the write time as ticks. Strings are made again on read. A finished conversation costs
/// about 190 bytes of heap (its key, about 100, and its dictionary entry), against about 440 when the document, the
/// key (twice) and the eTag were kept as strings; see deployment/bench/README.md, "Memory". UTF-8, like SQLite and
/// PostgreSQL text, cannot hold a lone UTF-16 surrogate: one is stored as U+FFFD, which JSON from System.Text.Json
/// never contains (it escapes them).
/// </remarks>
/// <param name="timeProvider">Stamps each write, for <see cref="PurgeOlderThanAsync"/>; the system clock when null.</param>
public sealed class InMemoryStateStore(TimeProvider? timeProvider = null) : IStateStore
{
    private const string EmptyDocument = "{}";
    private static readonly byte[] EmptyDocumentBytes = "{}"u8.ToArray();

    // One lock over the dictionary: each operation is a few dictionary calls, so contention is negligible, and the
    // check-then-write of a conditional write must be atomic.
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Item> _items = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider = timeProvider ?? TimeProvider.System;

    /// <summary>Documents held now.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    public Task<StoredState?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        cancellationToken.ThrowIfCancellationRequested();
        Item item;
        lock (_gate)
        {
            if (!_items.TryGetValue(key, out item))
            {
                return Task.FromResult<StoredState?>(null);
            }
        }

        var json = ReferenceEquals(item.Json, EmptyDocumentBytes) ? EmptyDocument : Encoding.UTF8.GetString(item.Json);
        return Task.FromResult<StoredState?>(new StoredState(key, json, item.ETag.ToString("N")));
    }

    public Task<StateWrite> WriteAsync(string key, string json, string? expectedETag, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(json);
        ETags.ThrowIfEmpty(expectedETag);
        cancellationToken.ThrowIfCancellationRequested();
        var bytes = json == EmptyDocument ? EmptyDocumentBytes : Encoding.UTF8.GetBytes(json);
        var eTag = Guid.NewGuid();
        var written = _timeProvider.GetUtcNow().UtcTicks;
        lock (_gate)
        {
            // A reference into the entry: a rewrite keeps the key string the dictionary already holds.
            ref var item = ref CollectionsMarshal.GetValueRefOrAddDefault(_items, key, out var exists);
            var allowed = expectedETag switch
            {
                null => !exists,
                ETags.Any => true,
                _ => exists && item.HasETag(expectedETag),
            };
            if (!allowed)
            {
                if (!exists)
                {
                    _items.Remove(key);
                }

                return Task.FromResult<StateWrite>(StateWrite.Conflict.Instance);
            }

            item = new Item(bytes, eTag, written);
        }

        return Task.FromResult<StateWrite>(new StateWrite.Written(eTag.ToString("N")));
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
        var cutoffTicks = cutoff.UtcTicks;
        lock (_gate)
        {
            var expired = _items.Where(item => item.Value.WrittenTicks < cutoffTicks).Select(item => item.Key).ToList();
            foreach (var key in expired)
            {
                _items.Remove(key);
            }

            // Give back the table's room once most of it is empty: a dictionary never shrinks on its own.
            if (_items.Count < _items.Capacity / 2)
            {
                _items.TrimExcess();
            }

            return Task.FromResult(expired.Count);
        }
    }

    /// <summary>One document: UTF-8 JSON, its eTag, and when it was written (UTC ticks).</summary>
    private readonly record struct Item(byte[] Json, Guid ETag, long WrittenTicks)
    {
        /// <summary>Compares the eTag as its text, exactly as the string eTag used to be compared, without allocating.</summary>
        public bool HasETag(string expected)
        {
            Span<char> text = stackalloc char[32];
            return ETag.TryFormat(text, out var length, "N") && text[..length].SequenceEqual(expected);
        }
    }
}
