using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TriageBot.Runtime.State;

namespace TriageBot.Channels.DirectLine;

/// <summary>
/// The WebSocket behind <c>streamUrl</c>. Browsers cannot put a header on the upgrade, so the credential is the
/// short-lived stream token in <c>t=</c>, good for one connect; a browser's <c>Origin</c> must be this service's own
/// or an allowed one. DirectLineJS reconnects through <c>GET conversations/{id}</c>, which hands out a new URL.
/// </summary>
internal sealed class DirectLineStreamHandler(
    DirectLineAuthenticator authenticator,
    DirectLineConversationStore store,
    DirectLineOptions options,
    TimeProvider timeProvider,
    IHostApplicationLifetime lifetime,
    ILogger<DirectLineStreamHandler> logger)
{
    public async Task HandleAsync(HttpContext context)
    {
        var conversationId = context.GetRouteValue("conversationId") as string ?? "";
        var auth = authenticator.AuthenticateStream(context.Request.Query["t"].ToString(), conversationId);
        if (auth.Failure is { } failure)
        {
            await failure.ExecuteAsync(context);
            return;
        }

        if (!IsOriginAllowed(context.Request))
        {
            var logId = StateKeyHash.Compute(conversationId);
            DirectLineLog.StreamOriginRefused(logger, logId);
            await DirectLineErrors.Error(StatusCodes.Status403Forbidden, DirectLineErrors.Forbidden, "This page origin may not open the stream.").ExecuteAsync(context);
            return;
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            await DirectLineErrors.BadRequest("Open the streamUrl with a WebSocket.").ExecuteAsync(context);
            return;
        }

        // A deleted or purged conversation has no stream, whatever the URL says.
        var conversation = store.Fleet is { } fleet ? await fleet.FindAsync(conversationId, context.RequestAborted) : store.Find(conversationId);
        if (conversation is null || conversation.IsClosed)
        {
            await DirectLineErrors.ConversationNotFound().ExecuteAsync(context);
            return;
        }

        // Spent before subscribing: a replayed URL must not displace the live stream.
        if (authenticator.SpendStreamToken(auth.Caller!.Claims!) is { } spent)
        {
            await spent.ExecuteAsync(context);
            return;
        }

        var subscription = conversation.Subscribe(DirectLineUrls.ParseWatermark(context.Request.Query["watermark"].ToString()));
        if (subscription is null)
        {
            await DirectLineErrors.ConversationNotFound().ExecuteAsync(context);
            return;
        }

        try
        {
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
            DirectLineLog.StreamOpened(logger, conversation.LogId, subscription.Backlog.Count);
            var session = new DirectLineStreamSession(socket, subscription, options.KeepAliveInterval, timeProvider);
            var reason = await session.RunAsync(stopping.Token);
            DirectLineLog.StreamClosed(logger, conversation.LogId, reason);
        }
        finally
        {
            conversation.Unsubscribe(subscription);
        }
    }

    /// <summary>No <c>Origin</c> means no browser (the token still applies); a browser must be same-origin or allowed.</summary>
    private bool IsOriginAllowed(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }

        var own = $"{(request.IsHttps ? "https" : "http")}://{request.Host}";
        return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase)
            || options.AllowedOrigins.Contains(origin, StringComparer.OrdinalIgnoreCase);
    }
}
