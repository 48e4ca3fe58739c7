using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Polly.Timeout;
using TriageBot.Channels.BotConnector;
using TriageBot.Channels.BotConnector.Authentication;
using TriageBot.Runtime.ClinicInbox;
using TriageBot.Runtime.Referrals;
using TriageBot.Schema;

namespace TriageBot.Channels.Teams;

/// <summary>
/// Proactive Bot Connector calls into the clinic's Teams channel with the bot's outbound token: create a conversation
/// in a channel (a new thread), update an activity, read one member. One attempt per call, on the connector's
/// HttpClient: the outbox that calls <see cref="PostToChannelAsync"/> owns the retrying, and a 429's
/// <c>Retry-After</c> is handed to it. A 401/403 refreshes the token once.
/// </summary>
public sealed class TeamsClinicChannel(IHttpClientFactory httpClientFactory, IChannelTokenProvider tokenProvider) : IClinicChannel
{
    public async Task<(string ConversationId, string ActivityId)> PostToChannelAsync(
        ClinicChannelAddress address, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(activity);

        // Teams' shape for a new thread in a channel: isGroup, the channel and tenant in channelData, the first
        // activity inline. The answer names the new conversation (channel id;messageid=…) and the activity.
        var body = new JsonObject
        {
            ["isGroup"] = true,
            ["channelData"] = new JsonObject
            {
                ["channel"] = new JsonObject { ["id"] = address.ChannelId },
                ["team"] = new JsonObject { ["id"] = address.TeamId },
                ["tenant"] = new JsonObject { ["id"] = address.TenantId },
            },
            ["tenantId"] = address.TenantId,
            ["activity"] = JsonSerializer.SerializeToNode(activity, SchemaJsonContext.Default.Activity),
        };
        using var response = await SendAsync(HttpMethod.Post, Url(address.ServiceUrl, "v3/conversations"), body, cancellationToken);
        using var answer = await ReadJsonAsync(response, cancellationToken);
        var root = answer.RootElement;
        var conversationId = root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        var activityId = root.TryGetProperty("activityId", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
        if (string.IsNullOrEmpty(conversationId))
        {
            throw new ReferralDeliveryException("bad-answer");
        }

        return (conversationId, activityId ?? conversationId);
    }

    public async Task UpdateAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var url = Url(serviceUrl, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}");
        var body = JsonSerializer.SerializeToNode(activity with { Id = activityId }, SchemaJsonContext.Default.Activity)!;
        using var response = await SendAsync(HttpMethod.Put, url, body, cancellationToken);
    }

    public async Task<bool> IsMemberAsync(string serviceUrl, string conversationId, string userId, CancellationToken cancellationToken)
    {
        var url = Url(serviceUrl, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/members/{Uri.EscapeDataString(userId)}");
        try
        {
            using var response = await SendAsync(HttpMethod.Get, url, null, cancellationToken);
            return true;
        }
        catch (ReferralDeliveryException e) when (e.Reason == "not-found")
        {
            return false;
        }
    }

    /// <summary>The serviceUrl with exactly one slash before the path.</summary>
    private static Uri Url(string serviceUrl, string path) => new($"{serviceUrl.TrimEnd('/')}/{path}", UriKind.Absolute);

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri url, JsonNode? body, CancellationToken cancellationToken)
    {
        var client = httpClientFactory.CreateClient(ConnectorResilience.HttpClientName);
        var refreshed = false;
        while (true)
        {
            using var request = new HttpRequestMessage(method, url);
            if (body is not null)
            {
                request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            }

            request.Options.Set(ConnectorResilience.NoRetry, true);
            var token = await tokenProvider.GetTokenAsync(forceRefresh: refreshed, cancellationToken);
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            HttpResponseMessage response;
            try
            {
                response = await client.SendAsync(request, cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or TaskCanceledException
                && !cancellationToken.IsCancellationRequested)
            {
                // The exception names the host and port: only the kind of failure travels on.
                throw new ReferralDeliveryException(e is HttpRequestException ? "unreachable" : "timeout", retryAfter: null, permanent: false);
            }

            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            using (response)
            {
                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden && !refreshed)
                {
                    refreshed = true;
                    continue;
                }

                throw Failure(response);
            }
        }
    }

    private static ReferralDeliveryException Failure(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.TooManyRequests => new ReferralDeliveryException("throttled", RetryAfter(response), permanent: false),
        HttpStatusCode.NotFound => new ReferralDeliveryException("not-found", retryAfter: null, permanent: true),
        HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.RequestEntityTooLarge =>
            new ReferralDeliveryException($"refused-{(int)response.StatusCode}", retryAfter: null, permanent: true),
        _ => new ReferralDeliveryException($"status-{(int)response.StatusCode}", RetryAfter(response), permanent: false),
    };

    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    private static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            throw new ReferralDeliveryException("bad-answer");
        }
    }
}
