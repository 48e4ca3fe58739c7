using System.Text.Json;
using TriageBot.Runtime.State;
using TriageBot.Schema;

namespace TriageBot.Channels.DirectLine;

/// <summary>
/// One conversation's log: the activities clients may read (numbered 1, 2, 3… in arrival order; the number is both
/// the id suffix and the watermark), the files uploaded with them, and the one live stream. Every change happens
/// under one lock, and the stream is fed inside it, so a stream sees each activity exactly once and in order.
/// Activities are kept as the JSON clients get (serialized once, when stored), so a poll or a stream frame only
/// copies bytes, and what the conversation holds is counted exactly, here and in the <see cref="DirectLineLedger"/>.
/// </summary>
internal sealed class DirectLineConversation
{
    /// <summary>More users than this in one conversation are not announced to the bot (a bound, not a feature).</summary>
    private const int MaxAnnouncedUsers = 64;

    /// <summary>Client activity ids remembered for retries and double-sends (the most recent; a bound, not a feature).</summary>
    private const int MaxRememberedEchoes = 256;

    private readonly Lock _gate = new();
    private readonly Queue<DirectLineEntry> _entries = new();
    private readonly Queue<DirectLineFile> _files = new();
    private readonly HashSet<string> _announcedUsers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Activity> _echoes = new(StringComparer.Ordinal);
    private readonly Queue<string> _echoOrder = new();
    private readonly DirectLineOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly DirectLineLedger _ledger;
    private long _sequence;
    private long _bytes = DirectLineLedger.ConversationOverheadBytes;
    private DateTimeOffset _lastTimestamp;
    private DateTimeOffset _lastActivityAt;
    private DirectLineSubscription? _stream;
    private IDisposable? _streamInUse;
    private bool _closed;
    private int _wakes;

    /// <param name="ledger">The store's ledger; a conversation on its own (in tests) keeps one of its own.</param>
    /// <param name="clientKey">The client that started it, counted against <see cref="DirectLineOptions.MaxConversationsPerClient"/>; null when exempt.</param>
    public DirectLineConversation(
        string id, string? userId, string? locale, DirectLineOptions options, TimeProvider timeProvider, DirectLineLedger? ledger = null, string? clientKey = null)
    {
        Id = id;
        LogId = StateKeyHash.Compute(id);
        UserId = userId;
        Locale = locale;
        _options = options;
        _timeProvider = timeProvider;
        _lastTimestamp = timeProvider.GetUtcNow();
        _lastActivityAt = _lastTimestamp;
        _ledger = ledger ?? new DirectLineLedger(options, timeProvider);
        Slot = new DirectLineLedgerSlot(this, clientKey);
        _ledger.Charge(_bytes);
    }

    public string Id { get; }

    /// <summary>What logs say instead of the id.</summary>
    public string LogId { get; }

    /// <summary>The user named by the token that started the conversation, if any.</summary>
    public string? UserId { get; }

    public string? Locale { get; }

    /// <summary>Its place in the ledger (least recently used, above its share).</summary>
    public DirectLineLedgerSlot Slot { get; }

    /// <summary>Bytes held: the conversation itself, its stored activities and their files.</summary>
    public long Bytes
    {
        get
        {
            lock (_gate)
            {
                return _bytes;
            }
        }
    }

    /// <summary>When something was last stored; the retention job deletes the conversation once this is too old.</summary>
    public DateTimeOffset LastActivityAt
    {
        get
        {
            // Read under the lock: a DateTimeOffset is two words, and a torn read could purge a live conversation.
            lock (_gate)
            {
                return _lastActivityAt;
            }
        }
    }

    /// <summary>The number of the last activity stored (or, from a shared log, applied): the newest watermark.</summary>
    public long Sequence
    {
        get
        {
            lock (_gate)
            {
                return _sequence;
            }
        }
    }

