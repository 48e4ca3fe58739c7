using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TriageBot.Channels.BotConnector.Authentication;
using TriageBot.Schema;
using TriageBot.Testing.Identity;
using static TriageBot.Channels.Tests.Authentication.AuthTestSupport;

namespace TriageBot.Channels.Tests.Authentication;

/// <summary>AddBotAuthentication: startup checks that name the missing key, and which implementations it picks.</summary>
public sealed class BotAuthenticationConfigurationTests
{
    [Fact]
    public void NoAppId_UsesAnonymousAuthAndNoToken()
    {
        using var services = Build(new() { ["MicrosoftAppType"] = "MultiTenant", ["MicrosoftAppId"] = "" });

        Assert.IsType<AnonymousAuthenticator>(services.GetRequiredService<IInboundAuthenticator>());
        Assert.IsType<NoChannelTokenProvider>(services.GetRequiredService<IChannelTokenProvider>());
    }

    [Fact]
    public void MultiTenant_UsesJwtAndClientCredentials()
    {
        using var services = Build(new() { ["MicrosoftAppId"] = AppId, ["MicrosoftAppPassword"] = "secret" });

        Assert.IsType<JwtInboundAuthenticator>(services.GetRequiredService<IInboundAuthenticator>());
        Assert.IsType<ClientCredentialsTokenProvider>(services.GetRequiredService<IChannelTokenProvider>());
    }

    [Fact]
    public void UserAssignedMsi_UsesManagedIdentityTokens()
    {
        using var services = Build(new()
        {
            ["MicrosoftAppType"] = "UserAssignedMSI",
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppTenantId"] = TenantId,
        });

        Assert.IsType<ManagedIdentityTokenProvider>(services.GetRequiredService<IChannelTokenProvider>());
    }

