using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TriageBot.Runtime.ConversationLogs;

namespace TriageBot.Channels.DirectLine;

/// <summary>
/// Direct Line conversation logs, in memory, keyed by conversation id. Thread-safe; each conversation has its own
/// lock and its live stream is fed as activities are appended. With a shared log (<see cref="IConversationLogStore"/>,
/// PostgreSQL: several instances) the log's truth is there and each conversation held here is this instance's copy
/// of it, kept up to date by <see cref="Fleet"/>; without one (memory, SQLite) nothing here touches a database.
/// Bounded: at most <see cref="DirectLineOptions.MaxConversations"/> conversations, and at most
/// <see cref="DirectLineOptions.MaxConversationsPerClient"/> started by one client (a new one evicts an evictable
/// one, the client's own first, or is refused) holding at most <see cref="DirectLineOptions.MaxTotalBytes"/> together
/// (see <see cref="DirectLineLedger"/>).
/// </summary>
public sealed class DirectLineConversationStore
{
    /// <summary>Ended conversations remembered at most; beyond it the oldest is forgotten (see <see cref="HasEnded"/>).</summary>
    private const int MaxEndedRemembered = 65_536;

    private readonly ConcurrentDictionary<string, DirectLineConversation> _conversations = new(StringComparer.Ordinal);
    private readonly DirectLineOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<DirectLineConversationStore> _logger;
    private int _count;

    // Deleted, purged and evicted conversations, each until every token that could name it has expired.
    private readonly ExpiringIdSet _ended;

    public DirectLineConversationStore(
        DirectLineOptions options, TimeProvider timeProvider, ILogger<DirectLineConversationStore>? logger = null, IConversationLogStore? shared = null)
    {
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger ?? NullLogger<DirectLineConversationStore>.Instance;
        Ledger = new DirectLineLedger(options, timeProvider);
        _ended = new ExpiringIdSet(MaxEndedRemembered, timeProvider);
        Fleet = shared is null ? null : new DirectLineFleetLog(this, shared, options, _logger);
    }

    /// <summary>The shared log and its wakes, when the logs are shared by several instances; null in one process.</summary>
    internal DirectLineFleetLog? Fleet { get; }

    /// <summary>The conversations held here (for waking them all), not counted as used.</summary>
    internal ICollection<DirectLineConversation> Held => _conversations.Values;

    /// <summary>The conversation if held here, not counted as used (a wake is not a client's request).</summary>
    internal DirectLineConversation? Peek(string conversationId) => _conversations.GetValueOrDefault(conversationId);

    /// <summary>Drops this instance's copy of a conversation (it ended elsewhere); its stream is closed.</summary>
    internal bool Drop(DirectLineConversation conversation) => Remove(conversation) is not null;

    /// <summary>Conversations held now (a counter, not a count of the dictionary, which would lock all of it).</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Bytes held by all conversations: stored activities as JSON, their files, and a fixed cost per conversation and activity.</summary>
    public long Bytes => Ledger.Bytes;

    internal DirectLineLedger Ledger { get; }

    public bool Contains(string conversationId) => _conversations.ContainsKey(conversationId);

    /// <summary>
    /// True for a conversation that was deleted, purged or evicted while tokens for it may still be valid: such a
    /// token must not start it again. (Should more than <see cref="MaxEndedRemembered"/> end within one token
    /// lifetime, the oldest are forgotten; their tokens could then only start an empty conversation, never read the
    /// old one.)
    /// </summary>
    public bool HasEnded(string conversationId) => _ended.Contains(conversationId);

    /// <summary>
    /// Deletes a conversation now ("delete my data"): its log and files go, its stream is closed, and every token
    /// and <c>streamUrl</c> for it stops working (each route finds no conversation). False when it was not held.
    /// </summary>
    public bool Delete(string conversationId)
    {
        MarkEnded(conversationId);
        return _conversations.TryGetValue(conversationId, out var conversation) && Remove(conversation) is not null;
    }

    /// <summary>
    /// Deletes what is past <see cref="DirectLineOptions.Retention"/>: conversations idle for longer are removed
    /// (their streams are closed), and older activities and files of the others are dropped.
    /// </summary>
    public DirectLinePurgeResult Purge()
    {
        var cutoff = _timeProvider.GetUtcNow() - _options.Retention;
        var conversations = 0;
        var activities = 0;
        foreach (var (_, conversation) in _conversations)
        {
            if (conversation.LastActivityAt < cutoff)
            {
                if (Remove(conversation) is { } dropped)
                {
                    activities += dropped;
                    conversations++;
                }
            }
            else
            {
                activities += conversation.DropOlderThan(cutoff);
            }
        }

        return new DirectLinePurgeResult(conversations, activities);
    }

    /// <summary>The conversation, now the most recently used; null when there is none.</summary>
    internal DirectLineConversation? Find(string conversationId)
    {
        if (!_conversations.TryGetValue(conversationId, out var conversation))
        {
            return null;
        }

        Ledger.Touch(conversation);
        return conversation;
    }

