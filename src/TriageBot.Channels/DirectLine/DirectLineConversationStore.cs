using System.Collections.Concurrent;

namespace TriageBot.Channels.DirectLine;

/// <summary>
/// Direct Line conversation logs, in memory, keyed by conversation id. Thread-safe; each conversation has its own
/// lock and its live stream is fed as activities are appended. One process only: several instances behind a load
/// balancer need a shared log (the planned PostgreSQL store, with LISTEN/NOTIFY to wake streams elsewhere).
/// </summary>
public sealed class DirectLineConversationStore(DirectLineOptions options, TimeProvider timeProvider)
{
    /// <summary>Ended conversations remembered at most; beyond it the oldest is forgotten (see <see cref="HasEnded"/>).</summary>
    private const int MaxEndedRemembered = 65_536;

    private readonly ConcurrentDictionary<string, DirectLineConversation> _conversations = new(StringComparer.Ordinal);

    // Deleted and purged conversations, each until every token that could name it has expired.
    private readonly ExpiringIdSet _ended = new(MaxEndedRemembered, timeProvider);

    /// <summary>Conversations held now.</summary>
    public int Count => _conversations.Count;

    public bool Contains(string conversationId) => _conversations.ContainsKey(conversationId);

    /// <summary>
    /// True for a conversation that was deleted or purged while tokens for it may still be valid: such a token must
    /// not start it again. (Should more than <see cref="MaxEndedRemembered"/> end within one token lifetime, the
    /// oldest are forgotten; their tokens could then only start an empty conversation, never read the old one.)
    /// </summary>
    public bool HasEnded(string conversationId) => _ended.Contains(conversationId);

    /// <summary>
    /// Deletes a conversation now ("delete my data"): its log and files go, its stream is closed, and every token
    /// and <c>streamUrl</c> for it stops working (each route finds no conversation). False when it was not held.
    /// </summary>
    public bool Delete(string conversationId)
    {
        MarkEnded(conversationId);
        if (!_conversations.TryRemove(conversationId, out var conversation))
        {
            return false;
        }

        conversation.Close();
        return true;
    }

    /// <summary>
    /// Deletes what is past <see cref="DirectLineOptions.Retention"/>: conversations idle for longer are removed
    /// (their streams are closed), and older activities and files of the others are dropped.
    /// </summary>
    public DirectLinePurgeResult Purge()
    {
        var cutoff = timeProvider.GetUtcNow() - options.Retention;
        var conversations = 0;
        var activities = 0;
        foreach (var (id, conversation) in _conversations)
        {
            if (conversation.LastActivityAt < cutoff)
            {
                MarkEnded(id);
                if (_conversations.TryRemove(KeyValuePair.Create(id, conversation)))
                {
                    activities += conversation.Close();
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

    /// <summary>Remembered for one token lifetime: no token issued before now outlives that.</summary>
    private void MarkEnded(string conversationId) => _ended.Add(conversationId, timeProvider.GetUtcNow() + options.TokenLifetime);

    internal DirectLineConversation? Find(string conversationId) =>
        _conversations.TryGetValue(conversationId, out var conversation) ? conversation : null;

    /// <summary>The conversation, and true if this call created it (false: it was already started).</summary>
    internal (DirectLineConversation Conversation, bool Created) Start(string conversationId, string? userId, string? locale)
    {
        while (true)
        {
            if (_conversations.TryGetValue(conversationId, out var existing))
            {
                return (existing, false);
            }

            var created = new DirectLineConversation(conversationId, userId, locale, options, timeProvider);
            if (_conversations.TryAdd(conversationId, created))
            {
                return (created, true);
            }
        }
    }
}

/// <summary>What one retention run deleted.</summary>
public sealed record DirectLinePurgeResult(int Conversations, int Activities);
