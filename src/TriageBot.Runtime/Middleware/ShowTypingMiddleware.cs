using TriageBot.Runtime.Turns;
using TriageBot.Schema;

namespace TriageBot.Runtime.Middleware;

/// <summary>
/// Shows "typing…" when a message turn takes longer than <see cref="ShowTypingOptions.Delay"/>, repeated every
/// <see cref="ShowTypingOptions.Period"/> until the turn ends. The indicator loop is stopped and awaited before
/// the turn returns, so a typing activity can never arrive after the answer it announced.
/// </summary>
public sealed class ShowTypingMiddleware(ShowTypingOptions options, TimeProvider timeProvider) : ITurnMiddleware
{
    public async Task OnTurnAsync(TurnContext turnContext, TurnHandler next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        if (turnContext.Activity.Type != ActivityTypes.Message || turnContext.Sender is null)
        {
            await next(turnContext, cancellationToken);
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var typing = SendTypingUntilStoppedAsync(turnContext, stop.Token);
        try
        {
            await next(turnContext, cancellationToken);
        }
        finally
        {
            await stop.CancelAsync();
            await typing;
        }
    }

    private async Task SendTypingUntilStoppedAsync(TurnContext turnContext, CancellationToken stop)
    {
        try
        {
            await Task.Delay(options.Delay, timeProvider, stop);
            while (!stop.IsCancellationRequested)
            {
                await turnContext.Sender!.SendNowAsync(turnContext.Address(MessageFactory.Typing()), stop);
                await Task.Delay(options.Period, timeProvider, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The turn finished: the normal way out.
        }
        catch (Exception)
        {
            // A lost typing indicator is cosmetic; the turn's replies are delivered (and retried) separately. Whatever
            // the sender threw (the connector's own exception, an HTTP failure, a client timeout) must not fail the
            // turn or hide the bot's own exception when the finally block awaits this loop.
        }
    }
}

/// <summary>When and how often the typing indicator is sent.</summary>
public sealed class ShowTypingOptions
{
    public TimeSpan Delay { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan Period { get; set; } = TimeSpan.FromSeconds(3);
}