    /// <summary>True once the conversation was deleted: nothing more is stored or run for it.</summary>
    public bool IsClosed
    {
        get
        {
            lock (_gate)
            {
                return _closed;
            }
        }
    }

    /// <summary>
    /// Gives the activity the next id and a timestamp, stores it when <paramref name="persist"/> (typing is not
    /// stored: it only matters now), and pushes it to the live stream. Returns the activity as clients see it.
    /// </summary>
    public Activity Append(Activity activity, bool persist, IReadOnlyList<DirectLineFile>? files = null)
    {
        Activity stored;
        lock (_gate)
        {
            var sequence = ++_sequence;
            var now = _timeProvider.GetUtcNow();

            // Web Chat sorts what it shows by timestamp, read to the millisecond, and breaks ties by the order its
            // sagas happen to finish (a turn's replies wait there for their replyToId). So every activity gets a
            // timestamp at least a millisecond after the one before it, and a clock step never makes it go back.
            var next = _lastTimestamp.AddMilliseconds(1);
            _lastTimestamp = now >= next ? now : next;
            stored = activity with
            {
                Id = DirectLineIds.ActivityId(Id, sequence),
                Timestamp = _lastTimestamp,
            };
            if (_closed)
            {
                return stored;
            }

            var json = JsonSerializer.SerializeToUtf8Bytes(stored, SchemaJsonContext.Default.Activity);
            var entry = Entry(sequence, _lastTimestamp, json, files);
            if (persist)
            {
                Store(entry, files, now);
            }

            _stream?.Offer(entry);
        }

        // Outside the lock: relieving the total may trim other conversations, each under its own lock.
        _ledger.Relieve();
        return stored;
    }

    /// <summary>
    /// Stores an activity numbered and timestamped by the shared log (<see cref="DirectLineConversationStore.Fleet"/>)
    /// and pushes it to the live stream. True when it was stored or was already here; false when activities before
    /// it are missing (the caller reads them from the shared log first), so the stream still sees each once, in order.
    /// <paramref name="readAfterNewest"/>: it came from a read of everything after <see cref="Sequence"/>, so numbers
    /// missing before it were purged from the shared log (appends commit in number order) and are not waited for.
    /// </summary>
    public bool TryApply(long sequence, DateTimeOffset timestamp, byte[] json, IReadOnlyList<DirectLineFile>? files = null, bool readAfterNewest = false)
    {
        lock (_gate)
        {
            if (_closed || sequence <= _sequence)
            {
                return true;
            }

            if (sequence != _sequence + 1 && !readAfterNewest)
            {
                return false;
            }

            _sequence = sequence;
            _lastTimestamp = timestamp > _lastTimestamp ? timestamp : _lastTimestamp;
            var entry = Entry(sequence, timestamp, json, files);
            Store(entry, files, _timeProvider.GetUtcNow());
            _stream?.Offer(entry);
        }

        _ledger.Relieve();
        return true;
    }

    /// <summary>
    /// Shows an activity on this instance's live stream without storing or numbering it (typing, with a shared log:
    /// the numbers are the shared log's). Its id is made up; the watermark the frame carries stays where it was.
    /// </summary>
    public void PushLive(Activity activity)
    {
        lock (_gate)
        {
            if (_closed || _stream is null)
            {
                return;
            }

            var now = _timeProvider.GetUtcNow();
            var live = activity with { Id = DirectLineIds.NewEventId(), Timestamp = now > _lastTimestamp ? now : _lastTimestamp };
            var json = JsonSerializer.SerializeToUtf8Bytes(live, SchemaJsonContext.Default.Activity);
            _stream.Offer(new DirectLineEntry(_sequence, live.Timestamp!.Value, json, json.Length));
        }
    }

    /// <summary>The echo of what a client sent with <paramref name="clientActivityId"/> whose turn already ran here, if remembered.</summary>
    public Activity? FindEcho(string clientActivityId)
    {
        lock (_gate)
        {
            return _echoes.GetValueOrDefault(clientActivityId);
        }
    }

