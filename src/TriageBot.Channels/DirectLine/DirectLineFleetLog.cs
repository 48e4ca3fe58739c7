using System.Text.Json;
using Microsoft.Extensions.Logging;
using TriageBot.Runtime.ConversationLogs;
using TriageBot.Schema;

namespace TriageBot.Channels.DirectLine;

/// <summary>
/// Direct Line across instances: the shared log (<see cref="IConversationLogStore"/>) holds every conversation and
/// numbers every activity; the conversations held by this instance's <see cref="DirectLineConversationStore"/> are
/// copies of it that feed the streams open here. A copy catches up (reads what was stored after its newest number)
/// whenever a request reaches it, whenever another instance appends (a wake), and for all of them whenever the
/// listening connection comes back, so a stream on any instance gets every activity once and in order.
/// </summary>
internal sealed class DirectLineFleetLog(DirectLineConversationStore store, IConversationLogStore shared, DirectLineOptions options, ILogger logger)
{
    public IConversationLogStore Shared => shared;

    /// <summary>
    /// Starts the conversation in the shared log (or finds it started, or ended: then nothing is held here) and
    /// holds a copy of it here, caught up. <see cref="DirectLineStart.Created"/> is the shared log's answer: only
    /// the instance that created it welcomes the user.
    /// </summary>
    public async Task<DirectLineStart> StartAsync(string conversationId, string? userId, string? locale, string? clientKey, CancellationToken cancellationToken)
    {
        var started = await shared.StartAsync(conversationId, userId, locale, cancellationToken);
        if (started.Outcome == ConversationLogStartOutcome.Ended)
        {
            return new DirectLineStart(null, Created: false, TimeSpan.Zero, Ended: true);
        }

        var local = store.Start(conversationId, started.UserId, started.Locale, clientKey);
        if (local.Conversation is not { } conversation)
        {
            return local;
        }

        var created = started.Outcome == ConversationLogStartOutcome.Created;
        if (!created && !await CatchUpAsync(conversation, cancellationToken))
        {
            return new DirectLineStart(null, Created: false, TimeSpan.Zero, Ended: true);
        }

        return local with { Created = created };
    }

    /// <summary>
    /// The conversation, caught up with the shared log (held here from now on if it was not); null when it does not
    /// exist there (never started, deleted, purged), and then any copy held here is dropped and its stream closed.
    /// </summary>
    public async Task<DirectLineConversation?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (store.Find(conversationId) is { } held)
        {
            return await CatchUpAsync(held, cancellationToken) ? held : null;
        }

        var read = await shared.ReadAfterAsync(conversationId, 0, cancellationToken);
        if (!read.Exists)
        {
            return null;
        }

        // Started on another instance: hold a copy here, counted as every conversation is (no client: it was
        // counted where it started). A full instance answers as if it were gone, as a start would be refused.
        if (store.Start(conversationId, read.UserId, read.Locale).Conversation is not { } conversation)
        {
            return null;
        }

