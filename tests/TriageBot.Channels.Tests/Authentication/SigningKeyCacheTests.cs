using TriageBot.Testing.Identity;
using static TriageBot.Channels.Tests.Authentication.AuthTestSupport;

namespace TriageBot.Channels.Tests.Authentication;

/// <summary>
/// Key discovery and caching: 24 h cache, one forced refresh for an unknown kid (at most every 5 minutes), key
/// rotation, endorsements. Each test has its own identity server, as they count requests and change keys.
/// </summary>
public sealed class SigningKeyCacheTests
{
    private readonly ManualTimeProvider _clock = new();

    [Fact]
    public async Task ValidTokens_ReuseCachedKeys()
    {
        await using var idp = await StartAsync();
        using var authenticator = Authenticator(idp, _clock);

        for (var i = 0; i < 3; i++)
        {
            var result = await authenticator.AuthenticateAsync(Bearer(idp.ChannelToken(AppId, ServiceUrl)), Message(), CancellationToken.None);
            Assert.True(result.Succeeded, result.FailureReason);
        }

        Assert.Equal(1, idp.ChannelMetadataRequests);
        Assert.Equal(1, idp.ChannelKeysRequests);
    }

    [Fact]
    public async Task CachedKeys_After24Hours_AreFetchedAgain()
    {
        await using var idp = await StartAsync();
        using var authenticator = Authenticator(idp, _clock);
        await AssertAcceptedAsync(authenticator, idp);

        _clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1));
        idp.TimeProvider = _clock;
        await AssertAcceptedAsync(authenticator, idp);

        Assert.Equal(2, idp.ChannelMetadataRequests);
        Assert.Equal(2, idp.ChannelKeysRequests);
    }

    [Fact]
    public async Task UnknownKid_RefreshesKeysOnceThenIsRejected()
    {
        await using var idp = await StartAsync();
        using var authenticator = Authenticator(idp, _clock);
        await AssertAcceptedAsync(authenticator, idp);
        using var stranger = new TestSigningKey(endorsements: FakeIdentityServer.DefaultEndorsements);

        var result = await authenticator.AuthenticateAsync(Bearer(idp.ChannelToken(AppId, ServiceUrl, key: stranger)), Message(), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("kid", result.FailureReason, StringComparison.Ordinal);
        Assert.Equal(2, idp.ChannelMetadataRequests);
        Assert.Equal(2, idp.ChannelKeysRequests);
    }

    [Fact]
    public async Task UnknownKid_AgainWithinFiveMinutes_DoesNotRefetch()
    {
        await using var idp = await StartAsync();
        using var authenticator = Authenticator(idp, _clock);
        using var stranger = new TestSigningKey(endorsements: FakeIdentityServer.DefaultEndorsements);
        await AssertAcceptedAsync(authenticator, idp);
        await AuthenticateAsync(authenticator, idp.ChannelToken(AppId, ServiceUrl, key: stranger));

        _clock.Advance(TimeSpan.FromMinutes(4));
        using var another = new TestSigningKey(endorsements: FakeIdentityServer.DefaultEndorsements);
        var result = await AuthenticateAsync(authenticator, idp.ChannelToken(AppId, ServiceUrl, key: another));

        Assert.False(result.Succeeded);
        Assert.Equal(2, idp.ChannelMetadataRequests);
        Assert.Equal(2, idp.ChannelKeysRequests);
    }

    [Fact]
    public async Task UnknownKid_AfterFiveMinutes_RefetchesAgain()
    {
        await using var idp = await StartAsync();
        using var authenticator = Authenticator(idp, _clock);
        using var stranger = new TestSigningKey(endorsements: FakeIdentityServer.DefaultEndorsements);
        await AssertAcceptedAsync(authenticator, idp);
        await AuthenticateAsync(authenticator, idp.ChannelToken(AppId, ServiceUrl, key: stranger));

        _clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        idp.TimeProvider = _clock;
        await AuthenticateAsync(authenticator, idp.ChannelToken(AppId, ServiceUrl, key: stranger));

        Assert.Equal(3, idp.ChannelKeysRequests);
    }

    [Fact]
    public async Task KeyRotated_UnknownKidRefresh_FindsNewKeyAndAccepts()
    {
        await using var idp = await StartAsync();
        using var authenticator = Authenticator(idp, _clock);
        await AssertAcceptedAsync(authenticator, idp);

        var newKey = idp.RotateChannelKey();
        var result = await AuthenticateAsync(authenticator, idp.ChannelToken(AppId, ServiceUrl, key: newKey));

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal(2, idp.ChannelKeysRequests);
    }

    [Fact]
    public async Task ConcurrentFirstRequests_FetchKeysOnce()
    {
        await using var idp = await StartAsync();
        using var authenticator = Authenticator(idp, _clock);
        var token = idp.ChannelToken(AppId, ServiceUrl);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => AuthenticateAsync(authenticator, token)));

        Assert.All(results, r => Assert.True(r.Succeeded, r.FailureReason));
        Assert.Equal(1, idp.ChannelKeysRequests);
    }

    [Fact]
    public async Task ChannelToken_KeyNotEndorsedForChannel_IsRejected()
    {
        await using var idp = await StartAsync();
        var teamsOnly = idp.AddChannelKey(new TestSigningKey(endorsements: ["msteams"]));
        using var authenticator = Authenticator(idp, _clock);

        var result = await authenticator.AuthenticateAsync(
            Bearer(idp.ChannelToken(AppId, ServiceUrl, key: teamsOnly)), Message(channelId: "webchat"), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("endorsed", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChannelToken_KeyEndorsedForChannel_IsAccepted()
    {
        await using var idp = await StartAsync();
        var teamsOnly = idp.AddChannelKey(new TestSigningKey(endorsements: ["msteams"]));
        using var authenticator = Authenticator(idp, _clock);

        var result = await authenticator.AuthenticateAsync(
            Bearer(idp.ChannelToken(AppId, ServiceUrl, key: teamsOnly)), Message(channelId: "msteams"), CancellationToken.None);

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task ChannelToken_KeyWithoutEndorsements_IsRejected()
    {
        await using var idp = await StartAsync();
        var unendorsed = idp.AddChannelKey(new TestSigningKey(endorsements: null));
        using var authenticator = Authenticator(idp, _clock);

        var result = await AuthenticateAsync(authenticator, idp.ChannelToken(AppId, ServiceUrl, key: unendorsed));

        Assert.False(result.Succeeded);
        Assert.Contains("endorsed", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MetadataUnavailable_WithNoCachedKeys_IsRejected()
    {
        await using var idp = await StartAsync();
        idp.MetadataUnavailable = true;
        using var authenticator = Authenticator(idp, _clock);

        var result = await AuthenticateAsync(authenticator, idp.ChannelToken(AppId, ServiceUrl));

        Assert.False(result.Succeeded);
        Assert.Contains("unavailable", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MetadataUnreachable_WithNoCachedKeys_IsRejected()
    {
        await using var idp = await StartAsync();
        using var authenticator = Authenticator(idp, _clock, o => o.ToBotFromChannelOpenIdMetadataUrl = "http://127.0.0.1:1/nothing-listens-here");

        var result = await AuthenticateAsync(authenticator, idp.ChannelToken(AppId, ServiceUrl));

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task MetadataUnavailable_AfterCacheExpiry_KeepsUsingCachedKeys()
    {
        await using var idp = await StartAsync();
        using var authenticator = Authenticator(idp, _clock);
        await AssertAcceptedAsync(authenticator, idp);

        idp.MetadataUnavailable = true;
        _clock.Advance(TimeSpan.FromHours(25));
        idp.TimeProvider = _clock;
        await AssertAcceptedAsync(authenticator, idp);
        await AssertAcceptedAsync(authenticator, idp);

        // One failed refresh, then a 5-minute pause before the next attempt.
        Assert.Equal(2, idp.ChannelMetadataRequests);
    }

    private static async Task<FakeIdentityServer> StartAsync()
    {
        var idp = await FakeIdentityServer.StartAsync(CancellationToken.None);
        idp.TimeProvider = new ManualTimeProvider();
        return idp;
    }

    private static Task<global::TriageBot.Channels.BotConnector.Authentication.InboundAuthResult> AuthenticateAsync(
        global::TriageBot.Channels.BotConnector.Authentication.JwtInboundAuthenticator authenticator, string token) =>
        authenticator.AuthenticateAsync(Bearer(token), Message(), CancellationToken.None);

    private static async Task AssertAcceptedAsync(global::TriageBot.Channels.BotConnector.Authentication.JwtInboundAuthenticator authenticator, FakeIdentityServer idp)
    {
        var result = await AuthenticateAsync(authenticator, idp.ChannelToken(AppId, ServiceUrl));
        Assert.True(result.Succeeded, result.FailureReason);
    }
}
