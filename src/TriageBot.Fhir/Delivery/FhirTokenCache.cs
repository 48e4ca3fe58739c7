using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TriageBot.Runtime.Referrals;

namespace TriageBot.Fhir.Delivery;

/// <summary>
/// The bot's access token for the FHIR server: the OAuth 2.0 client-credentials grant at the configured token
/// endpoint, kept until a minute before it expires. One request at a time: callers that arrive while a token is
/// fetched wait for it. A failure is a <see cref="ReferralDeliveryException"/> with a short reason, never the secret
/// or the endpoint's text; it is not permanent (a corrected secret lets the outbox deliver later).
/// </summary>
internal sealed class FhirTokenCache(IHttpClientFactory httpClientFactory, IOptions<FhirReferralOptions> options, TimeProvider timeProvider, ILogger<FhirTokenCache> logger) : IDisposable
{
    public const string HttpClientName = "TriageBot.Fhir.Token";

    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Value, DateTimeOffset ExpiresOn)? _current;

    public async Task<string> GetAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        var seen = _current;
        if (!forceRefresh && IsFresh(seen))
        {
            return seen!.Value.Value;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Someone ahead of us fetched a token we have not tried yet: take it, even when asked to refresh.
            if (IsFresh(_current) && (!forceRefresh || _current != seen))
            {
                return _current!.Value.Value;
            }

            _current = await RequestAsync(cancellationToken);
            return _current.Value.Value;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private bool IsFresh((string Value, DateTimeOffset ExpiresOn)? token) => token is { } t && timeProvider.GetUtcNow() < t.ExpiresOn - RefreshMargin;

    private async Task<(string, DateTimeOffset)> RequestAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var form = new List<KeyValuePair<string, string>>
        {
            new("grant_type", "client_credentials"),
            new("client_id", settings.ClientId ?? string.Empty),
            new("client_secret", settings.ClientSecret ?? string.Empty),
        };
        if (!string.IsNullOrWhiteSpace(settings.Scope))
        {
            form.Add(new("scope", settings.Scope));
        }

        var requestedAt = timeProvider.GetUtcNow();
        using var client = httpClientFactory.CreateClient(HttpClientName);
        using var content = new FormUrlEncodedContent(form);
        HttpResponseMessage response;
        try
        {
            response = await client.PostAsync(new Uri(settings.TokenEndpoint!), content, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw Failed("fhir-token-unreachable", null, e);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                throw Failed(status is 400 or 401 or 403 ? "fhir-token-refused" : "fhir-token-unavailable", status, null);
            }

            try
            {
                using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(cancellationToken));
                var token = json.RootElement.GetProperty("access_token").GetString();
                var lifetime = json.RootElement.TryGetProperty("expires_in", out var e) && e.TryGetInt64(out var seconds) ? seconds : 300;
                if (string.IsNullOrEmpty(token))
                {
                    throw Failed("fhir-token-invalid", status, null);
                }

                FhirLog.TokenAcquired(logger, lifetime);
                return (token, requestedAt.AddSeconds(lifetime));
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw Failed("fhir-token-invalid", status, e);
            }
        }
    }

    private ReferralDeliveryException Failed(string reason, int? status, Exception? inner)
    {
        FhirLog.TokenFailed(logger, reason, status);
        return new ReferralDeliveryException(reason, retryAfter: null, permanent: false, inner);
    }
}
