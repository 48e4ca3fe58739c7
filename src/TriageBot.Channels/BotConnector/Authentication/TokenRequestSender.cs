using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace TriageBot.Channels.BotConnector.Authentication;

/// <summary>
/// Sends a token request, retrying only what may pass on a second try (5xx, 429, network errors, timeouts) with a
/// short backoff: replies are waiting. Failures surface as <see cref="HttpRequestException"/> carrying the status and
/// the OAuth error code, never the secret or the response text. A client per request (not one kept for the
/// process) lets the factory rotate handlers, so DNS changes of the identity endpoints are picked up.
/// </summary>
internal sealed class TokenRequestSender(IHttpClientFactory httpClientFactory, TimeProvider timeProvider, ILogger logger, string source)
{
    public const int MaxAttempts = 3;
    public static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(200);

    /// <param name="createRequest">Makes a fresh request per attempt (a request message cannot be sent twice).</param>
    public async Task<AccessToken> SendAsync(Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(createRequest);
        for (var attempt = 1; ; attempt++)
        {
            var requestedAt = timeProvider.GetUtcNow();
            int? status = null;
            string? errorCode = null;
            Exception? failure = null;
            try
            {
                using var httpClient = httpClientFactory.CreateClient(BotAuthenticationServiceCollectionExtensions.HttpClientName);
                using var request = createRequest();
                using var response = await httpClient.SendAsync(request, cancellationToken);
                var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    var token = AccessTokenResponse.Parse(body, requestedAt);
                    AuthLog.ChannelTokenAcquired(logger, source, (long)(token.ExpiresOn - requestedAt).TotalSeconds);
                    return token;
                }

                errorCode = AccessTokenResponse.ReadErrorCode(body);
                if (!IsTransient(response.StatusCode))
                {
                    AuthLog.ChannelTokenFailed(logger, source, status, errorCode, attempt);
                    throw new HttpRequestException(Describe(status, errorCode), null, response.StatusCode);
                }
            }
            catch (HttpRequestException e) when (status is null)
            {
                failure = e;
            }
            catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                failure = e;
            }
            catch (JsonException e)
            {
                AuthLog.ChannelTokenFailed(logger, source, status, "invalid_response", attempt);
                throw new HttpRequestException($"The {source} token endpoint sent an unreadable token response.", e);
            }

            if (attempt >= MaxAttempts)
            {
                AuthLog.ChannelTokenFailed(logger, source, status, errorCode, attempt);
                throw new HttpRequestException(Describe(status, errorCode), failure,
                    status is { } code ? (HttpStatusCode)code : null);
            }

            var delay = BaseDelay * Math.Pow(2, attempt - 1);
            AuthLog.ChannelTokenRetrying(logger, source, status, attempt, (long)delay.TotalMilliseconds);
            await Task.Delay(delay, timeProvider, cancellationToken);
        }
    }

    private static bool IsTransient(HttpStatusCode status) => (int)status >= 500 || status == HttpStatusCode.TooManyRequests;

    private string Describe(int? status, string? errorCode) =>
        $"The {source} token request failed (status {status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}, error {errorCode ?? "none"}).";
}
