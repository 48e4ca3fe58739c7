using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using TriageBot.Channels.BotConnector.Authentication;
using TriageBot.Runtime;
using TriageBot.Runtime.Turns;
using TriageBot.Schema;

namespace TriageBot.Channels.BotConnector;

/// <summary>
/// Carries out a <see cref="PrivateChatRequest"/> from a Teams group chat or channel: creates (or, as Teams does for a
/// one-to-one chat that already exists, finds) the personal conversation with the sender through the Bot Connector
/// (<c>POST {serviceUrl}/v3/conversations</c>, with the bot's outbound token), runs that chat's first turn and posts
/// its replies there, and returns the line for the shared chat: the announcement when all of it worked, else the
/// "could not" line. Nothing about the person goes into the log, only event names and outcomes.
/// </summary>
public sealed partial class PrivateChatHandOff(
    IHttpClientFactory httpClients,
    IChannelTokenProvider tokens,
    TurnRunner turns,
    TimeProvider clock,
    ILogger<PrivateChatHandOff> logger)
{
    public async Task<Activity> HandOffAsync(Activity shared, PrivateChatRequest request, ConnectorClient? client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shared);
        ArgumentNullException.ThrowIfNull(request);
        if (client is null || shared.ChannelId != ChannelIds.MsTeams || shared.From?.Id is null || shared.Recipient?.Id is null)
        {
            PrivateChatFailed(logger, "not-possible");
            return request.Unavailable;
        }

        var conversationId = await CreateConversationAsync(shared, cancellationToken);
        if (conversationId is null)
        {
            return request.Unavailable;
        }

        try
        {
            var turn = await turns.RunAsync(StartActivity(shared, conversationId), new ConnectorActivitySender(client), cancellationToken);
            foreach (var reply in turn.Replies)
            {
                await client.SendAsync(reply, retryTransient: true, cancellationToken);
            }
        }
        catch (Exception e) when (e is ConnectorException or StateConflictException)
        {
            PrivateChatFailed(logger, e is ConnectorException ? "reply-failed" : "busy");
            return request.Unavailable;
        }

        PrivateChatOpened(logger);
        return request.Announcement;
    }

    /// <summary>The private chat's first activity: an event (never read as typed text) from the same person and tenant.</summary>
    private Activity StartActivity(Activity shared, string conversationId)
    {
        var tenantId = TeamsActivity.TenantId(shared);
        return new Activity
        {
            Type = ActivityTypes.Event,
            Name = PrivateChatRequest.StartEventName,
            ChannelId = shared.ChannelId,
            ServiceUrl = shared.ServiceUrl,
            CallerId = shared.CallerId,
            Timestamp = clock.GetUtcNow(),
            Locale = shared.Locale,
            From = shared.From,
            Recipient = shared.Recipient,
            Conversation = new ConversationAccount { Id = conversationId, ConversationType = TeamsActivity.Personal, IsGroup = false, TenantId = tenantId },
            ChannelData = tenantId is null ? null : JsonDocument.Parse(TenantData(tenantId).ToJsonString()).RootElement.Clone(),
        };
    }

    /// <summary>Teams' CreateConversation for a one-to-one chat; returns the conversation id, or null when refused.</summary>
    private async Task<string?> CreateConversationAsync(Activity shared, CancellationToken cancellationToken)
    {
        if (!LoopbackAddresses.TryParseServiceUrl(shared.ServiceUrl, out var serviceUrl))
        {
            return null;
        }

        var root = serviceUrl.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped).TrimEnd('/');
        var tenantId = TeamsActivity.TenantId(shared);
        var body = new JsonObject
        {
            ["isGroup"] = false,
            ["bot"] = new JsonObject { ["id"] = shared.Recipient!.Id },
            ["members"] = new JsonArray { new JsonObject { ["id"] = shared.From!.Id } },
        };
        if (tenantId is not null)
        {
            body["tenantId"] = tenantId;
            body["channelData"] = TenantData(tenantId);
        }

        var http = httpClients.CreateClient(ConnectorResilience.HttpClientName);
        for (var refreshed = false; ; refreshed = true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(root + "/v3/conversations", UriKind.Absolute))
            {
                Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
            };
            request.Options.Set(ConnectorResilience.NoRetry, false);
            if (await tokens.GetTokenAsync(forceRefresh: refreshed, cancellationToken) is { } token)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            try
            {
                using var response = await http.SendAsync(request, cancellationToken);
                var status = (int)response.StatusCode;
                if (status is 401 or 403 && !refreshed)
                {
                    continue;
                }

                if (status is < 200 or > 299)
                {
                    PrivateChatFailed(logger, "create-" + status.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    return null;
                }

                var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
                var id = answer?["id"]?.GetValueKind() == JsonValueKind.String ? answer["id"]!.GetValue<string>() : null;
                if (string.IsNullOrEmpty(id))
                {
                    PrivateChatFailed(logger, "create-no-id");
                }

                return string.IsNullOrEmpty(id) ? null : id;
            }
            catch (Exception e) when (e is HttpRequestException or JsonException or Polly.Timeout.TimeoutRejectedException
                || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // The exception's message names the upstream host: only the kind of failure is logged.
                PrivateChatFailed(logger, e is JsonException ? "create-bad-answer" : "create-unreachable");
                return null;
            }
        }
    }

    private static JsonObject TenantData(string tenantId) => new() { ["tenant"] = new JsonObject { ["id"] = tenantId } };

    [LoggerMessage(EventId = 1100, EventName = "PrivateChatOpened", Level = LogLevel.Information,
        Message = "Opened a private chat from a shared Teams chat and sent its first turn there.")]
    private static partial void PrivateChatOpened(ILogger logger);

    [LoggerMessage(EventId = 1101, EventName = "PrivateChatFailed", Level = LogLevel.Warning,
        Message = "Could not open a private chat from a shared Teams chat; the shared chat is told so. Reason={Reason}")]
    private static partial void LogPrivateChatFailed(ILogger logger, string reason);

    private static void PrivateChatFailed(ILogger logger, string reason) => LogPrivateChatFailed(logger, LogValues.Code(reason));
}