    /// <summary>Remembers a handled client activity, so a retry or double-send of it is answered without a second turn.</summary>
    public void RememberEcho(string clientActivityId, Activity echo)
    {
        lock (_gate)
        {
            if (!_echoes.TryAdd(clientActivityId, echo))
            {
                return;
            }

            _echoOrder.Enqueue(clientActivityId);
            if (_echoOrder.Count > MaxRememberedEchoes)
            {
                _echoes.Remove(_echoOrder.Dequeue());
            }
        }
    }

    /// <summary>
    /// A wake from the shared log: true when the caller should read it, false when a read for this conversation is
    /// already under way (it reads once more when it finishes). Then <see cref="StartWakeRead"/> and <see cref="EndWakeRead"/>.
    /// </summary>
    public bool TryBeginWake() => Interlocked.Increment(ref _wakes) == 1;

    /// <summary>Before each read: every wake so far is covered by it.</summary>
    public void StartWakeRead() => Interlocked.Exchange(ref _wakes, 1);

    /// <summary>After a read: true when another wake came in meanwhile (read again), false when done.</summary>
    public bool EndWakeRead() => Interlocked.Decrement(ref _wakes) != 0;

    /// <summary>
    /// At most <paramref name="max"/> stored activities after <paramref name="watermark"/> (from the start when null),
    /// and the watermark to ask from next: the last one returned while more are waiting, else the newest.
    /// </summary>
    public DirectLineBatch After(long? watermark, int max)
    {
        lock (_gate)
        {
            var page = Since(watermark).Take(max + 1).ToList();
            if (page.Count <= max)
            {
                return new DirectLineBatch(page, _sequence);
            }

            page.RemoveAt(max);
            return new DirectLineBatch(page, page[^1].Sequence);
        }
    }

