using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Polly.Timeout;
using TriageBot.Channels.BotConnector.Authentication;
using TriageBot.Schema;

namespace TriageBot.Channels.BotConnector;

/// <summary>
/// The Bot Connector REST client for one channel's <c>serviceUrl</c>: ReplyToActivity when the activity has a
/// <c>replyToId</c>, else SendToConversation. Transient failures are retried inside the HttpClient's resilience
/// handler (<see cref="ConnectorResilience"/>); a 401/403 refreshes the token once; anything else is final.
/// </summary>
public sealed class ConnectorClient(HttpClient httpClient, IChannelTokenProvider tokenProvider, ILogger logger)
{
    /// <summary>Sends one activity; returns the channel's id for it (null when the channel sent none).</summary>
    /// <param name="retryTransient">False for activities that are worthless late (typing): one attempt only.</param>
    public async Task<ResourceResponse?> SendAsync(Activity activity, bool retryTransient, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var uri = ActivitiesUri(activity);
        var refreshedToken = false;
        while (true)
        {
            HttpResponseMessage response;
            try
            {
                response = await PostAsync(uri, activity, retryTransient, cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or TaskCanceledException
                && !cancellationToken.IsCancellationRequested)
            {
                // Only the kind of failure is logged: an exception message names the upstream host and port.
                ChannelsLog.ReplyFailed(logger, activity.Type, e is HttpRequestException ? "unreachable" : "timeout", null, null);
                throw new ConnectorException(null, null, e);
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                if (status is 200 or 201 or 202)
                {
                    return await ReadResourceResponseAsync(response, cancellationToken);
                }

                if (status is 401 or 403 && !refreshedToken)
                {
                    refreshedToken = true;
                    if (await tokenProvider.GetTokenAsync(forceRefresh: true, cancellationToken) is not null)
                    {
                        continue;
                    }
                }

                var errorCode = await ReadErrorCodeAsync(response, cancellationToken);
                ChannelsLog.ReplyFailed(logger, activity.Type, "status", status, errorCode);
                throw new ConnectorException(status, errorCode);
            }
        }
    }

    /// <summary>
    /// <c>{serviceUrl}/v3/conversations/{id}/activities[/{replyToId}]</c>, ids escaped as RFC 3986 data
    /// (Emulator ids contain <c>|</c>, Teams ids <c>:</c>, <c>@</c> and <c>;</c>), with exactly one slash before v3.
    /// </summary>
    public static Uri ActivitiesUri(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!LoopbackAddresses.TryParseServiceUrl(activity.ServiceUrl, out var serviceUrl))
        {
            throw new ArgumentException("The activity has no absolute http(s) serviceUrl.", nameof(activity));
        }

        var conversationId = activity.Conversation?.Id ?? throw new ArgumentException("The activity has no conversation id.", nameof(activity));

        // Rebuilt from the parsed URL (scheme, host, port, path), so user info, a query or a fragment can never
        // change where the request goes once the ids are appended.
        var root = serviceUrl.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped).TrimEnd('/');
        var path = $"{root}/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";
        if (!string.IsNullOrEmpty(activity.ReplyToId))
        {
            path += "/" + Uri.EscapeDataString(activity.ReplyToId);
        }

        return new Uri(path, UriKind.Absolute);
    }

    private async Task<HttpResponseMessage> PostAsync(Uri uri, Activity activity, bool retryTransient, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = JsonContent.Create(activity, SchemaJsonContext.Default.Activity),
        };
        request.Options.Set(ConnectorResilience.NoRetry, !retryTransient);
        request.Options.Set(ConnectorResilience.ActivityType, activity.Type);
        var token = await tokenProvider.GetTokenAsync(forceRefresh: false, cancellationToken);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        // HttpClient buffers the body here, within its MaxResponseContentBufferSize: a larger answer fails the send,
        // so reading it afterwards is bounded.
        return await httpClient.SendAsync(request, cancellationToken);
    }

    private static async Task<ResourceResponse?> ReadResourceResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, SchemaJsonContext.Default.ResourceResponse);
        }
        catch (JsonException)
        {
            // Some channels answer 200 with no JSON at all; the activity was still delivered.
            return null;
        }
    }

    /// <summary>The channel's <c>error.code</c>, for the log only (where it passes through LogValues).</summary>
    private static async Task<string?> ReadErrorCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return body.Length == 0 ? null : JsonSerializer.Deserialize(body, SchemaJsonContext.Default.ErrorResponse)?.Error?.Code;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
