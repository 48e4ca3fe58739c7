namespace TriageBot.Channels.DirectLine;

/// <summary>
/// What all Direct Line conversations hold together, kept up to date as they change (never by scanning them): the
/// bytes held, the idle conversations least recently used first (the ones a new conversation may evict), and the
/// conversations holding more than their guaranteed share (the ones trimmed when the total is exceeded).
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
    private readonly LinkedList<DirectLineConversation> _idle = new();
    private readonly LinkedList<DirectLineConversation> _overShare = new();
    private readonly DirectLineOptions _options;
    private readonly TimeProvider _timeProvider;
    private long _bytes;

    public DirectLineLedger(DirectLineOptions options, TimeProvider timeProvider)
    {
        _options = options;
        _timeProvider = timeProvider;
        Share = options.MaxTotalBytes / options.MaxConversations;
    }

    /// <summary>What every conversation may hold whatever the others do: <c>MaxTotalBytes / MaxConversations</c>.</summary>
    public long Share { get; }

    /// <summary>Bytes held by all conversations.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    public void Charge(long delta) => Interlocked.Add(ref _bytes, delta);

    /// <summary>A conversation is now in the store: it starts idle and just seen.</summary>
    public void Join(DirectLineConversation conversation)
    {
        lock (_gate)
        {
            var slot = conversation.Slot;
            slot.LastSeenAt = _timeProvider.GetUtcNow();
            if (!slot.Removed && slot.Busy == 0 && slot.Idle.List is null)
            {
                _idle.AddLast(slot.Idle);
            }
        }
    }

    /// <summary>A conversation was removed: it is never evicted or trimmed again.</summary>
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
            if (slot.Idle.List is not null)
            {
                _idle.Remove(slot.Idle);
                _idle.AddLast(slot.Idle);
            }
        }
    }

    /// <summary>
    /// A turn is running or a stream is open: the conversation cannot be evicted until the returned handle is
    /// disposed, and is then the most recently used.
    /// </summary>
    public IDisposable Busy(DirectLineConversation conversation)
    {
        lock (_gate)
        {
            var slot = conversation.Slot;
            if (slot.Busy++ == 0 && slot.Idle.List is not null)
            {
                _idle.Remove(slot.Idle);
            }
        }

        return new BusyHandle(this, conversation);
    }

    /// <summary>
    /// The least recently used conversation that is idle for at least <see cref="DirectLineOptions.EvictAfterIdle"/>,
    /// taken out of the ledger for the store to remove; or null, with how long until one might be.
    /// </summary>
    public DirectLineConversation? TakeEvictable(out TimeSpan retryAfter)
    {
        lock (_gate)
        {
            retryAfter = _options.EvictAfterIdle;
            if (_idle.First is not { } oldest)
            {
                return null;
            }

            var idleFor = _timeProvider.GetUtcNow() - oldest.Value.Slot.LastSeenAt;
            if (idleFor < _options.EvictAfterIdle)
            {
                retryAfter = _options.EvictAfterIdle - idleFor;
                return null;
            }

            Unlink(oldest.Value.Slot);
            return oldest.Value;
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

    private void Unlink(DirectLineLedgerSlot slot)
    {
        slot.Removed = true;
        if (slot.Idle.List is not null)
        {
            _idle.Remove(slot.Idle);
        }

        if (slot.OverShare.List is not null)
        {
            _overShare.Remove(slot.OverShare);
        }
    }

    private void Release(DirectLineConversation conversation)
    {
        lock (_gate)
        {
            var slot = conversation.Slot;
            if (--slot.Busy == 0 && !slot.Removed)
            {
                slot.LastSeenAt = _timeProvider.GetUtcNow();
                _idle.AddLast(slot.Idle);
            }
        }
    }

    private sealed class BusyHandle(DirectLineLedger ledger, DirectLineConversation conversation) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                ledger.Release(conversation);
            }
        }
    }
}

/// <summary>A conversation's place in the <see cref="DirectLineLedger"/>; read and written only under the ledger's lock.</summary>
internal sealed class DirectLineLedgerSlot(DirectLineConversation conversation)
{
    public LinkedListNode<DirectLineConversation> Idle { get; } = new(conversation);

    public LinkedListNode<DirectLineConversation> OverShare { get; } = new(conversation);

    /// <summary>Turns running and streams open.</summary>
    public int Busy { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }

    public bool Removed { get; set; }
}