    /// <summary>
    /// Opens the conversation's one live stream, with what was stored after <paramref name="watermark"/> as its
    /// backlog. A stream already open is ended (<see cref="StreamEnd.Superseded"/>): the newest connection is the
    /// one a client just made, while the old one may be a socket whose client is long gone. Null when deleted.
    /// </summary>
    public DirectLineSubscription? Subscribe(long? watermark)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return null;
            }

            _stream?.End(StreamEnd.Superseded);
            _stream = new DirectLineSubscription([.. Since(watermark)], watermark ?? 0, _options.MaxActivitiesPerPage);

            // An open stream is a patient with the page open: not evicted for being idle while it lasts, only once
            // nothing was posted for StreamHoldsIdleConversationFor (see DirectLineEvictionOrder).
            _streamInUse ??= _ledger.Busy(this);
            return _stream;
        }
    }

    /// <summary>The stream is over: stop feeding it (unless a newer one already replaced it).</summary>
    public void Unsubscribe(DirectLineSubscription subscription)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_stream, subscription))
            {
                _stream = null;
                _streamInUse?.Dispose();
                _streamInUse = null;
            }
        }
    }

    /// <summary>True the first time a user is seen, so the bot gets one <c>conversationUpdate</c> per user.</summary>
    public bool TryAnnounce(string userId)
    {
        lock (_gate)
        {
            return _announcedUsers.Count < MaxAnnouncedUsers && _announcedUsers.Add(userId);
        }
    }

    public DirectLineFile? FindFile(string fileId)
    {
        lock (_gate)
        {
            return _files.FirstOrDefault(f => f.Id == fileId);
        }
    }

    /// <summary>Drops activities (and their files) stored before <paramref name="cutoff"/>; returns how many.</summary>
    public int DropOlderThan(DateTimeOffset cutoff)
    {
        lock (_gate)
        {
            var dropped = 0;
            while (_entries.TryPeek(out var oldest) && oldest.Timestamp < cutoff)
            {
                DropOldest();
                dropped++;
            }

            return dropped;
        }
    }

    /// <summary>
    /// Drops the oldest activities (and their files) until this holds at most <paramref name="bytes"/>; the
    /// ledger's answer to too many bytes held in total. Returns how many were dropped.
    /// </summary>
    public int TrimTo(long bytes)
    {
        lock (_gate)
        {
            var dropped = 0;
            while (_bytes > bytes && _entries.Count > 0)
            {
                DropOldest();
                dropped++;
            }

            return dropped;
        }
    }

    /// <summary>Forgets everything and ends the live stream; later appends go nowhere.</summary>
    public int Close()
    {
        lock (_gate)
        {
            var dropped = _entries.Count;
            if (!_closed)
            {
                _closed = true;
                _entries.Clear();
                _files.Clear();
                _ledger.Forget(this);
                Grow(-_bytes);
                _stream?.End(StreamEnd.Deleted);
                _stream = null;
                _streamInUse?.Dispose();
                _streamInUse = null;
            }

            return dropped;
        }
    }

    private static DirectLineEntry Entry(long sequence, DateTimeOffset timestamp, byte[] json, IReadOnlyList<DirectLineFile>? files)
    {
        var fileBytes = files?.Sum(f => (long)f.Content.Length) ?? 0;
        return new DirectLineEntry(sequence, timestamp, json, json.Length + fileBytes + DirectLineLedger.EntryOverheadBytes);
    }

    /// <summary>Under the lock: keeps the entry (and its files), within the conversation's bounds.</summary>
    private void Store(DirectLineEntry entry, IReadOnlyList<DirectLineFile>? files, DateTimeOffset now)
    {
        _entries.Enqueue(entry);
        foreach (var file in files ?? [])
        {
            _files.Enqueue(file with { Sequence = entry.Sequence });
        }

        Grow(entry.Bytes);
        _lastActivityAt = now;
        TrimToBounds();
        _ledger.NoteSize(this, _bytes);
    }

    private IEnumerable<DirectLineEntry> Since(long? watermark) =>
        _entries.SkipWhile(e => e.Sequence <= (watermark ?? 0));

    /// <summary>The per-conversation bounds: the oldest go first, but never the activity just stored.</summary>
    private void TrimToBounds()
    {
        while (_entries.Count > _options.MaxActivitiesPerConversation
            || (_bytes > _options.MaxBytesPerConversation && _entries.Count > 1))
        {
            DropOldest();
        }
    }

    private void DropOldest()
    {
        var dropped = _entries.Dequeue();
        while (_files.TryPeek(out var file) && file.Sequence <= dropped.Sequence)
        {
            _files.Dequeue();
        }

        Grow(-dropped.Bytes);
    }

    private void Grow(long delta)
    {
        _bytes += delta;
        _ledger.Charge(delta);
    }
}

/// <summary>
/// A stored activity: its place in the conversation (its watermark), its timestamp (for retention), its JSON as
/// clients get it, and what it costs (the JSON, its files and a fixed overhead).
/// </summary>
internal sealed record DirectLineEntry(long Sequence, DateTimeOffset Timestamp, byte[] Json, long Bytes)
{
    /// <summary>The activity back from its JSON (tests and diagnostics; the service itself only copies the bytes).</summary>
    public Activity ReadActivity() => JsonSerializer.Deserialize(Json, SchemaJsonContext.Default.Activity)!;
}

/// <summary>What a poll returns: the activities and the watermark to ask from next time.</summary>
internal sealed record DirectLineBatch(IReadOnlyList<DirectLineEntry> Entries, long Watermark);

/// <summary>
/// An uploaded file: only what serving its <c>contentUrl</c> needs (bytes, media type, name), kept as long as the
/// activity that carries it.
/// </summary>
internal sealed record DirectLineFile(string Id, string ContentType, string Name, byte[] Content, long Sequence = 0);
