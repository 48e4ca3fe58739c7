using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using TriageBot.Host.WebChat;

namespace TriageBot.Browser.Tests;

/// <summary>
/// The chat page in front of a scripted, polling-only Direct Line stand-in: tests of what the page itself does
/// (join event, outcome banner, restart) that must not depend on the triage wording or on the Direct Line server.
/// The stand-in answers <c>webchat/join</c> with a welcome, and a message naming a level with that <c>triage.outcome</c>.
/// </summary>
internal sealed class StubChatHost : IAsyncDisposable
{
    public const string Welcome = "Welcome to the stand-in bot.";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, List<JsonObject>> _conversations = new();
    private int _tokens;

    private StubChatHost(WebApplication app) => _app = app;

    public Uri BaseAddress => new(_app.Urls.First());

    /// <summary>Tokens handed out by <c>/api/chat/token</c>: one per conversation the page started.</summary>
    public int TokensIssued => _tokens;

    /// <summary>Every <c>event</c> activity the page posted, by name.</summary>
    public ConcurrentQueue<string> EventsReceived { get; } = new();

    public static async Task<StubChatHost> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateSlimBuilder(["--urls", "http://127.0.0.1:0"]);
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Logging.ClearProviders();
        builder.Services.AddChatPage();
        var app = builder.Build();
        var host = new StubChatHost(app);
        app.MapChatPage();
        host.MapStandIns(app);
        await app.StartAsync();
        return host;
    }

    public Uri Url(string relative) => new(BaseAddress, relative);

    private void MapStandIns(WebApplication app)
    {
        app.MapPost("/api/chat/token", () =>
        {
            var n = Interlocked.Increment(ref _tokens);
            var id = $"conv{n}";
            _conversations[id] = [];
            return Results.Json(new JsonObject { ["token"] = $"token-{id}", ["conversationId"] = id, ["expires_in"] = 1800 });
        });

        // No streamUrl: the page must be opened with ?transport=polling.
        app.MapPost("/v3/directline/conversations", (HttpRequest request) =>
        {
            var id = request.Headers.Authorization.ToString().Replace("Bearer token-", "", StringComparison.Ordinal);
            return _conversations.ContainsKey(id)
                ? Results.Json(new JsonObject { ["conversationId"] = id, ["token"] = $"token-{id}", ["expires_in"] = 1800 }, statusCode: 201)
                : Results.StatusCode(403);
        });

        app.MapGet("/v3/directline/conversations/{id}/activities", (string id, string? watermark) =>
        {
            if (!_conversations.TryGetValue(id, out var activities))
            {
                return Results.NotFound();
            }

            lock (activities)
            {
                var from = int.TryParse(watermark, CultureInfo.InvariantCulture, out var w) ? w : 0;
                var set = new JsonArray([.. activities.Skip(from).Select(a => (JsonNode)a.DeepClone())]);
                return Results.Json(new JsonObject { ["activities"] = set, ["watermark"] = activities.Count.ToString(CultureInfo.InvariantCulture) });
            }
        });

        app.MapPost("/v3/directline/conversations/{id}/activities", async (string id, HttpRequest request) =>
        {
            if (!_conversations.TryGetValue(id, out var activities))
            {
                return Results.NotFound();
            }

            var activity = (JsonObject)(await JsonNode.ParseAsync(request.Body))!;
            lock (activities)
            {
                Add(activities, id, activity);
                if ((string?)activity["type"] == "event")
                {
                    EventsReceived.Enqueue((string?)activity["name"] ?? "");
                    if ((string?)activity["name"] == "webchat/join")
                    {
                        Add(activities, id, BotMessage(Welcome));
                    }
                }
                else if ((string?)activity["text"] is { } text && text is "emergency" or "urgent" or "routine" or "self-care")
                {
                    Add(activities, id, new JsonObject
                    {
                        ["type"] = "event",
                        ["name"] = "triage.outcome",
                        ["from"] = BotAccount(),
                        ["value"] = new JsonObject { ["level"] = text, ["reasons"] = new JsonArray(), ["contentVersion"] = "stub" },
                    });
                    Add(activities, id, BotMessage($"Outcome: {text}."));
                }

                return Results.Json(new JsonObject { ["id"] = activity["id"]!.DeepClone() });
            }
        });
    }

    private static void Add(List<JsonObject> activities, string conversationId, JsonObject activity)
    {
        activity["id"] = $"{conversationId}|{activities.Count:D7}";
        activity["timestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        activity["conversation"] = new JsonObject { ["id"] = conversationId };
        activity["channelId"] = "directline";
        activities.Add(activity);
    }

    private static JsonObject BotAccount() => new() { ["id"] = "stub-bot", ["name"] = "Clinic bot", ["role"] = "bot" };

    private static JsonObject BotMessage(string text) => new() { ["type"] = "message", ["from"] = BotAccount(), ["text"] = text };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
