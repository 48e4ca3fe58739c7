using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using TriageBot.Runtime.Turns;
using TriageBot.Schema;

namespace TriageBot.Runtime.Middleware;

/// <summary>
/// The outermost middleware. When a turn throws, it drops whatever the turn had queued, answers the user with a
/// short apology and an error id, and logs the failure by type and stack trace only: an exception message can
/// quote what the user typed, so it never reaches the log.
/// </summary>
public sealed class TurnErrorMiddleware(TurnErrorOptions options, ILogger<TurnErrorMiddleware> logger) : ITurnMiddleware
{
    public async Task OnTurnAsync(TurnContext turnContext, TurnHandler next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(turnContext, cancellationToken);
        }
        catch (Exception exception) when (!(exception is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            var errorId = NewErrorId();
            RuntimeLog.TurnFailed(logger, errorId, turnContext.Activity.Type, turnContext.Activity.Id, SafeExceptionText.Describe(exception));
            turnContext.MarkFailed();
            turnContext.ClearReplies();
            turnContext.SendActivity(MessageFactory.Text(string.Format(System.Globalization.CultureInfo.InvariantCulture, options.Message, errorId)));
            if (turnContext.Activity.Type == ActivityTypes.Invoke)
            {
                turnContext.InvokeResponse = AdaptiveCardInvoke.Error(500, "InternalError", $"Error id {errorId}");
            }
        }
    }

    private static string NewErrorId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
}

/// <summary>What the user is told when a turn fails. <c>{0}</c> is the error id.</summary>
public sealed class TurnErrorOptions
{
    public string Message { get; set; } =
        "Sorry, something went wrong on my side (error id {0}). Please try again. " +
        "If you need urgent medical help, call your local emergency number now.";
}
