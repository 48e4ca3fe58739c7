using Microsoft.Extensions.Logging;
using TriageBot.Runtime.State;
using TriageBot.Runtime.Telemetry;
using TriageBot.Schema;

namespace TriageBot.Runtime.Turns;

/// <summary>
/// A turn as a function (old state, activity) → (new state, replies), after Bot Builder's scale-out sample:
/// load the state with its eTags, run the pipeline, save with those eTags, and only then hand the replies to the
/// channel. If another process saved first, the whole turn re-runs on fresh state (bounded), so no update is lost
/// and no reply is sent twice. Turns of one conversation are serialized inside this process. Each turn is counted
/// and timed in <see cref="TriageMetrics"/> when the host provides them.
/// </summary>
public sealed class TurnRunner(IStateStore store, TurnPipeline pipeline, TurnRunnerOptions options, ILogger<TurnRunner> logger, TriageMetrics? metrics = null)
{
    private readonly KeyedLock _conversations = new();

    public async Task<TurnResult> RunAsync(Activity activity, IActivitySender? sender, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var failed = true;
        try
        {
            (var result, failed) = await RunTurnAsync(activity, sender, cancellationToken);
            return result;
        }
        finally
        {
            metrics?.TurnCompleted(activity.ChannelId, failed, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>The turn itself; also says whether it failed (the error middleware apologised instead).</summary>
    private async Task<(TurnResult Result, bool Failed)> RunTurnAsync(Activity activity, IActivitySender? sender, CancellationToken cancellationToken)
    {
        if (StateKeys.For(activity) is not { } keys)
        {
            // Nothing to key state on: the turn runs, but cannot remember anything.
            var stateless = new TurnContext(activity, sender);
            await pipeline.RunAsync(stateless, cancellationToken);
            return (Result(stateless), stateless.Failed);
        }

        using var _ = await _conversations.AcquireAsync(keys.Conversation, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var state = await LoadAsync(keys, activity.Conversation?.IsGroup == true, cancellationToken);
            var turn = new TurnContext(activity, sender, state);
            await pipeline.RunAsync(turn, cancellationToken);
            if (turn.Failed || await TrySaveAsync(state, cancellationToken))
            {
                return (Result(turn), turn.Failed);
            }

            RuntimeLog.StateConflict(logger, StateKeyHash.Compute(keys.Conversation), attempt);
            if (attempt >= options.MaxConflictRetries)
            {
                throw new StateConflictException(attempt);
            }
        }
    }

    /// <summary>A failed turn saved nothing (its state deletion included), so it asks the channel for nothing either.</summary>
    private static TurnResult Result(TurnContext turn) =>
        new(turn.Replies, turn.InvokeResponse, turn.ConversationForgotten && !turn.Failed, turn.Failed ? null : turn.PrivateChat);

    private async Task<TurnState> LoadAsync(StateKeys keys, bool isGroup, CancellationToken cancellationToken)
    {
        var conversation = new StateScope(keys.Conversation, await store.ReadAsync(keys.Conversation, cancellationToken));
        var user = new StateScope(keys.User, await store.ReadAsync(keys.User, cancellationToken));
        var privateConversation = isGroup
            ? new StateScope(keys.PrivateConversation, await store.ReadAsync(keys.PrivateConversation, cancellationToken))
            : null;
        return new TurnState(conversation, user, privateConversation);
    }

    /// <summary>Saves the primary document with its eTag (false on conflict), then merges the others by property.</summary>
    private async Task<bool> TrySaveAsync(TurnState state, CancellationToken cancellationToken)
    {
        if (!await TryWriteAsync(state.Primary, cancellationToken))
        {
            return false;
        }

        foreach (var scope in state.Secondary)
        {
            for (var attempt = 1; !await TryWriteAsync(scope, cancellationToken); attempt++)
            {
                if (attempt >= options.MaxConflictRetries)
                {
                    throw new StateConflictException(attempt);
                }

                scope.Rebase(await store.ReadAsync(scope.Key, cancellationToken));
            }
        }

        return true;
    }

    private async Task<bool> TryWriteAsync(StateScope scope, CancellationToken cancellationToken)
    {
        if (scope.IsDeleted)
        {
            // Deleting someone's data is not subject to a race: whatever was there goes.
            await store.DeleteAsync(scope.Key, cancellationToken);
            return true;
        }

        if (scope.PendingJson() is not { } json)
        {
            return true;
        }

        if (await store.WriteAsync(scope.Key, json, scope.ETag, cancellationToken) is StateWrite.Written written)
        {
            scope.Saved(json, written.ETag);
            return true;
        }

        return false;
    }
}

/// <summary>How often a turn is re-run when another process saved the same conversation first.</summary>
public sealed class TurnRunnerOptions
{
    public int MaxConflictRetries { get; set; } = 3;
}

/// <summary>The state kept changing under this turn; it was not saved and nothing was sent.</summary>
public sealed class StateConflictException : Exception
{
    public StateConflictException()
    {
    }

    public StateConflictException(string message)
        : base(message)
    {
    }

    public StateConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StateConflictException(int attempts)
        : base($"State changed under the turn {attempts} times; giving up.")
    {
    }
}
