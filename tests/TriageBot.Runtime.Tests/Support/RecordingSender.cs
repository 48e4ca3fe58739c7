using System.Collections.Concurrent;
using TriageBot.Runtime.Turns;
using TriageBot.Schema;

namespace TriageBot.Runtime.Tests.Support;

/// <summary>
/// The channel's "send now" path: records what it is given and signals the first typing indicator, so a test can
/// wait for it instead of sleeping.
/// </summary>
internal sealed class RecordingSender(Action<Activity>? onSend = null) : IActivitySender
{
    private readonly ConcurrentQueue<Activity> _sent = new();

    public IReadOnlyList<Activity> Sent => [.. _sent];

    /// <summary>The token each send was given: the typing loop's, which the turn cancels when it ends.</summary>
    public CancellationToken LastToken { get; private set; }

    /// <summary>Completes when the first <c>typing</c> activity has been sent.</summary>
    public TaskCompletionSource TypingSent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task SendNowAsync(Activity activity, CancellationToken cancellationToken)
    {
        onSend?.Invoke(activity);
        LastToken = cancellationToken;
        _sent.Enqueue(activity);
        if (activity.Type == ActivityTypes.Typing)
        {
            TypingSent.TrySetResult();
        }

        return Task.CompletedTask;
    }
}
