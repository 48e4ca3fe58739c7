namespace TriageBot.Channels.DirectLine;

/// <summary>
/// Ids remembered until a given time, and no more than <c>capacity</c> of them: used stream tokens (so a
/// <c>streamUrl</c> opens one socket) and ended conversations (so their tokens cannot start them again). An id
/// only needs remembering while a token that names it can still be valid, so every entry has an end, and the set
/// never holds more than what was added within one token lifetime. Thread-safe.
/// </summary>
internal sealed class ExpiringIdSet(int capacity, TimeProvider timeProvider)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _until = new(StringComparer.Ordinal);

    // In the order added. Lifetimes are fixed per set, so this is (nearly) the order of expiry too; an entry that
    // ends before an older one is only forgotten a little late, never early.
    private readonly Queue<string> _order = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _until.Count;
            }
        }
    }

    public bool Contains(string id)
    {
        lock (_gate)
        {
            return _until.TryGetValue(id, out var until) && until > timeProvider.GetUtcNow();
        }
    }

    /// <summary>Adds <paramref name="id"/> until <paramref name="until"/>; false when it is already there, or the set is full.</summary>
    public bool TryAdd(string id, DateTimeOffset until)
    {
        lock (_gate)
        {
            ForgetEnded();
            if (_until.Count >= capacity || !_until.TryAdd(id, until))
            {
                return false;
            }

            _order.Enqueue(id);
            return true;
        }
    }

    /// <summary>Adds (or extends) <paramref name="id"/>; when the set is full the oldest entry makes room.</summary>
    public void Add(string id, DateTimeOffset until)
    {
        lock (_gate)
        {
            ForgetEnded();
            if (_until.TryGetValue(id, out var current))
            {
                _until[id] = current > until ? current : until;
                return;
            }

            if (_until.Count >= capacity && _order.TryDequeue(out var oldest))
            {
                _until.Remove(oldest);
            }

            _until[id] = until;
            _order.Enqueue(id);
        }
    }

    private void ForgetEnded()
    {
        var now = timeProvider.GetUtcNow();
        while (_order.TryPeek(out var oldest) && _until[oldest] <= now)
        {
            _until.Remove(_order.Dequeue());
        }
    }
}
