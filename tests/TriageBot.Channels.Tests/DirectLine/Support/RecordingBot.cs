using System.Collections.Concurrent;
using TriageBot.Runtime.Turns;
using TriageBot.Schema;

namespace TriageBot.Channels.Tests.DirectLine.Support;

/// <summary>
/// The bot for Direct Line tests: records every activity it is given, welcomes each member added, and echoes.
/// Scripted words: "typing" sends a typing indicator at once (through the turn's sender) and one in the outbox
/// before answering; "throw" fails the turn (the runtime's error middleware turns that into an apology).
/// </summary>
public sealed class RecordingBot : ActivityHandler
{
    public const string Welcome = "Welcome to the test bot.";

    private readonly ConcurrentQueue<Activity> _received = new();

    public IReadOnlyList<Activity> Received => [.. _received];

    public override Task OnTurnAsync(TurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        _received.Enqueue(turnContext.Activity);
        return base.OnTurnAsync(turnContext, cancellationToken);
    }

    protected override Task OnMembersAddedAsync(IReadOnlyList<ChannelAccount> membersAdded, TurnContext turnContext, CancellationToken cancellationToken)
    {
        foreach (var _ in membersAdded)
        {
            turnContext.SendActivity(Welcome);
        }

        return Task.CompletedTask;
    }

    protected override async Task OnMessageActivityAsync(TurnContext turnContext, CancellationToken cancellationToken)
    {
        switch (turnContext.Activity.Text)
        {
            case "throw":
                throw new InvalidOperationException("scripted failure");
            case "typing":
                await turnContext.Sender!.SendNowAsync(turnContext.Address(MessageFactory.Typing()), cancellationToken);
                turnContext.SendActivity(MessageFactory.Typing());
                turnContext.SendActivity("done typing");
                break;
            default:
                var files = turnContext.Activity.Attachments?.Count ?? 0;
                turnContext.SendActivity(files > 0 ? $"Got {files} files" : $"You said: {turnContext.Activity.Text}");
                break;
        }
    }
}
