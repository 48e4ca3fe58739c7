using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace TriageBot.Channels.BotConnector.Authentication;

/// <summary>
/// Sends a token request on the <c>BotAuthentication</c> client, whose resilience handler
/// (<see cref="TokenRequestResilience"/>) retries what may pass on a second try. Failures surface as
/// <see cref="HttpRequestException"/> carrying the status and the OAuth error code, never the secret or the response
/// text. A client per request (not one kept for the process) lets the factory rotate handlers, so DNS changes of the
/// identity endpoints are picked up.
/// </summary>
internal sealed class TokenRequestSender(IHttpClientFactory httpClientFactory, TimeProvider timeProvider, ILogger logger, string source)
{
    /// <param name="createRequest">Makes the request; its content must be buffered, so that a retry can send it again.</param>
    public async Task<AccessToken> SendAsync(Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(createRequest);
        using var request = createRequest();
        TokenRequestResilience.MarkAsTokenRequest(request, source);
        var requestedAt = timeProvider.GetUtcNow();
        int? status = null;
        try
        {
            using var httpClient = httpClientFactory.CreateClient(BotAuthenticationServiceCollectionExtensions.HttpClientName);
            using var response = await httpClient.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                throw Failed(request, status, AccessTokenResponse.ReadErrorCode(body), null);
            }

            var token = AccessTokenResponse.Parse(body, requestedAt);
            AuthLog.ChannelTokenAcquired(logger, source, (long)(token.ExpiresOn - requestedAt).TotalSeconds);
            return token;
        }
        catch (Exception e) when (status is null && (e is HttpRequestException or TimeoutRejectedException
            || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested)))
        {
            throw Failed(request, status, null, e);
        }
        catch (JsonException e)
        {
            AuthLog.ChannelTokenFailed(logger, source, status, "invalid_response", TokenRequestResilience.AttemptsMade(request));
            throw new HttpRequestException($"The {source} token endpoint sent an unreadable token response.", e);
        }
    }

    private HttpRequestException Failed(HttpRequestMessage request, int? status, string? errorCode, Exception? failure)
    {
        AuthLog.ChannelTokenFailed(logger, source, status, errorCode, TokenRequestResilience.AttemptsMade(request));
        return new HttpRequestException(
            $"The {source} token request failed (status {status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}, error {errorCode ?? "none"}).",
            failure,
            status is { } code ? (HttpStatusCode)code : null);
    }
}