    /// <summary>A turn is running: the conversation is not evicted until this is disposed, and counts as just posted to.</summary>
    internal IDisposable Use(DirectLineConversation conversation) => Ledger.Turn(conversation);

    /// <summary>
    /// The conversation, and true if this call created it (false: it was already started). A client
    /// (<paramref name="clientKey"/>; null when not capped per client) at <see cref="DirectLineOptions.MaxConversationsPerClient"/>
    /// evicts its own evictable conversation first, else is refused (<see cref="DirectLineStart.ClientAtCap"/>). At
    /// <see cref="DirectLineOptions.MaxConversations"/> the least recently used evictable conversation of anyone's is
    /// evicted, else the start is refused. A refusal says when to try again.
    /// </summary>
    internal DirectLineStart Start(string conversationId, string? userId, string? locale, string? clientKey = null)
    {
        while (true)
        {
            if (Find(conversationId) is { } existing)
            {
                return new DirectLineStart(existing, Created: false, RetryAfter: TimeSpan.Zero);
            }

            if (!TryReserveForClient(clientKey, out var retryAfter))
            {
                var clientWait = Seconds(retryAfter);
                DirectLineLog.ClientConversationRefused(_logger, _options.MaxConversationsPerClient, clientWait);
                return new DirectLineStart(null, Created: false, retryAfter, ClientAtCap: true);
            }

            if (!TryReserveSlot(out retryAfter))
            {
                Ledger.Unreserve(clientKey);
                var wait = Seconds(retryAfter);
                DirectLineLog.ConversationRefused(_logger, _options.MaxConversations, wait);
                return new DirectLineStart(null, Created: false, retryAfter);
            }

            var created = new DirectLineConversation(conversationId, userId, locale, _options, _timeProvider, Ledger, clientKey);
            if (_conversations.TryAdd(conversationId, created))
            {
                Ledger.Join(created);
                return new DirectLineStart(created, Created: true, RetryAfter: TimeSpan.Zero);
            }

            // Started by a concurrent call: forget ours (closing it gives back its client's count) and take theirs.
            Interlocked.Decrement(ref _count);
            created.Close();
        }
    }

    private static long Seconds(TimeSpan retryAfter) => (long)Math.Ceiling(retryAfter.TotalSeconds);

    /// <summary>Counts the newcomer against its client, evicting the client's own evictable conversations as needed.</summary>
    private bool TryReserveForClient(string? clientKey, out TimeSpan retryAfter)
    {
        while (!Ledger.TryReserve(clientKey, out var victim, out retryAfter))
        {
            if (victim is null)
            {
                return false;
            }

            Evict(victim);
        }

        return true;
    }

    /// <summary>Takes one of the <see cref="DirectLineOptions.MaxConversations"/> places, evicting as needed.</summary>
    private bool TryReserveSlot(out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        while (Interlocked.Increment(ref _count) > _options.MaxConversations)
        {
            Interlocked.Decrement(ref _count);
            if (!TryEvictOne(out retryAfter))
            {
                return false;
            }
        }

        return true;
    }

    private bool TryEvictOne(out TimeSpan retryAfter)
    {
        while (Ledger.TakeEvictable(out retryAfter) is { } victim)
        {
            if (Evict(victim))
            {
                return true;
            }
        }

        return false;
    }

    private bool Evict(DirectLineConversation victim)
    {
        var idleFor = _timeProvider.GetUtcNow() - victim.LastActivityAt;
        if (Remove(victim) is null)
        {
            return false;
        }

        DirectLineLog.ConversationEvicted(_logger, victim.LogId, (long)idleFor.TotalSeconds);
        return true;
    }

    /// <summary>Removes the conversation if it is still the one held under its id; returns how many activities went with it.</summary>
    private int? Remove(DirectLineConversation conversation)
    {
        MarkEnded(conversation.Id);
        if (!_conversations.TryRemove(KeyValuePair.Create(conversation.Id, conversation)))
        {
            return null;
        }

        Interlocked.Decrement(ref _count);
        return conversation.Close();
    }

    /// <summary>Remembered for one token lifetime: no token issued before now outlives that.</summary>
    private void MarkEnded(string conversationId) => _ended.Add(conversationId, _timeProvider.GetUtcNow() + _options.TokenLifetime);
}

/// <summary>What one retention run deleted.</summary>
public sealed record DirectLinePurgeResult(int Conversations, int Activities);

/// <summary>
/// The answer to starting a conversation: it (null when refused), whether it is new, when to retry, and whether the
/// refusal was the client's own cap (else the server's).
/// </summary>
internal sealed record DirectLineStart(DirectLineConversation? Conversation, bool Created, TimeSpan RetryAfter, bool ClientAtCap = false, bool Ended = false);
