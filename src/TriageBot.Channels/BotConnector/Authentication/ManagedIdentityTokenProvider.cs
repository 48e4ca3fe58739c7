using Microsoft.Extensions.Logging;

namespace TriageBot.Channels.BotConnector.Authentication;

/// <summary>
/// The bot's Bot Framework token for UserAssignedMSI apps: asked of the managed identity endpoint (IMDS by default)
/// for the Bot Framework resource, with the identity's client id (= MicrosoftAppId) and no secret. Cached like
/// <see cref="ClientCredentialsTokenProvider"/>.
/// </summary>
public sealed class ManagedIdentityTokenProvider : IChannelTokenProvider, IDisposable
{
    private readonly Uri _requestUri;
    private readonly TokenRequestSender _sender;
    private readonly TokenCache _cache;

    /// <exception cref="InvalidOperationException">The options are incomplete (see <see cref="BotAuthenticationServiceCollectionExtensions"/>).</exception>
    public ManagedIdentityTokenProvider(
        BotAuthenticationOptions options,
        IHttpClientFactory httpClientFactory,
        TimeProvider timeProvider,
        ILogger<ManagedIdentityTokenProvider> logger)
        : this(BotAuthenticationSettings.Resolve(options), httpClientFactory, timeProvider, logger)
    {
    }

    internal ManagedIdentityTokenProvider(
        BotAuthenticationSettings settings,
        IHttpClientFactory httpClientFactory,
        TimeProvider timeProvider,
        ILogger<ManagedIdentityTokenProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        var query = $"api-version=2018-02-01&resource={Uri.EscapeDataString(settings.ManagedIdentityResource)}&client_id={Uri.EscapeDataString(settings.AppId)}";
        var endpoint = settings.ManagedIdentityEndpoint;
        _requestUri = new Uri(endpoint + (endpoint.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query, UriKind.Absolute);
        _cache = new TokenCache(timeProvider);
        _sender = new TokenRequestSender(httpClientFactory, timeProvider, logger, "managed identity");
    }

    public async Task<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken) =>
        await _cache.GetAsync(forceRefresh, cancellation => _sender.SendAsync(CreateRequest, cancellation), cancellationToken);

    public void Dispose() => _cache.Dispose();

    private HttpRequestMessage CreateRequest()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, _requestUri);

        // IMDS refuses requests without it: proof the call is not a server-side request forgery.
        request.Headers.Add("Metadata", "true");
        return request;
    }
}
