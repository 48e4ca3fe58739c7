using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace TriageBot.Channels.DirectLine;

/// <summary>
/// Maps Direct Line 3.0 under <c>/v3/directline</c>, and the page's <c>POST /api/chat/token</c>. Every route
/// carries the Direct Line CORS policy, so the host must call <c>app.UseCors()</c> (routing refuses to run a CORS
/// endpoint without it). The stream route brings its own WebSocket middleware.
/// </summary>
public static class DirectLineEndpoints
{
    public const string ChatTokenPath = "/api/chat/token";

    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        // Load (or create) the secret now, so a missing one is created and logged at startup, not on the first call.
        _ = endpoints.ServiceProvider.GetRequiredService<DirectLineSecret>();

        var directLine = endpoints.MapGroup(DirectLineUrls.BasePath).RequireCors(DirectLineCors.PolicyName).AddEndpointFilter(NoStore);
        directLine.MapPost("/tokens/generate", (HttpRequest request, DirectLineTokenHandlers tokens, CancellationToken ct) => tokens.GenerateAsync(request, ct));
        directLine.MapPost("/tokens/refresh", (HttpRequest request, DirectLineTokenHandlers tokens, CancellationToken ct) => tokens.RefreshAsync(request, ct));
        directLine.MapPost("/conversations", (HttpRequest request, DirectLineConversationHandlers conversations, CancellationToken ct) =>
            conversations.StartAsync(request, ct));
        directLine.MapGet("/conversations/{conversationId}", (HttpRequest request, string conversationId, string? watermark, DirectLineConversationHandlers conversations, CancellationToken ct) =>
            conversations.ReconnectAsync(request, conversationId, watermark, ct));
        directLine.MapPost("/conversations/{conversationId}/activities", (HttpRequest request, string conversationId, DirectLineConversationHandlers conversations, CancellationToken ct) =>
            conversations.PostActivityAsync(request, conversationId, ct));
        directLine.MapGet("/conversations/{conversationId}/activities", (HttpRequest request, string conversationId, string? watermark, DirectLineConversationHandlers conversations, CancellationToken ct) =>
            conversations.GetActivitiesAsync(request, conversationId, watermark, ct));
        directLine.MapPost("/conversations/{conversationId}/upload", (HttpContext context, string conversationId, DirectLineUploadHandlers uploads, CancellationToken ct) =>
            uploads.UploadAsync(context, conversationId, ct));
        directLine.MapGet("/conversations/{conversationId}/files/{fileId}", (HttpContext context, string conversationId, string fileId, DirectLineUploadHandlers uploads) =>
            uploads.Download(context, conversationId, fileId));
        directLine.MapGet("/session/getsessionid", (HttpRequest request, DirectLineConversationHandlers conversations) =>
            conversations.SessionId(request));

        // WebSocket upgrades are GET on HTTP/1.1 and CONNECT on HTTP/2. The route has its own small pipeline with
        // the WebSocket middleware, as SignalR does, so the host need not add it (adding it as well is harmless).
        var stream = endpoints.CreateApplicationBuilder();
        stream.UseWebSockets();
        stream.Run(context => context.RequestServices.GetRequiredService<DirectLineStreamHandler>().HandleAsync(context));
        directLine.MapMethods("/conversations/{conversationId}/stream", [HttpMethods.Get, HttpMethods.Connect], stream.Build());

        // One limiter instance for the endpoint: AddEndpointFilter<T> would make a new one (a fresh window) per request.
        endpoints.MapPost(ChatTokenPath, (DirectLineTokenHandlers tokens) => tokens.ChatToken())
            .RequireCors(DirectLineCors.PolicyName)
            .AddEndpointFilter(endpoints.ServiceProvider.GetRequiredService<DirectLineChatTokenLimiter>())
            .AddEndpointFilter(NoStore);
        return endpoints;
    }

    /// <summary>Tokens and conversation content must not sit in a browser or proxy cache.</summary>
    private static ValueTask<object?> NoStore(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        context.HttpContext.Response.Headers.CacheControl = "no-store";
        return next(context);
    }
}
