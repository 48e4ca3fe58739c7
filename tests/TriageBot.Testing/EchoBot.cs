using TriageBot.Runtime.Turns;
using TriageBot.Schema;

namespace TriageBot.Testing;

/// <summary>
/// A protocol test double: welcomes each person added and echoes messages, so channel tests exercise the wire
/// (addressing, ordering, retries) without depending on the triage wording.
/// </summary>
public sealed class EchoBot : ActivityHandler
{
    public const string Welcome = "Welcome to the test bot.";

    protected override Task OnMembersAddedAsync(IReadOnlyList<ChannelAccount> membersAdded, TurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(membersAdded);
        ArgumentNullException.ThrowIfNull(turnContext);
        foreach (var _ in membersAdded)
        {
            turnContext.SendActivity(Welcome);
        }

        return Task.CompletedTask;
    }

    protected override Task OnMessageActivityAsync(TurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        turnContext.SendActivity($"You said: {turnContext.Activity.Text}");
        return Task.CompletedTask;
    }
}
