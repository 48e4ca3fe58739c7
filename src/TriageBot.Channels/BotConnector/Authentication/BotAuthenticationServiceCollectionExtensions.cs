using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TriageBot.Channels.BotConnector.Authentication;

/// <summary>
/// Registers inbound and outbound authentication from the Bot Builder configuration keys. No MicrosoftAppId: auth is
/// off (anonymous requests, replies without a token). Otherwise JWT validation plus the token provider for the
/// MicrosoftAppType; <see cref="BotAuthenticationOptionsValidator"/> checks the keys at startup, so a misconfigured
/// bot fails to start, naming the missing key.
/// </summary>
public static class BotAuthenticationServiceCollectionExtensions
{
    /// <summary>The named HttpClient for OpenID metadata, JWKS and token requests (<see cref="TokenRequestResilience"/>).</summary>
    public const string HttpClientName = "BotAuthentication";

    /// <summary>
    /// Binds the Bot Builder keys from the configuration root (their names have no section) with
    /// <c>AddOptions().Bind().ValidateOnStart()</c>, and picks the implementations when they are first resolved.
    /// </summary>
    public static IServiceCollection AddBotAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<BotAuthenticationOptions>().Bind(configuration).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotAuthenticationOptions>, BotAuthenticationOptionsValidator>());
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<TokenRequestOptions>().Bind(configuration.GetSection(TokenRequestOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TokenRequestOptions>, TokenRequestOptionsValidator>());
        services.AddBotAuthenticationHttpClient();
        services.AddSingleton(InboundAuthenticator);
        services.AddSingleton(ChannelTokenProvider);
        return services;
    }

    /// <summary>No MicrosoftAppId: anonymous (whether it is served at all is <see cref="BotConnectorAccess"/>'s call); else JWT validation.</summary>
    private static IInboundAuthenticator InboundAuthenticator(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<BotAuthenticationOptions>();
        if (options.IsAuthenticationDisabled)
        {
            return new AnonymousAuthenticator();
        }

        return new JwtInboundAuthenticator(
            BotAuthenticationSettings.Resolve(options) with { RequireHttpsMetadata = provider.GetService<AllowHttpOpenIdMetadata>() is null },
            provider.GetRequiredService<IHttpClientFactory>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<JwtInboundAuthenticator>>());
    }

    /// <summary>The bot's own tokens for replies: none with auth off, else managed identity or client credentials.</summary>
    private static IChannelTokenProvider ChannelTokenProvider(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<BotAuthenticationOptions>();
        if (options.IsAuthenticationDisabled)
        {
            return new NoChannelTokenProvider();
        }

        return BotAuthenticationSettings.ParseAppType(options.MicrosoftAppType) == BotAppType.UserAssignedMsi
            ? ActivatorUtilities.CreateInstance<ManagedIdentityTokenProvider>(provider)
            : ActivatorUtilities.CreateInstance<ClientCredentialsTokenProvider>(provider);
    }
}
