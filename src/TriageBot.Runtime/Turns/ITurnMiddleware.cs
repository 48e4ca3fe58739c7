namespace TriageBot.Runtime.Turns;

/// <summary>The rest of the pipeline after a middleware.</summary>
public delegate Task TurnHandler(TurnContext turnContext, CancellationToken cancellationToken);

/// <summary>Runs around every turn: may inspect or rewrite the activity, add replies, or stop the turn.</summary>
public interface ITurnMiddleware
{
    Task OnTurnAsync(TurnContext turnContext, TurnHandler next, CancellationToken cancellationToken);
}
