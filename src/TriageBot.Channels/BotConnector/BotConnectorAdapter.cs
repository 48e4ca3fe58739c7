using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using TriageBot.Channels.BotConnector.Authentication;
using TriageBot.Runtime.Turns;
using TriageBot.Schema;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace TriageBot.Channels.BotConnector;

/// <summary>
/// HTTP ↔ turn for the Bot Connector protocol (Azure Bot Service channels such as Teams, and the Emulator):
/// read and check the activity, authenticate, run the turn, then deliver its replies to the channel's
/// <c>serviceUrl</c> (or return them in the body for <c>expectReplies</c>) and answer the request.
/// </summary>
public sealed class BotConnectorAdapter(
    IInboundAuthenticator authenticator,
    TurnRunner turns,
    ConnectorClientFactory connectorClients,
    BotConnectorOptions options,
    ILogger<BotConnectorAdapter> logger)
{
    public async Task<IResult> ProcessAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var read = await ActivityRequestReader.ReadAsync(request, options.MaxBodyBytes, cancellationToken);
        if (read.Activity is not { } activity)
        {
            ChannelsLog.ActivityRejected(logger, read.Status, read.Title ?? "unknown");
            return Results.Problem(statusCode: read.Status, title: read.Title, detail: read.Detail);
        }

        var auth = await authenticator.AuthenticateAsync(request.Headers.Authorization.ToString(), activity, cancellationToken);
        if (!auth.Succeeded)
        {
            ChannelsLog.Unauthorized(logger, activity.ChannelId, auth.FailureReason);
            return Results.Unauthorized();
        }

        // callerId is ours to set after authentication, never the caller's to claim.
        activity = activity with { CallerId = auth.CallerId };
        return await RunTurnAsync(activity, cancellationToken);
    }

    private async Task<IResult> RunTurnAsync(Activity activity, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var expectReplies = activity.DeliveryMode == DeliveryModes.ExpectReplies;
        var client = expectReplies || string.IsNullOrEmpty(activity.ServiceUrl) ? null : connectorClients.Create();
        TurnResult turn;
        try
        {
            turn = await turns.RunAsync(activity, client is null ? null : new ConnectorActivitySender(client), cancellationToken);
        }
        catch (StateConflictException)
        {
            // Another instance kept winning the race for this conversation; nothing was saved or sent.
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Busy",
                detail: "The conversation is being updated elsewhere; send the activity again.");
        }

        var result = expectReplies
            ? Results.Json(new ExpectedReplies(turn.Replies), SchemaJsonContext.Default.ExpectedReplies)
            : await DeliverAsync(client, turn, cancellationToken) ?? InvokeOrOk(activity, turn);

        var status = result is IStatusCodeHttpResult { StatusCode: { } code } ? code : StatusCodes.Status200OK;
        var elapsedMs = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        ChannelsLog.TurnCompleted(logger, activity.ChannelId, activity.Type, activity.Id, turn.Replies.Count, status, elapsedMs);
        return result;
    }

    /// <summary>Posts the replies in order; returns a 502 problem if the channel would not take one.</summary>
    private static async Task<IResult?> DeliverAsync(ConnectorClient? client, TurnResult turn, CancellationToken cancellationToken)
    {
        if (turn.Replies.Count == 0)
        {
            return null;
        }

        if (client is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Missing serviceUrl",
                detail: "The activity has no serviceUrl to deliver replies to; send it with deliveryMode 'expectReplies' or a serviceUrl.");
        }

        foreach (var reply in turn.Replies)
        {
            try
            {
                await client.SendAsync(reply, retryTransient: true, cancellationToken);
            }
            catch (ConnectorException e)
            {
                return Results.Problem(statusCode: StatusCodes.Status502BadGateway, title: "Reply not delivered",
                    detail: $"The channel at serviceUrl did not accept the bot's reply (status {e.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unreachable"}).");
            }
        }

        return null;
    }

    private static IResult InvokeOrOk(Activity activity, TurnResult turn)
    {
        if (activity.Type != ActivityTypes.Invoke)
        {
            return Results.Ok();
        }

        return turn.InvokeResponse is { } invoke
            ? new InvokeResult(invoke)
            : Results.StatusCode(StatusCodes.Status501NotImplemented);
    }
}
