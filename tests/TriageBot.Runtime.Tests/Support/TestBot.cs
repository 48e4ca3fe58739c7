using TriageBot.Runtime.Turns;

namespace TriageBot.Runtime.Tests.Support;

/// <summary>A bot whose whole turn is the given delegate.</summary>
internal sealed class TestBot(Func<TurnContext, CancellationToken, Task> onTurn) : IBot
{
    public TestBot(Action<TurnContext> onTurn)
        : this((turn, _) =>
        {
            onTurn(turn);
            return Task.CompletedTask;
        })
    {
    }

    /// <summary>A bot that answers every turn with one message.</summary>
    public static TestBot Replying(string text) => new(turn => turn.SendActivity(text));

    public Task OnTurnAsync(TurnContext turnContext, CancellationToken cancellationToken) => onTurn(turnContext, cancellationToken);
}

/// <summary>A middleware whose body is the given delegate.</summary>
internal sealed class TestMiddleware(Func<TurnContext, TurnHandler, CancellationToken, Task> onTurn) : ITurnMiddleware
{
    public Task OnTurnAsync(TurnContext turnContext, TurnHandler next, CancellationToken cancellationToken) =>
        onTurn(turnContext, next, cancellationToken);
}
