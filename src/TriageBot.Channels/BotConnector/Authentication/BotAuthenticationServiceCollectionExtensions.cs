using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace TriageBot.Channels.BotConnector.Authentication;

/// <summary>
/// Registers inbound and outbound authentication from the Bot Builder configuration keys. No MicrosoftAppId: auth is
/// off (anonymous requests, replies without a token). Otherwise JWT validation plus the token provider for the
/// MicrosoftAppType; the keys are checked here so a misconfigured bot fails at startup, naming the missing key.
/// </summary>
public static class BotAuthenticationServiceCollectionExtensions
{
    /// <summary>The named HttpClient for OpenID metadata, JWKS and token requests.</summary>
    public const string HttpClientName = "BotAuthentication";

    /// <exception cref="InvalidOperationException">The configuration is incomplete or contradictory.</exception>
    public static IServiceCollection AddBotAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new BotAuthenticationOptions();
        configuration.Bind(options);
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);

        if (options.IsAuthenticationDisabled)
        {
            // Bot Builder: a managed identity bot can never run with auth off, so a missing id is an error there.
            if (BotAuthenticationSettings.ParseAppType(options.MicrosoftAppType) == BotAppType.UserAssignedMsi)
            {
                throw new InvalidOperationException("MicrosoftAppId (the managed identity's client id) is required for MicrosoftAppType UserAssignedMSI.");
            }

            services.AddSingleton<IInboundAuthenticator, AnonymousAuthenticator>();
            services.AddSingleton<IChannelTokenProvider, NoChannelTokenProvider>();
            return services;
        }

        var settings = BotAuthenticationSettings.Resolve(options);
        services.AddHttpClient(HttpClientName, client =>
        {
            // Identity endpoints answer in well under a second; a hung one must not hold a turn for 100 s.
            client.Timeout = TimeSpan.FromSeconds(15);
            client.MaxResponseContentBufferSize = 1024 * 1024;
        });
        services.AddSingleton<IInboundAuthenticator>(provider => new JwtInboundAuthenticator(
            settings with { RequireHttpsMetadata = provider.GetService<AllowHttpOpenIdMetadata>() is null },
            provider.GetRequiredService<IHttpClientFactory>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<JwtInboundAuthenticator>>()));
        if (settings.AppType == BotAppType.UserAssignedMsi)
        {
            services.AddSingleton<IChannelTokenProvider, ManagedIdentityTokenProvider>();
        }
        else
        {
            services.AddSingleton<IChannelTokenProvider, ClientCredentialsTokenProvider>();
        }

        return services;
    }
}
