namespace TriageBot.Channels.DirectLine;

/// <summary>
/// What all Direct Line conversations hold together, kept up to date as they change (never by scanning them): the
/// bytes held, which conversations a new one may evict (<see cref="DirectLineEvictionOrder"/>: over all of them, and
/// over each client's, with how many each client holds), and the conversations holding more than their guaranteed
/// share (the ones trimmed when the total is exceeded).
/// Its lock is a leaf: nothing else is locked while it is held, so a conversation may call in under its own lock.
/// </summary>
internal sealed class DirectLineLedger
{
    /// <summary>
    /// What an empty conversation costs beyond its activities (the object, its lock, queues and list nodes, its
    /// rate-limit bucket, its ids), counted so that a flood of empty conversations is bounded by bytes as well.
    /// </summary>
    public const long ConversationOverheadBytes = 2048;

    /// <summary>What one stored activity costs beyond its JSON (the entry and its place in the queue).</summary>
    public const long EntryOverheadBytes = 96;

    private readonly Lock _gate = new();
    private readonly DirectLineEvictionOrder _all;
    private readonly Dictionary<string, DirectLineEvictionOrder> _clients = new(StringComparer.Ordinal);
    private readonly LinkedList<DirectLineConversation> _overShare = new();
    private readonly DirectLineOptions _options;
    private readonly TimeProvider _timeProvider;
    private long _bytes;

    public DirectLineLedger(DirectLineOptions options, TimeProvider timeProvider)
    {
        _options = options;
        _timeProvider = timeProvider;
        _all = new DirectLineEvictionOrder(options);
        Share = options.MaxTotalBytes / options.MaxConversations;
    }

    /// <summary>What every conversation may hold whatever the others do: <c>MaxTotalBytes / MaxConversations</c>.</summary>
    public long Share { get; }

    /// <summary>Bytes held by all conversations.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    public void Charge(long delta) => Interlocked.Add(ref _bytes, delta);

    /// <summary>
    /// Counts a conversation about to start against its client (none for a null key: see the store). At
    /// <see cref="DirectLineOptions.MaxConversationsPerClient"/> it is not counted: instead the client's own evictable
    /// conversation is taken out of the ledger as <paramref name="victim"/> for the store to remove (then ask again),
    /// or, when there is none, false with how long until one might be. Every count is given back when its
    /// conversation leaves the ledger, or by <see cref="Unreserve"/> when it was never created.
    /// </summary>
    public bool TryReserve(string? clientKey, out DirectLineConversation? victim, out TimeSpan retryAfter)
    {
        victim = null;
        retryAfter = TimeSpan.Zero;
        if (clientKey is null)
        {
            return true;
        }

        lock (_gate)
        {
            if (!_clients.TryGetValue(clientKey, out var client))
            {
                client = new DirectLineEvictionOrder(_options);
                _clients.Add(clientKey, client);
            }

            if (client.Held < _options.MaxConversationsPerClient)
            {
                client.Held++;
                return true;
            }

            victim = client.Evictable(_timeProvider.GetUtcNow(), out retryAfter);
            if (victim is not null)
            {
                Unlink(victim.Slot);
            }

            return false;
        }
    }

    /// <summary>Gives back a count taken by <see cref="TryReserve"/> for a conversation that was not created after all.</summary>
    public void Unreserve(string? clientKey)
    {
        if (clientKey is not null)
        {
            lock (_gate)
            {
                Release(clientKey);
            }
        }
    }

    /// <summary>A conversation is now in the store: it starts idle, just seen and just posted to.</summary>
    public void Join(DirectLineConversation conversation)
    {
        lock (_gate)
        {
            var slot = conversation.Slot;
            slot.LastSeenAt = slot.LastPostedAt = _timeProvider.GetUtcNow();
            if (!slot.Removed)
            {
                _all.Add(slot.All, idle: slot.Busy == 0);
                ClientOf(slot)?.Add(slot.Client, idle: slot.Busy == 0);
            }
        }
    }

    /// <summary>A conversation was removed: it is never evicted or trimmed again, and its client may start another.</summary>
    public void Forget(DirectLineConversation conversation)
    {
        lock (_gate)
        {
            Unlink(conversation.Slot);
        }
    }

    /// <summary>A client used the conversation: it becomes the most recently used.</summary>
    public void Touch(DirectLineConversation conversation)
    {
        lock (_gate)
        {
            var slot = conversation.Slot;
            slot.LastSeenAt = _timeProvider.GetUtcNow();
            _all.Used(slot.All);
            ClientOf(slot)?.Used(slot.Client);
        }
    }

    /// <summary>
    /// A stream is open: the conversation is not evicted for being idle until the returned handle is disposed, and
    /// is then the most recently used. It still may be once nothing was posted to it for
    /// <see cref="DirectLineOptions.StreamHoldsIdleConversationFor"/>.
    /// </summary>
    public IDisposable Busy(DirectLineConversation conversation) => Hold(conversation, turn: false);

