using System.Threading.Channels;

namespace TriageBot.Channels.DirectLine;

/// <summary>
/// A live stream's view of a conversation: the backlog it must send first, then each new activity as it is
/// appended. The queue is bounded: a client too slow to keep up is cut off (<see cref="StreamEnd.Overflow"/>) and
/// reconnects with its watermark, rather than the server buffering without limit.
/// </summary>
internal sealed class DirectLineSubscription
{
    private const int Capacity = 256;

    private readonly Channel<DirectLineEntry> _pending = Channel.CreateBounded<DirectLineEntry>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public DirectLineSubscription(IReadOnlyList<DirectLineEntry> backlog, long watermark, int pageSize)
    {
        Backlog = backlog;
        Watermark = watermark;
        PageSize = pageSize;
    }

    public IReadOnlyList<DirectLineEntry> Backlog { get; }

    /// <summary>Activities per frame: the backlog and bursts go out in several frames, never one unbounded one.</summary>
    public int PageSize { get; }

    /// <summary>Where the client said it was when it connected.</summary>
    public long Watermark { get; }

    public ChannelReader<DirectLineEntry> Pending => _pending.Reader;

    /// <summary>Why the conversation ended this stream; <see cref="StreamEnd.None"/> while it is live.</summary>
    public StreamEnd EndReason { get; private set; }

    /// <summary>Called under the conversation's lock.</summary>
    public void Offer(DirectLineEntry entry)
    {
        if (!_pending.Writer.TryWrite(entry))
        {
            End(StreamEnd.Overflow);
        }
    }

    /// <summary>Called under the conversation's lock.</summary>
    public void End(StreamEnd reason)
    {
        if (EndReason == StreamEnd.None)
        {
            EndReason = reason;
            _pending.Writer.TryComplete();
        }
    }
}

/// <summary>Why a stream was ended by the server side.</summary>
internal enum StreamEnd
{
    None,

    /// <summary>Another stream for the same conversation was opened.</summary>
    Superseded,

    /// <summary>The client fell too far behind.</summary>
    Overflow,

    /// <summary>The conversation was deleted (retention).</summary>
    Deleted,
}