    [Theory]
    [InlineData("MultiTenant")]
    [InlineData("")]
    public void MultiTenant_WithoutPassword_Throws(string appType)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Validate(new() { ["MicrosoftAppType"] = appType, ["MicrosoftAppId"] = AppId }));

        Assert.Contains("MicrosoftAppPassword", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SingleTenant_WithoutTenant_Throws()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Validate(new()
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "secret",
        }));

        Assert.Contains("MicrosoftAppTenantId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SingleTenant_WithoutPassword_Throws()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Validate(new()
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppTenantId"] = TenantId,
        }));

        Assert.Contains("MicrosoftAppPassword", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UserAssignedMsi_WithPassword_Throws()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Validate(new()
        {
            ["MicrosoftAppType"] = "UserAssignedMSI",
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppTenantId"] = TenantId,
            ["MicrosoftAppPassword"] = "secret",
        }));

        Assert.Contains("MicrosoftAppPassword", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UserAssignedMsi_WithoutTenant_Throws()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Validate(new()
        {
            ["MicrosoftAppType"] = "UserAssignedMSI",
            ["MicrosoftAppId"] = AppId,
        }));

        Assert.Contains("MicrosoftAppTenantId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UserAssignedMsi_WithoutAppId_Throws()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Validate(new()
        {
            ["MicrosoftAppType"] = "UserAssignedMSI",
            ["MicrosoftAppTenantId"] = TenantId,
        }));

        Assert.Contains("MicrosoftAppId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownAppType_Throws()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Validate(new()
        {
            ["MicrosoftAppType"] = "MultiTenantish",
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "secret",
        }));

        Assert.Contains("MicrosoftAppType", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownChannelService_Throws()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Validate(new()
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "secret",
            ["ChannelService"] = "https://botframework.example.com",
        }));

        Assert.Contains("ChannelService", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OverrideThatIsNotAUrl_Throws()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Validate(new()
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "secret",
            ["ToBotFromChannelOpenIdMetadataUrl"] = "login.botframework.com/v1",
        }));

        Assert.Contains("ToBotFromChannelOpenIdMetadataUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PublicCloud_Defaults()
    {
        var settings = BotAuthenticationSettings.Resolve(new BotAuthenticationOptions { MicrosoftAppId = AppId, MicrosoftAppPassword = "secret" });

        Assert.Equal("https://login.botframework.com/v1/.well-known/openidconfiguration", settings.ChannelMetadataUrl);
        Assert.Equal("https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration", settings.EmulatorMetadataUrl);
        Assert.Equal("https://api.botframework.com", settings.ChannelIssuer);
        Assert.Equal(new Uri("https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token"), settings.TokenEndpoint);
        Assert.Equal("https://api.botframework.com/.default", settings.OAuthScope);
        Assert.Equal(CallerIdConstants.PublicAzureChannel, settings.CallerId);
    }

    [Fact]
    public void SingleTenant_DefaultAuthorityIsTheTenant()
    {
        var settings = BotAuthenticationSettings.Resolve(new BotAuthenticationOptions
        {
            MicrosoftAppType = "SingleTenant",
            MicrosoftAppId = AppId,
            MicrosoftAppPassword = "secret",
            MicrosoftAppTenantId = TenantId,
        });

        Assert.Equal(new Uri($"https://login.microsoftonline.com/{TenantId}/oauth2/v2.0/token"), settings.TokenEndpoint);
        Assert.Contains($"https://sts.windows.net/{TenantId}/", (IReadOnlySet<string>)settings.EmulatorIssuers);
        Assert.Contains($"https://login.microsoftonline.com/{TenantId}/v2.0", (IReadOnlySet<string>)settings.EmulatorIssuers);
    }

    [Fact]
    public void UsGovernment_Defaults()
    {
        var settings = BotAuthenticationSettings.Resolve(new BotAuthenticationOptions
        {
            MicrosoftAppId = AppId,
            MicrosoftAppPassword = "secret",
            ChannelService = "https://botframework.azure.us",
        });

        Assert.Equal("https://login.botframework.azure.us/v1/.well-known/openidconfiguration", settings.ChannelMetadataUrl);
        Assert.Equal("https://api.botframework.us", settings.ChannelIssuer);
        Assert.Equal(new Uri("https://login.microsoftonline.us/MicrosoftServices.onmicrosoft.us/oauth2/v2.0/token"), settings.TokenEndpoint);
        Assert.Equal("https://api.botframework.us/.default", settings.OAuthScope);
        Assert.Equal("https://api.botframework.us", settings.ManagedIdentityResource);
        Assert.Equal(CallerIdConstants.USGovChannel, settings.CallerId);
    }

    [Fact]
    public async Task UsGovernment_ChannelTokenFromGovIssuer_IsAcceptedWithGovCallerId()
    {
        await using var idp = await FakeIdentityServer.StartAsync(CancellationToken.None);
        var authenticator = Authenticator(idp, TimeProvider.System, o => o.ChannelService = "https://botframework.azure.us");

        var gov = await authenticator.AuthenticateAsync(
            Bearer(idp.ChannelToken(AppId, ServiceUrl, customize: c => c["iss"] = "https://api.botframework.us")), Message(), CancellationToken.None);
        var publicCloud = await authenticator.AuthenticateAsync(Bearer(idp.ChannelToken(AppId, ServiceUrl)), Message(), CancellationToken.None);

        Assert.True(gov.Succeeded, gov.FailureReason);
        Assert.Equal(CallerIdConstants.USGovChannel, gov.CallerId);
        Assert.False(publicCloud.Succeeded);
    }

    [Fact]
    public async Task FakeIdentityServerConfiguration_WiresInboundAndOutboundAuth()
    {
        await using var idp = await FakeIdentityServer.StartAsync(CancellationToken.None);
        using var services = Register(idp.BotConfiguration(AppId)).AddSingleton(new AllowHttpOpenIdMetadata()).BuildServiceProvider();

        var inbound = await services.GetRequiredService<IInboundAuthenticator>().AuthenticateAsync(
            Bearer(idp.ChannelToken(AppId, ServiceUrl)), Message(), CancellationToken.None);
        var emulator = await services.GetRequiredService<IInboundAuthenticator>().AuthenticateAsync(
            Bearer(idp.EmulatorToken(AppId, "2.0")), Message(channelId: "emulator"), CancellationToken.None);
        var outbound = await services.GetRequiredService<IChannelTokenProvider>().GetTokenAsync(forceRefresh: false, CancellationToken.None);

        Assert.True(inbound.Succeeded, inbound.FailureReason);
        Assert.True(emulator.Succeeded, emulator.FailureReason);
        Assert.Equal(idp.LastIssuedToken, outbound);
        Assert.Equal("botframework.com", Assert.Single(idp.TokenRequestLog).Tenant);
    }

    [Fact]
    public void TokenRequestRetriesOutOfRange_Throws_NamingTheKey()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Validate<TokenRequestOptions>(new()
        {
            ["MicrosoftAppId"] = AppId,
            ["Channels:BotConnector:TokenRequests:Retry:MaxAttempts"] = "0",
        }));

        Assert.Contains("Channels:BotConnector:TokenRequests: Retry:MaxAttempts", error.Message, StringComparison.Ordinal);
    }

    /// <summary>What ValidateOnStart does at startup: resolve the options, which runs the validator.</summary>
    private static BotAuthenticationOptions Validate(Dictionary<string, string?> settings) => Validate<BotAuthenticationOptions>(settings);

    private static TOptions Validate<TOptions>(Dictionary<string, string?> settings)
        where TOptions : class
    {
        using var provider = Build(settings);
        return provider.GetRequiredService<IOptions<TOptions>>().Value;
    }

    private static IServiceCollection Register(Dictionary<string, string?> settings) =>
        new ServiceCollection().AddLogging().AddBotAuthentication(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

    private static ServiceProvider Build(Dictionary<string, string?> settings) => Register(settings).BuildServiceProvider();
}
