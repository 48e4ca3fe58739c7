using TriageBot.Runtime.Turns;
using TriageBot.Schema;

namespace TriageBot.Runtime.Dialogs;

/// <summary>A bot whose every message (and start event) is handled by a <see cref="DialogManager"/>.</summary>
public class DialogBot(DialogManager dialogs) : ActivityHandler
{
    protected DialogManager Dialogs { get; } = dialogs;

    protected override Task OnMessageActivityAsync(TurnContext turnContext, CancellationToken cancellationToken) =>
        Dialogs.OnTurnAsync(turnContext, cancellationToken);

    protected override Task OnEventActivityAsync(TurnContext turnContext, CancellationToken cancellationToken) =>
        Dialogs.OnTurnAsync(turnContext, cancellationToken);

    protected override Task OnEndOfConversationActivityAsync(TurnContext turnContext, CancellationToken cancellationToken) =>
        Dialogs.OnTurnAsync(turnContext, cancellationToken);

    /// <summary>Builds a message activity for tests and tools.</summary>
    public static Activity Message(string text) => MessageFactory.Text(text);
}
