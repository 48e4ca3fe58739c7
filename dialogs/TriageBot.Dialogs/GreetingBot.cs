using TriageBot.Runtime.Turns;
using TriageBot.Schema;

namespace TriageBot.Dialogs;

/// <summary>
/// Placeholder until the triage dialogs land: welcomes each person who joins and echoes messages, so the protocol
/// can be exercised end to end from the Emulator. It is replaced, echo and all, by the triage conversation.
/// </summary>
public sealed class GreetingBot : ActivityHandler
{
    public const string Welcome =
        "Hello, I am the clinic's automated assistant. I give general information about back and neck pain; " +
        "I cannot diagnose. If you have a medical emergency, call your local emergency number now.";

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
        var text = turnContext.Activity.Text;
        turnContext.SendActivity(string.IsNullOrWhiteSpace(text) ? Welcome : $"You said: {text}");
        return Task.CompletedTask;
    }
}
