namespace TriageBot.Runtime.Turns;

/// <summary>Middleware, in registration order, around the bot. The first registered runs outermost.</summary>
public sealed class TurnPipeline
{
    private readonly TurnHandler _run;

    public TurnPipeline(IEnumerable<ITurnMiddleware> middleware, IBot bot)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        ArgumentNullException.ThrowIfNull(bot);
        TurnHandler next = bot.OnTurnAsync;
        foreach (var m in middleware.Reverse())
        {
            var inner = next;
            next = (context, ct) => m.OnTurnAsync(context, inner, ct);
        }

        _run = next;
    }

    public Task RunAsync(TurnContext turnContext, CancellationToken cancellationToken) => _run(turnContext, cancellationToken);
}
