using Microsoft.Extensions.Logging;

namespace TriageBot.Channels.BotConnector.Authentication;

/// <summary>
/// The bot's own Bot Framework token for MultiTenant and SingleTenant apps: the OAuth client-credentials grant
/// against <c>{authority}/oauth2/v2.0/token</c> with the app id and password, cached until 5 minutes before expiry.
/// </summary>
public sealed class ClientCredentialsTokenProvider : IChannelTokenProvider, IDisposable
{
    private readonly BotAuthenticationSettings _settings;
    private readonly TokenRequestSender _sender;
    private readonly TokenCache _cache;

    /// <exception cref="InvalidOperationException">The options are incomplete (see <see cref="BotAuthenticationServiceCollectionExtensions"/>).</exception>
    public ClientCredentialsTokenProvider(
        BotAuthenticationOptions options,
        IHttpClientFactory httpClientFactory,
        TimeProvider timeProvider,
        ILogger<ClientCredentialsTokenProvider> logger)
        : this(BotAuthenticationSettings.Resolve(options), httpClientFactory, timeProvider, logger)
    {
    }

    internal ClientCredentialsTokenProvider(
        BotAuthenticationSettings settings,
        IHttpClientFactory httpClientFactory,
        TimeProvider timeProvider,
        ILogger<ClientCredentialsTokenProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        if (settings.AppType == BotAppType.UserAssignedMsi)
        {
            throw new InvalidOperationException("UserAssignedMSI apps get tokens from the managed identity endpoint, not with a password.");
        }

        _settings = settings;
        _cache = new TokenCache(timeProvider);
        _sender = new TokenRequestSender(httpClientFactory, timeProvider, logger, "client credentials");
    }

    public async Task<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken) =>
        await _cache.GetAsync(forceRefresh, cancellation => _sender.SendAsync(CreateRequest, cancellation), cancellationToken);

    public void Dispose() => _cache.Dispose();

    private HttpRequestMessage CreateRequest() => new(HttpMethod.Post, _settings.TokenEndpoint)
    {
        Content = new FormUrlEncodedContent(
        [
            new("grant_type", "client_credentials"),
            new("client_id", _settings.AppId),
            new("client_secret", _settings.AppPassword ?? string.Empty),
            new("scope", _settings.OAuthScope),
        ]),
    };
}
