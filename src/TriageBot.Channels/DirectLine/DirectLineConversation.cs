using TriageBot.Runtime.State;
using TriageBot.Schema;

namespace TriageBot.Channels.DirectLine;

/// <summary>
/// One conversation's log: the activities clients may read (numbered 1, 2, 3… in arrival order; the number is both
/// the id suffix and the watermark), the files uploaded with them, and the one live stream. Every change happens
/// under one lock, and the stream is fed inside it, so a stream sees each activity exactly once and in order.
/// </summary>
internal sealed class DirectLineConversation
{
    /// <summary>More users than this in one conversation are not announced to the bot (a bound, not a feature).</summary>
    private const int MaxAnnouncedUsers = 64;

    private readonly Lock _gate = new();
    private readonly Queue<DirectLineEntry> _entries = new();
    private readonly Queue<DirectLineFile> _files = new();
    private readonly HashSet<string> _announcedUsers = new(StringComparer.Ordinal);
    private readonly DirectLineOptions _options;
    private readonly TimeProvider _timeProvider;
    private long _sequence;
    private long _fileBytes;
    private DateTimeOffset _lastTimestamp;
    private DateTimeOffset _lastActivityAt;
    private DirectLineSubscription? _stream;
    private bool _closed;

    public DirectLineConversation(string id, string? userId, string? locale, DirectLineOptions options, TimeProvider timeProvider)
    {
        Id = id;
        LogId = StateKeyHash.Compute(id);
        UserId = userId;
        Locale = locale;
        _options = options;
        _timeProvider = timeProvider;
        _lastTimestamp = timeProvider.GetUtcNow();
        _lastActivityAt = _lastTimestamp;
    }

    public string Id { get; }

    /// <summary>What logs say instead of the id.</summary>
    public string LogId { get; }

    /// <summary>The user named by the token that started the conversation, if any.</summary>
    public string? UserId { get; }

    public string? Locale { get; }

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
        lock (_gate)
        {
            var sequence = ++_sequence;
            var now = _timeProvider.GetUtcNow();

            // Clients order by timestamp as well as by arrival, so never let a clock step make it go backwards.
            _lastTimestamp = now > _lastTimestamp ? now : _lastTimestamp;
            var entry = new DirectLineEntry(sequence, activity with
            {
                Id = DirectLineIds.ActivityId(Id, sequence),
                Timestamp = _lastTimestamp,
            });
            if (_closed)
            {
                return entry.Activity;
            }

            if (persist)
            {
                _entries.Enqueue(entry);
                foreach (var file in files ?? [])
                {
                    _files.Enqueue(file with { Sequence = sequence });
                    _fileBytes += file.Content.Length;
                }

                _lastActivityAt = now;
                TrimToBounds();
            }

            _stream?.Offer(entry);
            return entry.Activity;
        }
    }

    /// <summary>The stored activities after <paramref name="watermark"/> (all when null) and the newest watermark.</summary>
    public DirectLineBatch After(long? watermark)
    {
        lock (_gate)
        {
            return new DirectLineBatch(Since(watermark), _sequence);
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
            _stream = new DirectLineSubscription(Since(watermark), watermark ?? 0);
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
            while (_entries.TryPeek(out var oldest) && oldest.Activity.Timestamp < cutoff)
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
            _closed = true;
            var dropped = _entries.Count;
            _entries.Clear();
            _files.Clear();
            _fileBytes = 0;
            _stream?.End(StreamEnd.Deleted);
            _stream = null;
            return dropped;
        }
    }

    private List<DirectLineEntry> Since(long? watermark) =>
        [.. _entries.Where(e => e.Sequence > (watermark ?? 0))];

    private void TrimToBounds()
    {
        while (_entries.Count > _options.MaxActivitiesPerConversation)
        {
            DropOldest();
        }

        while (_fileBytes > _options.MaxStoredUploadBytesPerConversation && _files.TryDequeue(out var file))
        {
            _fileBytes -= file.Content.Length;
        }
    }

    private void DropOldest()
    {
        var dropped = _entries.Dequeue();
        while (_files.TryPeek(out var file) && file.Sequence <= dropped.Sequence)
        {
            _fileBytes -= _files.Dequeue().Content.Length;
        }
    }
}

/// <summary>An activity and its place in the conversation (its watermark).</summary>
internal sealed record DirectLineEntry(long Sequence, Activity Activity);

/// <summary>What a poll returns: the activities and the watermark to ask from next time.</summary>
internal sealed record DirectLineBatch(IReadOnlyList<DirectLineEntry> Entries, long Watermark);

/// <summary>
/// An uploaded file: only what serving its <c>contentUrl</c> needs (bytes, media type, name), kept as long as the
/// activity that carries it.
/// </summary>
internal sealed record DirectLineFile(string Id, string ContentType, string Name, byte[] Content, long Sequence = 0);
