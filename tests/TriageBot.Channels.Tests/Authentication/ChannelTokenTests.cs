using TriageBot.Schema;
using TriageBot.Testing.Identity;
using static TriageBot.Channels.Tests.Authentication.AuthTestSupport;

namespace TriageBot.Channels.Tests.Authentication;

/// <summary>Bot Connector tokens (protocol reference §4.2): issuer, audience, lifetime, serviceurl and endorsements.</summary>
public sealed class ChannelTokenTests(IdentityServerFixture fixture) : IClassFixture<IdentityServerFixture>
{
    private readonly FakeIdentityServer _idp = fixture.Server;
    private readonly ManualTimeProvider _clock = new();

    [Fact]
    public async Task ChannelToken_Valid_IsAcceptedWithAzureCallerId()
    {
        var result = await AuthenticateAsync(_idp.ChannelToken(AppId, ServiceUrl));

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal(CallerIdConstants.PublicAzureChannel, result.CallerId);
    }

    [Theory]
    [InlineData("RS256")]
    [InlineData("RS384")]
    [InlineData("RS512")]
    public async Task ChannelToken_AllowedRsaAlgorithms_AreAccepted(string algorithm)
    {
        var result = await AuthenticateAsync(_idp.ChannelToken(AppId, ServiceUrl, algorithm: algorithm));

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task ChannelToken_WrongAudience_IsRejected()
    {
        var result = await AuthenticateAsync(_idp.ChannelToken("another-bot-app-id", ServiceUrl));

        Assert.False(result.Succeeded);
        Assert.Contains("audience", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChannelToken_AudienceWithTrailingSlash_IsRejected()
    {
        // IdentityModel ignores a trailing slash on the audience by default; an app id is compared exactly.
        var result = await AuthenticateAsync(_idp.ChannelToken(AppId + "/", ServiceUrl));

        Assert.False(result.Succeeded);
        Assert.Contains("audience", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChannelToken_AudienceAsArray_IsRejected()
    {
        var token = _idp.ChannelToken(AppId, ServiceUrl, customize: c => c["aud"] = new System.Text.Json.Nodes.JsonArray(AppId));

        var result = await AuthenticateAsync(token);

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task ChannelToken_WrongIssuer_IsRejected()
    {
        var token = _idp.ChannelToken(AppId, ServiceUrl, customize: c => c["iss"] = "https://evil.example.com");

        var result = await AuthenticateAsync(token);

        Assert.False(result.Succeeded);
        Assert.Contains("issuer", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChannelToken_ExpiredBySixMinutes_IsRejected()
    {
        var token = _idp.ChannelToken(AppId, ServiceUrl, lifetime: TimeSpan.FromHours(1));
        _clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(6));

        var result = await AuthenticateAsync(token);

        Assert.False(result.Succeeded);
        Assert.Contains("expired", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChannelToken_ExpiredByFourMinutes_IsAcceptedWithinClockSkew()
    {
        var token = _idp.ChannelToken(AppId, ServiceUrl, lifetime: TimeSpan.FromHours(1));
        _clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(4));

        var result = await AuthenticateAsync(token);

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task ChannelToken_NotBeforeSixMinutesAhead_IsRejected()
    {
        var notBefore = TestTokens.NumericDate(_clock.GetUtcNow() + TimeSpan.FromMinutes(6));
        var token = _idp.ChannelToken(AppId, ServiceUrl, customize: c => c["nbf"] = notBefore);

        var result = await AuthenticateAsync(token);

        Assert.False(result.Succeeded);
        Assert.Contains("nbf", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChannelToken_NotBeforeFourMinutesAhead_IsAcceptedWithinClockSkew()
    {
        var notBefore = TestTokens.NumericDate(_clock.GetUtcNow() + TimeSpan.FromMinutes(4));
        var token = _idp.ChannelToken(AppId, ServiceUrl, customize: c => c["nbf"] = notBefore);

        var result = await AuthenticateAsync(token);

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task ChannelToken_WithoutExp_IsRejected()
    {
        var token = _idp.ChannelToken(AppId, ServiceUrl, customize: c => c.Remove("exp"));

        var result = await AuthenticateAsync(token);

        Assert.False(result.Succeeded);
        Assert.Contains("exp", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChannelToken_ExpAsString_IsRejected()
    {
        var exp = TestTokens.NumericDate(_clock.GetUtcNow().AddHours(1)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var token = _idp.ChannelToken(AppId, ServiceUrl, customize: c => c["exp"] = exp);

        var result = await AuthenticateAsync(token);

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task ChannelToken_SignedByAnotherKeyWithSameKid_IsRejected()
    {
        using var impostor = new TestSigningKey(kid: _idp.ChannelKey.Kid, endorsements: FakeIdentityServer.DefaultEndorsements);
        var token = _idp.ChannelToken(AppId, ServiceUrl, key: impostor);

        var result = await AuthenticateAsync(token);

        Assert.False(result.Succeeded);
        Assert.Contains("signature", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChannelToken_TamperedPayload_IsRejected()
    {
        var genuine = _idp.ChannelToken(AppId, ServiceUrl).Split('.');
        var forgedPayload = _idp.ChannelToken(AppId, "https://attacker.example.com/").Split('.')[1];
        var activity = Message(serviceUrl: "https://attacker.example.com/");

        var result = await AuthenticateAsync(string.Join('.', genuine[0], forgedPayload, genuine[2]), activity);

        Assert.False(result.Succeeded);
        Assert.Contains("signature", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChannelToken_ServiceUrlMismatch_IsRejected()
    {
        var token = _idp.ChannelToken(AppId, "https://smba.trafficmanager.net/amer/");

        var result = await AuthenticateAsync(token);

        Assert.False(result.Succeeded);
        Assert.Contains("serviceurl", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChannelToken_ServiceUrlDiffersOnlyByCase_IsAccepted()
    {
        var token = _idp.ChannelToken(AppId, ServiceUrl.ToUpperInvariant());

        var result = await AuthenticateAsync(token);

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task ChannelToken_MissingServiceUrlClaim_IsRejected()
    {
        var token = _idp.ChannelToken(AppId, ServiceUrl, customize: c => c.Remove("serviceurl"));

        var result = await AuthenticateAsync(token);

        Assert.False(result.Succeeded);
        Assert.Contains("serviceurl", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChannelToken_ActivityWithoutServiceUrl_IsRejected()
    {
        var result = await AuthenticateAsync(_idp.ChannelToken(AppId, ServiceUrl), Message(serviceUrl: null));

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task ChannelToken_EmptyChannelId_IsRejected()
    {
        var result = await AuthenticateAsync(_idp.ChannelToken(AppId, ServiceUrl), Message(channelId: ""));

        Assert.False(result.Succeeded);
        Assert.Contains("channelId", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChannelToken_SignedByEmulatorKey_IsRejected()
    {
        var token = _idp.ChannelToken(AppId, ServiceUrl, key: _idp.EmulatorKey);

        var result = await AuthenticateAsync(token);

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task ChannelToken_FailureReason_NeverContainsTheToken()
    {
        var token = _idp.ChannelToken("another-bot-app-id", ServiceUrl);

        var result = await AuthenticateAsync(token);

        Assert.False(result.Succeeded);
        Assert.DoesNotContain(token, result.FailureReason, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Split('.')[2], result.FailureReason, StringComparison.Ordinal);
    }

    private async Task<global::TriageBot.Channels.BotConnector.Authentication.InboundAuthResult> AuthenticateAsync(string token, Activity? activity = null)
    {
        var authenticator = Authenticator(_idp, _clock);
        return await authenticator.AuthenticateAsync(Bearer(token), activity ?? Message(), CancellationToken.None);
    }
}
