namespace TriageBot.Runtime.ConversationLogs;

/// <summary>
/// A conversation log shared by every instance of the service (the self-hosted Direct Line's, on PostgreSQL): what
/// clients may read, each activity numbered 1, 2, 3… in one order for the whole fleet (the number is the client's
/// watermark), stored as the JSON clients get. Only a channel that keeps its own log needs one; with none registered
/// (memory, SQLite) the channel keeps its log in process and pays no database round trip.
/// </summary>
/// <remarks>
/// Numbers and timestamps are assigned by the store, atomically, so two instances appending at once never give two
/// activities one number. An activity the client sent carries the client's own id, unique within its conversation:
/// a retried or double-sent post finds the first one (<see cref="FindByClientIdAsync"/>) instead of being stored
/// twice. Every append wakes the other instances (<see cref="ListenAsync"/>) with the conversation id only.
/// </remarks>
public interface IConversationLogStore
{
    /// <summary>Starts the conversation, or says it was already started (with who and what locale) or has ended.</summary>
    Task<ConversationLogStart> StartAsync(string conversationId, string? userId, string? locale, CancellationToken cancellationToken);

    /// <summary>
    /// The conversation and what was stored after <paramref name="watermark"/>, oldest first; <see cref="ConversationLogRead.Exists"/>
    /// is false when it was never started, was deleted or purged.
    /// </summary>
    Task<ConversationLogRead> ReadAfterAsync(string conversationId, long watermark, CancellationToken cancellationToken);

    /// <summary>The activity a client sent with <paramref name="clientActivityId"/>, if it was stored; null otherwise.</summary>
    Task<ConversationLogEntry?> FindByClientIdAsync(string conversationId, string clientActivityId, CancellationToken cancellationToken);

    /// <summary>
    /// Appends <paramref name="items"/> in order, in one transaction, each numbered and timestamped by the store (at
    /// least a millisecond after the one before), and marks the activity numbered <paramref name="handled"/> (if any)
    /// as no longer awaiting its turn. Null when the conversation does not exist (ended meanwhile).
    /// </summary>
    Task<IReadOnlyList<ConversationLogEntry>?> AppendAsync(string conversationId, IReadOnlyList<ConversationLogItem> items, long? handled, CancellationToken cancellationToken);

    /// <summary>True the first time <paramref name="userId"/> is seen in the conversation (at most 64 are remembered).</summary>
    Task<bool> TryAnnounceAsync(string conversationId, string userId, CancellationToken cancellationToken);

    /// <summary>Deletes the log ("delete my data"); the id is remembered as ended, so it is not started again. False when it was not there.</summary>
    Task<bool> DeleteAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes conversations idle for longer than <paramref name="retention"/> and older activities of the rest, and
    /// forgets ended ids after <paramref name="rememberEndedFor"/>. Run by one instance of the fleet at a time.
    /// </summary>
    Task<ConversationLogPurge> PurgeAsync(TimeSpan retention, TimeSpan rememberEndedFor, CancellationToken cancellationToken);

    /// <summary>
    /// Holds the conversation for one turn across the fleet (released on dispose, or when this instance dies), so
    /// turns of one conversation run one at a time whichever instance takes them.
    /// </summary>
    Task<IAsyncDisposable> LockAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>
    /// Until <paramref name="stopping"/>: calls <paramref name="appended"/> with the id of each conversation any
    /// instance appended to, and <paramref name="connected"/> each time the listening connection is (re)established,
    /// after which a listener re-reads what it holds (wakes may have been missed while it was down).
    /// </summary>
    Task ListenAsync(Action<string> appended, Action connected, CancellationToken stopping);
}

/// <summary>Whether a start created the conversation, found it started, or found it ended.</summary>
public enum ConversationLogStartOutcome
{
    Created,
    Existing,
    Ended,
}

/// <summary>The answer to starting a conversation, with the user and locale it was started with.</summary>
public sealed record ConversationLogStart(ConversationLogStartOutcome Outcome, string? UserId, string? Locale);

/// <summary>An activity to append: its JSON is rendered once its number and timestamp are known.</summary>
/// <param name="Render">Makes the stored JSON from the number and timestamp the store assigned.</param>
/// <param name="ClientActivityId">The client's own id for what it sent (unique within the conversation), else null.</param>
/// <param name="AwaitsTurn">A client's activity whose turn has not run yet (see <see cref="IConversationLogStore.AppendAsync"/>).</param>
public sealed record ConversationLogItem(Func<long, DateTimeOffset, byte[]> Render, string? ClientActivityId = null, bool AwaitsTurn = false);

/// <summary>A stored activity: its number (watermark), timestamp, JSON, and whether its turn is still to run.</summary>
public sealed record ConversationLogEntry(long Sequence, DateTimeOffset Timestamp, byte[] Json, bool AwaitsTurn);

/// <summary>A conversation as stored, and the activities read from it.</summary>
public sealed record ConversationLogRead(bool Exists, string? UserId, string? Locale, IReadOnlyList<ConversationLogEntry> Entries);

/// <summary>What one retention run deleted.</summary>
public sealed record ConversationLogPurge(int Conversations, int Activities);