        Apply(conversation, read.Entries, readAfterNewest: true);
        return conversation.IsClosed ? null : conversation;
    }

    /// <summary>Reads what the shared log stored after the copy's newest activity; false (and the copy dropped) when the conversation is gone.</summary>
    public async Task<bool> CatchUpAsync(DirectLineConversation conversation, CancellationToken cancellationToken)
    {
        while (true)
        {
            var read = await shared.ReadAfterAsync(conversation.Id, conversation.Sequence, cancellationToken);
            if (!read.Exists)
            {
                store.Drop(conversation);
                return false;
            }

            if (Apply(conversation, read.Entries, readAfterNewest: true))
            {
                return !conversation.IsClosed;
            }
        }
    }

    /// <summary>
    /// Appends bot or client activities to the shared log, then to the copy here (and its stream), and answers each
    /// as clients see it. <paramref name="handled"/>: the client activity whose turn these replies end. Null when the
    /// conversation is gone.
    /// </summary>
    public async Task<DirectLineAppended?> AppendAsync(
        DirectLineConversation conversation,
        IReadOnlyList<Activity> activities,
        long? handled,
        CancellationToken cancellationToken,
        string? clientActivityId = null,
        IReadOnlyList<DirectLineFile>? files = null)
    {
        var stored = new Activity[activities.Count];
        var items = new ConversationLogItem[activities.Count];
        for (var i = 0; i < activities.Count; i++)
        {
            var index = i;
            items[i] = new ConversationLogItem(
                (sequence, timestamp) =>
                {
                    stored[index] = activities[index] with { Id = DirectLineIds.ActivityId(conversation.Id, sequence), Timestamp = timestamp };
                    return JsonSerializer.SerializeToUtf8Bytes(stored[index], SchemaJsonContext.Default.Activity);
                },
                clientActivityId,
                AwaitsTurn: clientActivityId is not null);
        }

        if (items.Length == 0 && handled is null)
        {
            return new DirectLineAppended([], 0);
        }

        var entries = await shared.AppendAsync(conversation.Id, items, handled, cancellationToken);
        if (entries is null)
        {
            store.Drop(conversation);
            return null;
        }

        // Uploaded files stay with this instance's copy (the one that received them); the log holds the activity.
        // The copy was caught up under the turn's lock, so the first entry follows on (else the files would be lost).
        if (entries.Count > 0 && files is { Count: > 0 })
        {
            conversation.TryApply(entries[0].Sequence, entries[0].Timestamp, entries[0].Json, files);
        }

        if (!Apply(conversation, entries))
        {
            await CatchUpAsync(conversation, cancellationToken);
        }

        return new DirectLineAppended(stored, entries.Count > 0 ? entries[0].Sequence : 0);
    }

    /// <summary>"Delete my data": the shared log forgets it (every instance drops its copy on the wake), and so does this one.</summary>
    public async Task<bool> DeleteAsync(DirectLineConversation conversation, CancellationToken cancellationToken)
    {
        var deleted = await shared.DeleteAsync(conversation.Id, cancellationToken);
        return store.Drop(conversation) | deleted;
    }

    /// <summary>Another instance appended to (or deleted) a conversation: if a copy is held here, it catches up.</summary>
    public void Wake(string conversationId)
    {
        if (store.Peek(conversationId) is { } conversation)
        {
            _ = WakeAsync(conversation);
        }
    }

    /// <summary>The listening connection is (back) up: wakes may have been missed, so every copy catches up.</summary>
    public void WakeAll()
    {
        foreach (var conversation in store.Held)
        {
            _ = WakeAsync(conversation);
        }
    }

    private async Task WakeAsync(DirectLineConversation conversation)
    {
        if (!conversation.TryBeginWake())
        {
            return;
        }

        try
        {
            do
            {
                conversation.StartWakeRead();
                await CatchUpAsync(conversation, CancellationToken.None);
            }
            while (conversation.EndWakeRead());
        }
        catch (Exception e)
        {
            // The next request, wake or reconnect reads again; the stream has lost nothing, only waited.
            DirectLineLog.WakeFailed(logger, conversation.LogId, e.GetType().Name);
            conversation.EndWakeRead();
        }
    }

    /// <summary>
    /// True when every entry was applied (or was already here); false when some came after a gap. Entries read as
    /// everything after the copy's newest (<paramref name="readAfterNewest"/>) have no gap but purged ones.
    /// </summary>
    private static bool Apply(DirectLineConversation conversation, IEnumerable<ConversationLogEntry> entries, bool readAfterNewest = false)
    {
        foreach (var entry in entries)
        {
            if (!conversation.TryApply(entry.Sequence, entry.Timestamp, entry.Json, readAfterNewest: readAfterNewest))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>How long the shared purge's lease lasts: the next run renews it, so a dead holder is replaced within two intervals.</summary>
    public TimeSpan LeaseTerm => options.PurgeInterval * 2;
}

/// <summary>Activities appended to the shared log, as clients see them, and the number of the first.</summary>
internal sealed record DirectLineAppended(IReadOnlyList<Activity> Activities, long FirstSequence);
