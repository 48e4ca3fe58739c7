using TriageBot.Channels.BotConnector.Authentication;
using TriageBot.Testing.Identity;
using static TriageBot.Channels.Tests.Authentication.AuthTestSupport;

namespace TriageBot.Channels.Tests.Authentication;

/// <summary>
/// Key discovery and caching, done by IdentityModel's ConfigurationManager: keys kept 24 h, one forced refresh for an
/// unknown kid (at most every 5 minutes), key rotation, stale keys kept while the metadata server is down,
/// endorsements. The refresh schedule runs on the library's own (system) clock, not on a TimeProvider; tests that
/// need time to pass shorten the unknown-kid interval instead. Each test has its own identity server, as they count
/// requests and change keys.
/// </summary>
public sealed class SigningKeyCacheTests
{
    private readonly ManualTimeProvider _clock = new();

    [Fact]
    public async Task ValidTokens_ReuseCachedKeys()
    {
        await using var idp = await StartAsync();
        var authenticator = Authenticator(idp, _clock);

        for (var i = 0; i < 3; i++)
        {
            var result = await authenticator.AuthenticateAsync(Bearer(idp.ChannelToken(AppId, ServiceUrl)), Message(), CancellationToken.None);
            Assert.True(result.Succeeded, result.FailureReason);
        }

        Assert.Equal(1, idp.ChannelMetadataRequests);
        Assert.Equal(1, idp.ChannelKeysRequests);
    }

    [Fact]
    public void SigningKeys_AreRefreshedDailyAndForUnknownKidsAtMostEveryFiveMinutes()
    {
        var settings = BotAuthenticationSettings.Resolve(new BotAuthenticationOptions { MicrosoftAppId = AppId, MicrosoftAppPassword = "secret" });
        var authenticator = Authenticator(settings, _clock);

        foreach (var keys in new[] { authenticator.ChannelKeys, authenticator.EmulatorKeys })
        {
            Assert.Equal(TimeSpan.FromHours(24), keys.Manager.AutomaticRefreshInterval);
            Assert.Equal(TimeSpan.FromMinutes(5), keys.Manager.RefreshInterval);
        }

        Assert.True(settings.RequireHttpsMetadata);
    }

    [Fact]
    public async Task UnknownKid_RefreshesKeysOnceThenIsRejected()
    {
        await using var idp = await StartAsync();
        var authenticator = Authenticator(idp, _clock);
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
        // The library's clock is the system clock: both unknown kids arrive well within 5 real minutes.
        await using var idp = await StartAsync();
        var authenticator = Authenticator(idp, _clock);
        using var stranger = new TestSigningKey(endorsements: FakeIdentityServer.DefaultEndorsements);
        await AssertAcceptedAsync(authenticator, idp);
        await AuthenticateAsync(authenticator, idp.ChannelToken(AppId, ServiceUrl, key: stranger));

        using var another = new TestSigningKey(endorsements: FakeIdentityServer.DefaultEndorsements);
        var result = await AuthenticateAsync(authenticator, idp.ChannelToken(AppId, ServiceUrl, key: another));

        Assert.False(result.Succeeded);
        Assert.Equal(2, idp.ChannelMetadataRequests);
        Assert.Equal(2, idp.ChannelKeysRequests);
    }

    [Fact]
    public async Task UnknownKid_AfterRefreshInterval_RefetchesAgain()
    {
        await using var idp = await StartAsync();
        var settings = BotAuthenticationSettings.Resolve(Options(idp)) with
        {
            RequireHttpsMetadata = false,
            UnknownKidRefreshInterval = TimeSpan.FromSeconds(1),
        };
        var authenticator = Authenticator(settings, _clock);
        using var stranger = new TestSigningKey(endorsements: FakeIdentityServer.DefaultEndorsements);
        await AssertAcceptedAsync(authenticator, idp);
        await AuthenticateAsync(authenticator, idp.ChannelToken(AppId, ServiceUrl, key: stranger));
        Assert.Equal(2, idp.ChannelKeysRequests);

        // Once the (shortened) interval has passed on the real clock, the next unknown kid may refresh again.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (idp.ChannelKeysRequests < 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200));
            await AuthenticateAsync(authenticator, idp.ChannelToken(AppId, ServiceUrl, key: stranger));
        }