    /// <summary>
    /// A turn is running (a client posted, or the conversation is starting): the conversation is not evicted until
    /// the returned handle is disposed, and counts as just posted to.
    /// </summary>
    public IDisposable Turn(DirectLineConversation conversation) => Hold(conversation, turn: true);

    /// <summary>
    /// A conversation that may be evicted for a newcomer (see <see cref="DirectLineEvictionOrder"/>), taken out of the
    /// ledger for the store to remove; or null, with how long until one might be.
    /// </summary>
    public DirectLineConversation? TakeEvictable(out TimeSpan retryAfter)
    {
        lock (_gate)
        {
            var victim = _all.Evictable(_timeProvider.GetUtcNow(), out retryAfter);
            if (victim is not null)
            {
                Unlink(victim.Slot);
            }

            return victim;
        }
    }

    /// <summary>Called by a conversation (under its own lock) after it grew: above its share, it becomes trimmable.</summary>
    public void NoteSize(DirectLineConversation conversation, long bytes)
    {
        if (bytes <= Share)
        {
            return;
        }

        lock (_gate)
        {
            var slot = conversation.Slot;
            if (!slot.Removed && slot.OverShare.List is null)
            {
                _overShare.AddLast(slot.OverShare);
            }
        }
    }

    /// <summary>
    /// While the total is above <see cref="DirectLineOptions.MaxTotalBytes"/>, trims the conversations above their
    /// share back to it, the longest-standing first. Those within their share (a patient's usual conversation)
    /// are never touched, and once all are within it the total is too, so no new conversation is refused for bytes.
    /// </summary>
    public int Relieve()
    {
        var trimmed = 0;
        while (Bytes > _options.MaxTotalBytes)
        {
            DirectLineConversation victim;
            lock (_gate)
            {
                if (_overShare.First is not { } first)
                {
                    break;
                }

                _overShare.Remove(first);
                victim = first.Value;
            }

            trimmed += victim.TrimTo(Share);
        }

        return trimmed;
    }

    private BusyHandle Hold(DirectLineConversation conversation, bool turn)
    {
        lock (_gate)
        {
            var slot = conversation.Slot;
            if (slot.Busy++ == 0)
            {
                _all.BecameBusy(slot.All);
                ClientOf(slot)?.BecameBusy(slot.Client);
            }

            if (turn)
            {
                slot.Turns++;
                slot.LastPostedAt = _timeProvider.GetUtcNow();
                _all.PostedTo(slot.All);
                ClientOf(slot)?.PostedTo(slot.Client);
            }
        }

        return new BusyHandle(this, conversation, turn);
    }

    private DirectLineEvictionOrder? ClientOf(DirectLineLedgerSlot slot) =>
        slot.ClientKey is { } key && _clients.TryGetValue(key, out var client) ? client : null;

    /// <summary>Once per conversation, whichever way it leaves (deleted, purged, evicted, or never added).</summary>
    private void Unlink(DirectLineLedgerSlot slot)
    {
        if (slot.Removed)
        {
            return;
        }

        slot.Removed = true;
        _all.Remove(slot.All);
        if (slot.OverShare.List is not null)
        {
            _overShare.Remove(slot.OverShare);
        }

        if (slot.ClientKey is { } key)
        {
            ClientOf(slot)?.Remove(slot.Client);
            Release(key);
        }
    }

    private void Release(string clientKey)
    {
        if (_clients.TryGetValue(clientKey, out var client) && --client.Held <= 0)
        {
            _clients.Remove(clientKey);
        }
    }

    private void Release(DirectLineConversation conversation, bool turn)
    {
        lock (_gate)
        {
            var slot = conversation.Slot;
            slot.Turns -= turn ? 1 : 0;
            if (--slot.Busy == 0 && !slot.Removed)
            {
                slot.LastSeenAt = _timeProvider.GetUtcNow();
                _all.BecameIdle(slot.All);
                ClientOf(slot)?.BecameIdle(slot.Client);
            }
        }
    }

    private sealed class BusyHandle(DirectLineLedger ledger, DirectLineConversation conversation, bool turn) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                ledger.Release(conversation, turn);
            }
        }
    }
}

/// <summary>A conversation's place in the <see cref="DirectLineLedger"/>; read and written only under the ledger's lock.</summary>
internal sealed class DirectLineLedgerSlot(DirectLineConversation conversation, string? clientKey)
{
    /// <summary>Among all conversations.</summary>
    public DirectLineEvictionNodes All { get; } = new(conversation);

    /// <summary>Among its client's conversations (unused when it has no client key).</summary>
    public DirectLineEvictionNodes Client { get; } = new(conversation);

    public LinkedListNode<DirectLineConversation> OverShare { get; } = new(conversation);

    /// <summary>The client that started it (<see cref="ClientPartition"/>), or null when not capped per client.</summary>
    public string? ClientKey { get; } = clientKey;

    /// <summary>Turns running and streams open.</summary>
    public int Busy { get; set; }

    /// <summary>Turns running.</summary>
    public int Turns { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    /// <summary>When a client last posted (or the conversation started).</summary>
    public DateTimeOffset LastPostedAt { get; set; }

    public bool Removed { get; set; }
}
