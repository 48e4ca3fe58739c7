using System.Collections.Concurrent;
using TriageBot.Runtime.Turns;
using TriageBot.Schema;

namespace TriageBot.Channels.Tests.BotConnector;

/// <summary>
/// A bot that keeps every activity its turns receive, so a test can check what the adapter handed the bot (not only
/// what came back on the wire, which never carries the inbound fields).
/// </summary>
internal sealed class ActivityRecorder : IBot
{
    private readonly ConcurrentQueue<Activity> _received = new();

    public IReadOnlyList<Activity> Received => [.. _received];

    public Task OnTurnAsync(TurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        _received.Enqueue(turnContext.Activity);
        return Task.CompletedTask;
    }
}