        Assert.Equal(3, idp.ChannelKeysRequests);
    }

    [Fact]
    public async Task KeyRotated_UnknownKidRefresh_FindsNewKeyAndAccepts()
    {
        await using var idp = await StartAsync();
        var authenticator = Authenticator(idp, _clock);
        await AssertAcceptedAsync(authenticator, idp);

        var newKey = idp.RotateChannelKey();
        var result = await AuthenticateAsync(authenticator, idp.ChannelToken(AppId, ServiceUrl, key: newKey));

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal(2, idp.ChannelKeysRequests);
    }

    [Fact]
    public async Task KeyRotated_TokenFromRetiredKey_IsRejected()
    {
        await using var idp = await StartAsync();
        var authenticator = Authenticator(idp, _clock);
        var retired = idp.ChannelKey;
        await AssertAcceptedAsync(authenticator, idp);
        var newKey = idp.RotateChannelKey();
        await AuthenticateAsync(authenticator, idp.ChannelToken(AppId, ServiceUrl, key: newKey));

        var result = await AuthenticateAsync(authenticator, idp.ChannelToken(AppId, ServiceUrl, key: retired));

        Assert.False(result.Succeeded);
        Assert.Contains("kid", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConcurrentFirstRequests_FetchKeysOnce()
    {
        await using var idp = await StartAsync();
        var authenticator = Authenticator(idp, _clock);
        var token = idp.ChannelToken(AppId, ServiceUrl);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => AuthenticateAsync(authenticator, token)));

        Assert.All(results, r => Assert.True(r.Succeeded, r.FailureReason));
        Assert.Equal(1, idp.ChannelKeysRequests);
    }

    [Fact]
    public async Task ChannelToken_SignedWith1024BitKey_IsRejected()
    {
        // IdentityModel would verify a 1024-bit RSA signature; a Bot Framework key is never that short.
        await using var idp = await StartAsync();
        var weak = idp.AddChannelKey(new TestSigningKey(endorsements: FakeIdentityServer.DefaultEndorsements, keySizeInBits: 1024));
        var authenticator = Authenticator(idp, _clock);

        var result = await AuthenticateAsync(authenticator, idp.ChannelToken(AppId, ServiceUrl, key: weak));

        Assert.False(result.Succeeded);
        Assert.Contains("kid", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChannelToken_KeyNotEndorsedForChannel_IsRejected()
    {
        await using var idp = await StartAsync();
        var teamsOnly = idp.AddChannelKey(new TestSigningKey(endorsements: ["msteams"]));
        var authenticator = Authenticator(idp, _clock);

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
        var authenticator = Authenticator(idp, _clock);

        var result = await authenticator.AuthenticateAsync(
            Bearer(idp.ChannelToken(AppId, ServiceUrl, key: teamsOnly)), Message(channelId: "msteams"), CancellationToken.None);

        Assert.True(result.Succeeded, result.FailureReason);
    }

    [Fact]
    public async Task ChannelToken_KeyWithoutEndorsements_IsRejected()
    {
        await using var idp = await StartAsync();
        var unendorsed = idp.AddChannelKey(new TestSigningKey(endorsements: null));
        var authenticator = Authenticator(idp, _clock);

        var result = await AuthenticateAsync(authenticator, idp.ChannelToken(AppId, ServiceUrl, key: unendorsed));

        Assert.False(result.Succeeded);
        Assert.Contains("endorsed", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MetadataUnavailable_WithNoCachedKeys_IsRejected()
    {
        await using var idp = await StartAsync();
        idp.MetadataUnavailable = true;
        var authenticator = Authenticator(idp, _clock);

        var result = await AuthenticateAsync(authenticator, idp.ChannelToken(AppId, ServiceUrl));

        Assert.False(result.Succeeded);
        Assert.Contains("unavailable", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MetadataUnreachable_WithNoCachedKeys_IsRejected()
    {
        await using var idp = await StartAsync();
        var authenticator = Authenticator(idp, _clock, o => o.ToBotFromChannelOpenIdMetadataUrl = "http://127.0.0.1:1/nothing-listens-here");

        var result = await AuthenticateAsync(authenticator, idp.ChannelToken(AppId, ServiceUrl));

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task MetadataUnavailable_WhenRefreshing_KeepsUsingCachedKeys()
    {
        await using var idp = await StartAsync();
        var authenticator = Authenticator(idp, _clock);
        await AssertAcceptedAsync(authenticator, idp);
        using var stranger = new TestSigningKey(endorsements: FakeIdentityServer.DefaultEndorsements);

        idp.MetadataUnavailable = true;
        var unknown = await AuthenticateAsync(authenticator, idp.ChannelToken(AppId, ServiceUrl, key: stranger));
        await AssertAcceptedAsync(authenticator, idp);
        var unknownAgain = await AuthenticateAsync(authenticator, idp.ChannelToken(AppId, ServiceUrl, key: stranger));
        await AssertAcceptedAsync(authenticator, idp);

        Assert.False(unknown.Succeeded);
        Assert.False(unknownAgain.Succeeded);

        // One failed refresh (IdentityModel retries a 503 once), then no further attempt for 5 minutes.
        Assert.Equal(3, idp.ChannelMetadataRequests);
        Assert.Equal(1, idp.ChannelKeysRequests);
    }

    [Fact]
    public async Task MetadataOverHttp_WithoutTestHook_IsRefusedBeforeAnyRequest()
    {
        await using var idp = await StartAsync();
        var authenticator = Authenticator(BotAuthenticationSettings.Resolve(Options(idp)), _clock);

        var result = await AuthenticateAsync(authenticator, idp.ChannelToken(AppId, ServiceUrl));

        Assert.False(result.Succeeded);
        Assert.Contains("unavailable", result.FailureReason, StringComparison.Ordinal);
        Assert.Equal(0, idp.ChannelMetadataRequests);
    }

    private static async Task<FakeIdentityServer> StartAsync()
    {
        var idp = await FakeIdentityServer.StartAsync(CancellationToken.None);
        idp.TimeProvider = new ManualTimeProvider();
        return idp;
    }

    private static Task<InboundAuthResult> AuthenticateAsync(
        JwtInboundAuthenticator authenticator, string token) =>
        authenticator.AuthenticateAsync(Bearer(token), Message(), CancellationToken.None);

    private static async Task AssertAcceptedAsync(JwtInboundAuthenticator authenticator, FakeIdentityServer idp)
    {
        var result = await AuthenticateAsync(authenticator, idp.ChannelToken(AppId, ServiceUrl));
        Assert.True(result.Succeeded, result.FailureReason);
    }
}
