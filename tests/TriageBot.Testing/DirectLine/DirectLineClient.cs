using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TriageBot.Schema;

namespace TriageBot.Testing.DirectLine;

/// <summary>
/// The REST calls DirectLineJS makes, over real HTTP, with the credential passed explicitly so tests can use the
/// secret, a token, or a bad credential. Answers are returned raw (status and JSON) for the tests to check.
/// </summary>
/// <param name="forwardedFor">Plays a client on another machine behind the (loopback, so trusted) proxy: every
/// request says <c>X-Forwarded-For</c> this address, so the host's per-client limits see it as that client.</param>
public sealed class DirectLineClient(Uri baseAddress, string? forwardedFor = null) : IDisposable
{
    public const string Root = "/v3/directline";

    public HttpClient Http { get; } = CreateHttp(baseAddress, forwardedFor);

    private static HttpClient CreateHttp(Uri baseAddress, string? forwardedFor)
    {
        var http = new HttpClient { BaseAddress = baseAddress };
        if (forwardedFor is not null)
        {
            http.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }

        return http;
    }

    public async Task<DirectLineAnswer> SendAsync(HttpMethod method, string path, string? credential, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (credential is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        }

        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new DirectLineAnswer(response.StatusCode, body, response.Headers, response.Content.Headers);
    }

    public Task<DirectLineAnswer> GenerateTokenAsync(string credential, string? userId = null) =>
        SendAsync(HttpMethod.Post, $"{Root}/tokens/generate", credential,
            userId is null ? null : JsonContent.Create(new { user = new { id = userId } }));

    public Task<DirectLineAnswer> RefreshTokenAsync(string credential) => SendAsync(HttpMethod.Post, $"{Root}/tokens/refresh", credential);

    /// <summary>Starts a conversation as Web Chat does: <c>{"user":{"id"}}</c> in the body (or <c>{"user":{}}</c>).</summary>
    public Task<DirectLineAnswer> StartAsync(string credential, string? userId = null) =>
        SendAsync(HttpMethod.Post, $"{Root}/conversations", credential,
            new StringContent(userId is null ? """{"user":{}}""" : $$$"""{"user":{"id":"{{{userId}}}"}}""", Encoding.UTF8, "application/json"));

    /// <summary>A token from <c>tokens/generate</c> for a user, then the conversation it starts.</summary>
    public async Task<StartedConversation> StartWithTokenAsync(string userId = "dl_test-user")
    {
        var generated = await GenerateTokenAsync(DirectLineHost.Secret, userId);
        var started = await StartAsync(generated.Json.GetProperty("token").GetString()!);
        if (started.Status != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Start answered {started.Status}: {started.Body}");
        }

        return StartedConversation.From(started.Json, userId);
    }

    public Task<DirectLineAnswer> ReconnectAsync(string conversationId, string credential, string? watermark = null) =>
        SendAsync(HttpMethod.Get, $"{Root}/conversations/{Uri.EscapeDataString(conversationId)}{Query(watermark)}", credential);

    /// <summary>Posts an activity exactly as given (Web Chat's shape is in <see cref="WebChatMessage"/>).</summary>
    public Task<DirectLineAnswer> PostAsync(string conversationId, string credential, string json) =>
        SendAsync(HttpMethod.Post, $"{Root}/conversations/{Uri.EscapeDataString(conversationId)}/activities", credential,
            new StringContent(json, Encoding.UTF8, "application/json"));

    public Task<DirectLineAnswer> GetActivitiesAsync(string conversationId, string credential, string? watermark = null) =>
        SendAsync(HttpMethod.Get, $"{Root}/conversations/{Uri.EscapeDataString(conversationId)}/activities{Query(watermark)}", credential);

    /// <summary>The body Web Chat 4.18 posts for a typed message (recorded from the real client), in the page's locale.</summary>
    public static string WebChatMessage(string text, string clientActivityId, string fromId = "dl_test-user", string locale = "en-US") => $$"""
        {"attachments":[],"channelData":{"attachmentSizes":[],"clientActivityID":"{{clientActivityId}}"},"text":"{{text}}",
         "textFormat":"plain","type":"message","channelId":"webchat",
         "from":{"id":"{{fromId}}","name":"Test user","role":"user"},"locale":"{{locale}}",
         "localTimestamp":"2026-11-21T04:30:36.658Z","localTimezone":"UTC",
         "entities":[{"requiresBotState":true,"supportsListening":true,"supportsTts":true,"type":"ClientCapabilities"}]}
        """;

    public void Dispose() => Http.Dispose();

    private static string Query(string? watermark) => watermark is null ? "" : $"?watermark={Uri.EscapeDataString(watermark)}";
}

/// <summary>A raw answer: status, body and headers, with the body parsed on demand.</summary>
public sealed record DirectLineAnswer(HttpStatusCode Status, string Body, HttpResponseHeaders Headers, HttpContentHeaders ContentHeaders)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    /// <summary>The <c>error.code</c> of a Direct Line error body.</summary>
    public string? ErrorCode => Body.Length > 0 ? Json.GetProperty("error").GetProperty("code").GetString() : null;

    /// <summary>The activities of an ActivitySet body.</summary>
    public IReadOnlyList<Activity> Activities =>
        [.. Json.GetProperty("activities").EnumerateArray().Select(a => a.Deserialize(SchemaJsonContext.Default.Activity)!)];

    public string? Watermark => Json.GetProperty("watermark").GetString();
}

/// <summary>A conversation started with a user token: what the client keeps.</summary>
public sealed record StartedConversation(string ConversationId, string Token, Uri StreamUrl, string UserId)
{
    public static StartedConversation From(JsonElement json, string userId) => new(
        json.GetProperty("conversationId").GetString()!,
        json.GetProperty("token").GetString()!,
        new Uri(json.GetProperty("streamUrl").GetString()!),
        userId);
}
