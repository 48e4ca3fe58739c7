using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using TriageBot.Schema;

namespace TriageBot.Testing.Teams;

/// <summary>
/// The Teams side of the Bot Connector for the private-chat hand-off, on a real loopback port: it records every
/// create-conversation (<c>POST /v3/conversations</c>) and every activity the bot posts, refuses a request whose
/// bearer token <see cref="AcceptsToken"/> does not accept (401, as the real connector does), and answers as Teams
/// does: a one-to-one chat with the same person always gets the same conversation id (201), activities get 201 with
/// an id. <see cref="RefuseCreateConversation"/> plays Teams refusing (403, for example a user the bot cannot reach).
/// </summary>
public sealed class TeamsPrivateChatFakeConnector : IAsyncDisposable
{
    private readonly ConcurrentQueue<JsonObject> _created = new();
    private readonly ConcurrentQueue<ReceivedActivity> _activities = new();
    private readonly ConcurrentQueue<string?> _refusedTokens = new();
    private WebApplication? _app;
    private int _sequence;

    private TeamsPrivateChatFakeConnector()
    {
    }

    public string ServiceUrl { get; private set; } = "";

    /// <summary>Which bearer tokens the connector takes; by default any non-empty one.</summary>
    public Func<string?, bool> AcceptsToken { get; set; } = token => !string.IsNullOrEmpty(token);

    /// <summary>When true, create-conversation answers 403 with Teams' error shape.</summary>
    public bool RefuseCreateConversation { get; set; }

    /// <summary>The bodies of the create-conversation requests it accepted, in order.</summary>
    public IReadOnlyList<JsonObject> CreatedConversations => [.. _created];

    /// <summary>Activities the bot posted and it accepted, in order.</summary>
    public IReadOnlyList<ReceivedActivity> Activities => [.. _activities];

    /// <summary>The tokens of requests refused with 401.</summary>
    public IReadOnlyList<string?> RefusedTokens => [.. _refusedTokens];

    /// <summary>Teams' id for the one-to-one chat between the bot and a user.</summary>
    public static string PersonalConversationId(string userId) => "a:1on1-" + userId.Replace(':', '-');

    /// <summary>The words the bot sent to one conversation, in order: a message's text, or its hero card's when the words are on the card.</summary>
    public IReadOnlyList<string?> Texts(string conversationId) =>
        [.. Messages(conversationId).Select(a => a.Text ?? CardText(a))];

    private static string? CardText(Activity activity) =>
        activity.Attachments?.FirstOrDefault(a => a.ContentType == HeroCard.ContentType)?.Content is { } card
            && card.TryGetProperty("text", out var text) ? text.GetString() : null;

    /// <summary>The message activities the bot sent to one conversation, in order.</summary>
    public IReadOnlyList<Activity> Messages(string conversationId) =>
        [.. _activities.Where(r => r.Activity.Conversation?.Id == conversationId && r.Activity.Type == ActivityTypes.Message).Select(r => r.Activity)];

    public static async Task<TeamsPrivateChatFakeConnector> StartAsync()
    {
        var connector = new TeamsPrivateChatFakeConnector();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/v3/conversations", (Delegate)connector.CreateConversationAsync);
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (Delegate)connector.ActivityAsync);
        app.MapPost("/v3/conversations/{conversationId}/activities", (Delegate)connector.ActivityAsync);
        await app.StartAsync();
        connector._app = app;
        connector.ServiceUrl = app.Urls.First();
        return connector;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private async Task<IResult> CreateConversationAsync(HttpContext context)
    {
        if (Refused(context) is { } refused)
        {
            return refused;
        }

        var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject;
        var userId = body?["members"]?[0]?["id"]?.GetValue<string>();
        if (body is null || string.IsNullOrEmpty(userId) || body["bot"]?["id"] is null)
        {
            return Results.Json(Error("BadArgument", "members and bot are required"), statusCode: StatusCodes.Status400BadRequest);
        }

        if (RefuseCreateConversation)
        {
            return Results.Json(Error("Forbidden", "The bot is not part of the conversation roster."), statusCode: StatusCodes.Status403Forbidden);
        }

        _created.Enqueue(body);
        return Results.Json(new JsonObject { ["id"] = PersonalConversationId(userId) }, statusCode: StatusCodes.Status201Created);
    }

    private async Task<IResult> ActivityAsync(HttpContext context)
    {
        if (Refused(context) is { } refused)
        {
            return refused;
        }

        var activity = await JsonSerializer.DeserializeAsync(context.Request.Body, SchemaJsonContext.Default.Activity, context.RequestAborted);
        _activities.Enqueue(new ReceivedActivity(
            context.Request.Path, context.Request.Headers.Authorization.ToString(), context.Request.ContentType, activity!, Interlocked.Increment(ref _sequence)));
        return Results.Json(new JsonObject { ["id"] = $"1:{Guid.NewGuid():N}" }, statusCode: StatusCodes.Status201Created);
    }

    private IResult? Refused(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : null;
        if (AcceptsToken(token))
        {
            return null;
        }

        _refusedTokens.Enqueue(token);
        return Results.Json(Error("Unauthorized", "Authorization has been denied for this request."), statusCode: StatusCodes.Status401Unauthorized);
    }

    private static JsonObject Error(string code, string message) => new() { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };
}
