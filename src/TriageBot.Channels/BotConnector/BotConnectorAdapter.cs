using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TriageBot.Channels.BotConnector.Authentication;
using TriageBot.Runtime.Turns;
using TriageBot.Schema;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace TriageBot.Channels.BotConnector;

/// <summary>
/// HTTP ↔ turn for the Bot Connector protocol (Azure Bot Service channels such as Teams, and the Emulator):
/// check who is calling, read and check the activity, authenticate, run the turn, then deliver its replies to the
/// channel's <c>serviceUrl</c> (or return them in the body for <c>expectReplies</c>) and answer the request.
/// </summary>
public sealed class BotConnectorAdapter(
    IInboundAuthenticator authenticator,
    TurnRunner turns,
    ConnectorClientFactory connectorClients,
    IOptions<BotConnectorOptions> options,
    BotConnectorAccess access,
    PrivateChatHandOff privateChats,
    ILogger<BotConnectorAdapter> logger)
{
    public async Task<IResult> ProcessAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (RefuseCaller(request) is { } refused)
        {
            return refused;
        }

        var read = await ActivityRequestReader.ReadAsync(request, options.Value.MaxBodyBytes, cancellationToken);
        if (read.Activity is not { } activity)
        {
            return Reject(read.Status, read.Title ?? "unknown", read.Detail);
        }

        var auth = await authenticator.AuthenticateAsync(request.Headers.Authorization.ToString(), activity, cancellationToken);
        if (!auth.Succeeded)
        {
            ChannelsLog.Unauthorized(logger, activity.ChannelId, auth.FailureReason);
            return Problem(StatusCodes.Status401Unauthorized, "Unauthorized", "A valid Bot Framework token is required.");
        }

        if (RefuseServiceUrl(activity) is { } badServiceUrl)
        {
            return badServiceUrl;
        }

        // callerId is ours to set after authentication, never the caller's to claim.
        activity = activity with { CallerId = auth.CallerId };
        return await RunTurnAsync(activity, cancellationToken);
    }

    /// <summary>
    /// Before reading anything: with no app id outside Development (and no AllowAnonymous) nobody may call; in
    /// anonymous mode only this machine may, since a tokenless caller could otherwise claim any user's ids.
    /// </summary>
    private IResult? RefuseCaller(HttpRequest request) => access.Mode switch
    {
        BotConnectorMode.Disabled => Reject(StatusCodes.Status401Unauthorized, "Unauthorized", "A valid Bot Framework token is required.", "endpoint disabled"),
        BotConnectorMode.Anonymous when !LoopbackAddresses.IsLoopback(request.HttpContext.Connection.RemoteIpAddress) =>
            Reject(StatusCodes.Status403Forbidden, "Forbidden", "Without authentication, only requests from this machine are accepted.", "anonymous caller not on loopback"),
        _ => null,
    };

    /// <summary>
    /// Replies go to <c>serviceUrl</c>. It must be an absolute http(s) URL; without authentication it must also be
    /// loopback, or a stranger could make the bot POST to any host (an open relay and a port scanner).
    /// </summary>
    private IResult? RefuseServiceUrl(Activity activity)
    {
        if (string.IsNullOrEmpty(activity.ServiceUrl))
        {
            return null;
        }

        if (!LoopbackAddresses.TryParseServiceUrl(activity.ServiceUrl, out _))
        {
            return Reject(StatusCodes.Status400BadRequest, "Invalid serviceUrl", "The serviceUrl must be an absolute http or https URL.");
        }

        return access.Mode == BotConnectorMode.Anonymous && !LoopbackAddresses.IsLoopbackServiceUrl(activity.ServiceUrl)
            ? Reject(StatusCodes.Status400BadRequest, "serviceUrl not allowed",
                "Without authentication, replies go only to a loopback serviceUrl (http://localhost, 127.0.0.1 or [::1], no user info, query or fragment).")
            : null;
    }

    private IResult Reject(int status, string title, string? detail, string? reason = null)
    {
        ChannelsLog.ActivityRejected(logger, status, reason ?? title);
        return Problem(status, title, detail);
    }

    private static IResult Problem(int status, string title, string? detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail);

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

        if (turn.PrivateChat is { } privateChat)
        {
            // A shared Teams chat: the private chat opens first, then this chat hears only a neutral line.
            var line = await privateChats.HandOffAsync(activity, privateChat, client, cancellationToken);
            turn = turn with { Replies = [.. turn.Replies, line] };
        }

        var result = expectReplies
            ? new ExpectedRepliesResult(turn.Replies)
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
            catch (ConnectorException)
            {
                // Nothing about the upstream (status, body, host, exception): the caller chose the serviceUrl.
                return Problem(StatusCodes.Status502BadGateway, "Reply not delivered", "The channel did not accept the bot's reply.");
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
