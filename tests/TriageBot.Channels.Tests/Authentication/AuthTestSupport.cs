using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TriageBot.Channels.BotConnector.Authentication;
using TriageBot.Schema;
using TriageBot.Testing;
using TriageBot.Testing.Identity;

namespace TriageBot.Channels.Tests.Authentication;

/// <summary>Builds the units under test against a <see cref="FakeIdentityServer"/>, over real HTTP.</summary>
internal static class AuthTestSupport
{
    public const string AppId = "2f1c9a6e-7b1d-4c39-9a0e-5d2b8f3c1a77";
    public const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
    public const string TenantId = "7d3e5f21-0b4c-4e8a-9c61-2a9f0e4b8d13";

    private static readonly Lazy<IHttpClientFactory> SharedHttpClientFactory = new(() =>
        AuthenticationServices(logs: null).GetRequiredService<IHttpClientFactory>());

    /// <summary>The app's <c>BotAuthentication</c> client, resilience handler included, with short retry delays.</summary>
    public static IHttpClientFactory HttpClientFactory => SharedHttpClientFactory.Value;

    /// <summary>
    /// The app's <c>BotAuthentication</c> client registration (its resilience handler included) with retry delays of a
    /// few milliseconds, and logging to <paramref name="logs"/> when given.
    /// </summary>
    public static ServiceProvider AuthenticationServices(TestLogSink? logs)
    {
        var services = new ServiceCollection().AddLogging(logging =>
        {
            if (logs is not null)
            {
                logging.AddProvider(logs);
            }
        });
        services.Configure<TokenRequestOptions>(o =>
        {
            o.Retry.BaseDelay = TimeSpan.FromMilliseconds(5);
            o.Retry.MaxDelay = TimeSpan.FromMilliseconds(20);
        });
        return services.AddBotAuthenticationHttpClient().BuildServiceProvider();
    }

    public static BotAuthenticationOptions Options(FakeIdentityServer server, Action<BotAuthenticationOptions>? configure = null)
    {
        var options = new BotAuthenticationOptions
        {
            MicrosoftAppId = AppId,
            MicrosoftAppPassword = FakeIdentityServer.DefaultPassword,
            MicrosoftAppType = "MultiTenant",
            ToBotFromChannelOpenIdMetadataUrl = server.ChannelMetadataUrl,
            ToBotFromEmulatorOpenIdMetadataUrl = server.EmulatorMetadataUrl,
            ToChannelFromBotLoginUrl = server.LoginUrl,
            ManagedIdentityEndpoint = server.ManagedIdentityEndpoint,
        };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>The authenticator as the app builds it, but allowed to fetch keys from the test server's plain-http
    /// loopback URLs (the test hook the app never uses).</summary>
    public static JwtInboundAuthenticator Authenticator(
        FakeIdentityServer server, TimeProvider clock, Action<BotAuthenticationOptions>? configure = null) =>
        Authenticator(BotAuthenticationSettings.Resolve(Options(server, configure)) with { RequireHttpsMetadata = false }, clock);

    public static JwtInboundAuthenticator Authenticator(BotAuthenticationSettings settings, TimeProvider clock) =>
        new(settings, HttpClientFactory, clock, NullLogger<JwtInboundAuthenticator>.Instance);

    public static Activity Message(string channelId = "msteams", string? serviceUrl = ServiceUrl) => new()
    {
        Type = ActivityTypes.Message,
        Id = "activity-1",
        ChannelId = channelId,
        ServiceUrl = serviceUrl,
        Conversation = new ConversationAccount { Id = "conversation-1" },
    };

    public static string Bearer(string token) => "Bearer " + token;
}
