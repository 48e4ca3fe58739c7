using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using TriageBot.Channels.BotConnector.Authentication;
using TriageBot.Schema;

namespace TriageBot.Channels.BotConnector;

/// <summary>
/// The Bot Connector REST client for one channel's <c>serviceUrl</c>: ReplyToActivity when the activity has a
/// <c>replyToId</c>, else SendToConversation. Transient failures (429, 502, 503, 504, network) are retried with
/// backoff within a time budget; a 401/403 refreshes the token once; any other 4xx is final.
/// </summary>
public sealed class ConnectorClient(
    HttpClient httpClient,
    IChannelTokenProvider tokenProvider,
    ConnectorRetryOptions retry,
    TimeProvider timeProvider,
    ILogger logger)
{
    /// <summary>Sends one activity; returns the channel's id for it (null when the channel sent none).</summary>
    public async Task<ResourceResponse?> SendAsync(Activity activity, bool retryTransient, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var uri = ActivitiesUri(activity);
        var waited = TimeSpan.Zero;
        var refreshedToken = false;
        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage response;
            try
            {
                response = await PostAsync(uri, activity, cancellationToken);
            }
            catch (HttpRequestException) when (retryTransient && CanWait(attempt, null, ref waited, out var delay))
            {
                ChannelsLog.ReplyRetrying(logger, activity.Type, null, attempt, (long)delay.TotalMilliseconds);
                await Task.Delay(delay, timeProvider, cancellationToken);
                continue;
            }
            catch (HttpRequestException exception)
            {
                ChannelsLog.ReplyFailed(logger, activity.Type, null, null, attempt);
                throw new ConnectorException(null, null, exception);
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

                var retryAfter = RetryAfter(response);
                if (retryTransient && IsTransient(response.StatusCode) && CanWait(attempt, retryAfter, ref waited, out var delay))
                {
                    ChannelsLog.ReplyRetrying(logger, activity.Type, status, attempt, (long)delay.TotalMilliseconds);
                    await Task.Delay(delay, timeProvider, cancellationToken);
                    continue;
                }

                var errorCode = await ReadErrorCodeAsync(response, cancellationToken);
                ChannelsLog.ReplyFailed(logger, activity.Type, status, errorCode, attempt);
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
        var serviceUrl = activity.ServiceUrl ?? throw new ArgumentException("The activity has no serviceUrl.", nameof(activity));
        var conversationId = activity.Conversation?.Id ?? throw new ArgumentException("The activity has no conversation id.", nameof(activity));
        var path = $"{serviceUrl.TrimEnd('/')}/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";
        if (!string.IsNullOrEmpty(activity.ReplyToId))
        {
            path += "/" + Uri.EscapeDataString(activity.ReplyToId);
        }

        return new Uri(path, UriKind.Absolute);
    }

    private async Task<HttpResponseMessage> PostAsync(Uri uri, Activity activity, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = JsonContent.Create(activity, SchemaJsonContext.Default.Activity),
        };
        var token = await tokenProvider.GetTokenAsync(forceRefresh: false, cancellationToken);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await httpClient.SendAsync(request, cancellationToken);
    }

    private bool CanWait(int attempt, TimeSpan? retryAfter, ref TimeSpan waited, out TimeSpan delay)
    {
        delay = RetryDelay.Compute(attempt, retryAfter, retry, Random.Shared.NextDouble());
        if (attempt >= retry.MaxAttempts || waited + delay > retry.MaxTotalDelay)
        {
            return false;
        }

        waited += delay;
        return true;
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - timeProvider.GetUtcNow(),
        _ => null,
    };

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
