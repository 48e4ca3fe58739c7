namespace TriageBot.Runtime.Turns;

/// <summary>The bot: handles one turn. Everything it wants to say goes into the turn's outbox.</summary>
public interface IBot
{
    Task OnTurnAsync(TurnContext turnContext, CancellationToken cancellationToken);
}
