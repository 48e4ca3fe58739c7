using TriageBot.Runtime.Turns;

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
}
