using TriageBot.Schema;
using TriageBot.Testing.Identity;
using static TriageBot.Channels.Tests.Authentication.AuthTestSupport;

namespace TriageBot.Channels.Tests.Authentication;

/// <summary>Emulator (AAD) tokens: version-dependent app id claim, audience, issuers; skill tokens are refused.</summary>
public sealed class EmulatorTokenTests(IdentityServerFixture fixture) : IClassFixture<IdentityServerFixture>
{
    private readonly FakeIdentityServer _idp = fixture.Server;
    private readonly ManualTimeProvider _clock = new();

    [Theory]
    [InlineData("1.0")]
    [InlineData("2.0")]
    public async Task EmulatorToken_SupportedVersion_IsAccepted(string version)
    {
        var result = await AuthenticateAsync(_idp.EmulatorToken(AppId, version));

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal(CallerIdConstants.PublicAzureChannel, result.CallerId);
    }

    [Fact]
    public async Task EmulatorToken_Version3_IsRejected()
    {
        var result = await AuthenticateAsync(_idp.EmulatorToken(AppId, "3.0"));

        Assert.False(result.Succeeded);
        Assert.Contains("ver", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmulatorToken_MissingVersion_IsRejected()
    {
        var result = await AuthenticateAsync(_idp.EmulatorToken(AppId, customize: c => c.Remove("ver")));

        Assert.False(result.Succeeded);
        Assert.Contains("ver", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmulatorToken_V1WithoutAppId_IsRejected()
    {
        var result = await AuthenticateAsync(_idp.EmulatorToken(AppId, "1.0", customize: c =>
        {
            c.Remove("appid");
            c["azp"] = AppId;
        }));

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task EmulatorToken_V2WithoutAzp_IsRejected()
    {
        var result = await AuthenticateAsync(_idp.EmulatorToken(AppId, "2.0", customize: c =>
        {
            c.Remove("azp");
            c["appid"] = AppId;
        }));

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task EmulatorToken_ForAnotherApp_IsRejected()
    {
        var result = await AuthenticateAsync(_idp.EmulatorToken("another-bot-app-id"));

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task EmulatorToken_Expired_IsRejected()
    {
        var token = _idp.EmulatorToken(AppId, lifetime: TimeSpan.FromMinutes(30));
        _clock.Advance(TimeSpan.FromMinutes(36));

        var result = await AuthenticateAsync(token);

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task EmulatorToken_SignedByChannelKey_IsRejected()
    {
        var result = await AuthenticateAsync(_idp.EmulatorToken(AppId, key: _idp.ChannelKey));

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task EmulatorToken_KeyEndorsedForOtherChannels_IsRejected()
    {
        await using var idp = await FakeIdentityServer.StartAsync(CancellationToken.None);
        var endorsed = idp.AddEmulatorKey(new TestSigningKey(endorsements: ["msteams"]));
        var authenticator = Authenticator(idp, TimeProvider.System);

        var result = await authenticator.AuthenticateAsync(
            Bearer(idp.EmulatorToken(AppId, key: endorsed)), Message(channelId: "emulator"), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("endorsed", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmulatorToken_SingleTenantIssuer_IsAcceptedForSingleTenantBot()
    {
        var token = _idp.EmulatorToken(AppId, "1.0", customize: c => c["iss"] = $"https://sts.windows.net/{TenantId}/");
        var authenticator = Authenticator(_idp, _clock, o =>
        {
            o.MicrosoftAppType = "SingleTenant";
            o.MicrosoftAppTenantId = TenantId;
        });

        var result = await authenticator.AuthenticateAsync(Bearer(token), Message(channelId: "emulator"), CancellationToken.None);

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task EmulatorToken_UnknownTenantIssuer_IsTreatedAsChannelTokenAndRejected()
    {
        var result = await AuthenticateAsync(_idp.EmulatorToken(AppId, "1.0", customize: c => c["iss"] = $"https://sts.windows.net/{TenantId}/"));

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task SkillToken_WithoutAllowedCallers_IsRejected()
    {
        var result = await AuthenticateAsync(_idp.SkillToken("calling-bot-app-id", AppId));

        Assert.False(result.Succeeded);
        Assert.Contains("Skill", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SkillToken_V2WithForeignAzp_IsRejected()
    {
        var result = await AuthenticateAsync(_idp.EmulatorToken(AppId, "2.0", customize: c => c["azp"] = "calling-bot-app-id"));

        Assert.False(result.Succeeded);
        Assert.Contains("Skill", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnonymousSkillToken_IsRejected()
    {
        var result = await AuthenticateAsync(_idp.SkillToken("AnonymousSkill", AppId));

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task EmulatorToken_EmptyChannelId_IsRejected()
    {
        var authenticator = Authenticator(_idp, _clock);

        var result = await authenticator.AuthenticateAsync(Bearer(_idp.EmulatorToken(AppId)), Message(channelId: ""), CancellationToken.None);

        Assert.False(result.Succeeded);
    }

    private async Task<global::TriageBot.Channels.BotConnector.Authentication.InboundAuthResult> AuthenticateAsync(string token)
    {
        var authenticator = Authenticator(_idp, _clock);
        return await authenticator.AuthenticateAsync(Bearer(token), Message(channelId: "emulator", serviceUrl: "http://localhost:56789"), CancellationToken.None);
    }
}
