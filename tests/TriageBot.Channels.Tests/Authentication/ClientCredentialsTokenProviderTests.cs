using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TriageBot.Channels.BotConnector.Authentication;
using TriageBot.Testing;
using TriageBot.Testing.Identity;
using static TriageBot.Channels.Tests.Authentication.AuthTestSupport;

namespace TriageBot.Channels.Tests.Authentication;

/// <summary>The bot's outbound token: client-credentials form, caching with a 5-minute margin, single flight, retries.</summary>
public sealed class ClientCredentialsTokenProviderTests
{
    private readonly ManualTimeProvider _clock = new();

    [Fact]
    public async Task TokenRequest_SendsClientCredentialsFormToBotFrameworkTenant()
    {
        await using var idp = await FakeIdentityServer.StartAsync(CancellationToken.None);
        using var provider = Provider(idp);

        var token = await provider.GetTokenAsync(forceRefresh: false, CancellationToken.None);

        Assert.Equal(idp.LastIssuedToken, token);
        var request = Assert.Single(idp.TokenRequestLog);
        Assert.Equal(new IdentityTokenRequest("botframework.com", "client_credentials", AppId, FakeIdentityServer.DefaultPassword,
            "https://api.botframework.com/.default"), request);
    }

    [Fact]
    public async Task TwoCalls_ReuseOneTokenRequest()
    {
        await using var idp = await FakeIdentityServer.StartAsync(CancellationToken.None);
        using var provider = Provider(idp);

        var first = await provider.GetTokenAsync(forceRefresh: false, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(30));
        var second = await provider.GetTokenAsync(forceRefresh: false, CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Equal(1, idp.TokenRequests);
    }

    [Fact]
    public async Task TokenWithFourMinutesLeft_IsRefreshed()
    {
        await using var idp = await FakeIdentityServer.StartAsync(CancellationToken.None);
        idp.TokenExpiresInSeconds = 3600;
        using var provider = Provider(idp);
        var first = await provider.GetTokenAsync(forceRefresh: false, CancellationToken.None);

        _clock.Advance(TimeSpan.FromMinutes(56));
        var second = await provider.GetTokenAsync(forceRefresh: false, CancellationToken.None);

        Assert.NotEqual(first, second);
        Assert.Equal(2, idp.TokenRequests);
    }

    [Fact]
    public async Task TokenWithSixMinutesLeft_IsReused()
    {
        await using var idp = await FakeIdentityServer.StartAsync(CancellationToken.None);
        idp.TokenExpiresInSeconds = 3600;
        using var provider = Provider(idp);
        await provider.GetTokenAsync(forceRefresh: false, CancellationToken.None);

        _clock.Advance(TimeSpan.FromMinutes(54));
        await provider.GetTokenAsync(forceRefresh: false, CancellationToken.None);

        Assert.Equal(1, idp.TokenRequests);
    }

    [Fact]
    public async Task TenConcurrentCallers_MakeOneTokenRequest()
    {
        await using var idp = await FakeIdentityServer.StartAsync(CancellationToken.None);
        using var provider = Provider(idp);

        var tokens = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Task.Run(() => provider.GetTokenAsync(forceRefresh: false, CancellationToken.None))));

        Assert.Single(tokens.Distinct());
        Assert.Equal(1, idp.TokenRequests);
    }

    [Fact]
    public async Task ForceRefresh_MakesNewTokenRequest()
    {
        await using var idp = await FakeIdentityServer.StartAsync(CancellationToken.None);
        using var provider = Provider(idp);
        var first = await provider.GetTokenAsync(forceRefresh: false, CancellationToken.None);

        var refreshed = await provider.GetTokenAsync(forceRefresh: true, CancellationToken.None);
        var cached = await provider.GetTokenAsync(forceRefresh: false, CancellationToken.None);

        Assert.NotEqual(first, refreshed);
        Assert.Equal(refreshed, cached);
        Assert.Equal(2, idp.TokenRequests);
    }

    [Fact]
    public async Task SingleTenant_RequestsTokenFromOwnTenant()
    {
        await using var idp = await FakeIdentityServer.StartAsync(CancellationToken.None);
        var options = Options(idp, o =>
        {
            o.MicrosoftAppType = "SingleTenant";
            o.MicrosoftAppTenantId = TenantId;
            o.ToChannelFromBotLoginUrl = null;
        });

        // The default authority host, swapped for the fake, so the tenant path is the provider's own doing.
        var settings = BotAuthenticationSettings.Resolve(options) with { LoginHost = idp.BaseUrl };
        using var provider = new ClientCredentialsTokenProvider(
            settings, HttpClientFactory, _clock, NullLogger<ClientCredentialsTokenProvider>.Instance);

        await provider.GetTokenAsync(forceRefresh: false, CancellationToken.None);

        Assert.Equal(TenantId, Assert.Single(idp.TokenRequestLog).Tenant);
    }

    [Fact]
    public async Task Transient503ThenSuccess_ReturnsToken()
    {
        await using var idp = await FakeIdentityServer.StartAsync(CancellationToken.None);
        idp.FailNextTokenRequests(1, statusCode: 503);
        using var provider = Provider(idp);

        var token = await provider.GetTokenAsync(forceRefresh: false, CancellationToken.None);

        Assert.Equal(idp.LastIssuedToken, token);
        Assert.Equal(2, idp.TokenRequests);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task TransientStatusTwice_IsRetried_UntilTheToken(int status)
    {
        await using var idp = await FakeIdentityServer.StartAsync(CancellationToken.None);
        idp.FailNextTokenRequests(2, statusCode: status);
        using var provider = Provider(idp);

        var token = await provider.GetTokenAsync(forceRefresh: false, CancellationToken.None);

        Assert.Equal(idp.LastIssuedToken, token);
        Assert.Equal(3, idp.TokenRequests);
    }

    [Fact]
    public async Task Throttled429WithRetryAfter_IsRetriedAfterTheGivenDelay()
    {
        await using var idp = await FakeIdentityServer.StartAsync(CancellationToken.None);
        idp.FailNextTokenRequests(1, statusCode: 429, retryAfterSeconds: 1);
        var logs = new TestLogSink();
        await using var services = AuthenticationServices(logs);
        using var provider = Provider(idp, services);

        var token = await provider.GetTokenAsync(forceRefresh: false, CancellationToken.None);

        Assert.Equal(idp.LastIssuedToken, token);
        Assert.Equal(2, idp.TokenRequests);
        var retry = Assert.Single(logs.WithEvent("ChannelTokenRetrying"));
        Assert.Contains("Status=429", retry.Message, StringComparison.Ordinal);
        Assert.Contains("DelayMs=1000", retry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throttled429AskingForMoreThanTheCap_FailsAtOnce()
    {
        await using var idp = await FakeIdentityServer.StartAsync(CancellationToken.None);
        idp.FailNextTokenRequests(1, statusCode: 429, retryAfterSeconds: 60);
        using var provider = Provider(idp);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => provider.GetTokenAsync(forceRefresh: false, CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal(1, idp.TokenRequests);
    }

    [Fact]
    public async Task PersistentTransientFailure_GivesUpAfterThreeAttempts()
    {
        await using var idp = await FakeIdentityServer.StartAsync(CancellationToken.None);
        idp.FailNextTokenRequests(10, statusCode: 500);
        var logs = new TestLogSink();
        await using var services = AuthenticationServices(logs);
        using var provider = Provider(idp, services);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => provider.GetTokenAsync(forceRefresh: false, CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal(3, idp.TokenRequests);
        Assert.Equal(2, logs.WithEvent("ChannelTokenRetrying").Count());
        Assert.Contains("Attempts=3", Assert.Single(logs.WithEvent("ChannelTokenFailed")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IdentityEndpointUnreachable_IsRetried_ThenFailsWithoutStatus()
    {
        await using var idp = await FakeIdentityServer.StartAsync(CancellationToken.None);
        var logs = new TestLogSink();
        await using var services = AuthenticationServices(logs);

        // Port 1 on loopback: nothing listens, so every attempt is refused (a network failure, no HTTP answer).
        using var provider = Provider(idp, services, o => o.ToChannelFromBotLoginUrl = "http://127.0.0.1:1/botframework.com");

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => provider.GetTokenAsync(forceRefresh: false, CancellationToken.None));

        Assert.Null(error.StatusCode);
        Assert.Equal(2, logs.WithEvent("ChannelTokenRetrying").Count());
        Assert.Contains("Attempts=3", Assert.Single(logs.WithEvent("ChannelTokenFailed")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidClient400_IsNotRetried_AndFailsAtOnce()
    {
        await using var idp = await FakeIdentityServer.StartAsync(CancellationToken.None);
        idp.FailNextTokenRequests(1, statusCode: 400, error: "invalid_client");
        var logs = new TestLogSink();
        await using var services = AuthenticationServices(logs);
        using var provider = Provider(idp, services);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => provider.GetTokenAsync(forceRefresh: false, CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("invalid_client", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, idp.TokenRequests);
        Assert.Empty(logs.WithEvent("ChannelTokenRetrying"));
        Assert.Contains("Attempts=1", Assert.Single(logs.WithEvent("ChannelTokenFailed")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongSecret_IsNotRetried_AndErrorNamesCodeNotSecret()
    {
        await using var idp = await FakeIdentityServer.StartAsync(CancellationToken.None);
        idp.ExpectedClientSecret = "the-right-secret";
        using var provider = Provider(idp);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => provider.GetTokenAsync(forceRefresh: false, CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Contains("invalid_client", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeIdentityServer.DefaultPassword, error.Message, StringComparison.Ordinal);
        Assert.Equal(1, idp.TokenRequests);
    }

    [Theory]
    [InlineData(503, 10)]
    [InlineData(401, 1)]
    public async Task FailedTokenRequests_LogOurOwnEventsOnly_NeverTheUpstreamBodyOrSecret(int status, int failures)
    {
        await using var idp = await FakeIdentityServer.StartAsync(CancellationToken.None);
        idp.FailNextTokenRequests(failures, statusCode: status, error: status == 401 ? "invalid_client" : null);
        var logs = new TestLogSink();
        await using var services = AuthenticationServices(logs);
        using var provider = Provider(idp, services);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => provider.GetTokenAsync(forceRefresh: false, CancellationToken.None));

        Assert.Single(logs.WithEvent("ChannelTokenFailed"));
        Assert.DoesNotContain(FakeIdentityServer.ErrorDescription, logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeIdentityServer.ErrorDescription, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(FakeIdentityServer.DefaultPassword, logs.AllText, StringComparison.Ordinal);

        // Polly's own retry and outcome lines are switched off for this client: ours say what matters.
        Assert.DoesNotContain(logs.Entries, e => e.Category.StartsWith("Polly", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FailedRequest_IsNotCached()
    {
        await using var idp = await FakeIdentityServer.StartAsync(CancellationToken.None);
        idp.FailNextTokenRequests(1, statusCode: 400);
        using var provider = Provider(idp);
        await Assert.ThrowsAsync<HttpRequestException>(() => provider.GetTokenAsync(forceRefresh: false, CancellationToken.None));

        var token = await provider.GetTokenAsync(forceRefresh: false, CancellationToken.None);

        Assert.Equal(idp.LastIssuedToken, token);
        Assert.Equal(2, idp.TokenRequests);
    }

    private ClientCredentialsTokenProvider Provider(FakeIdentityServer idp) =>
        new(Options(idp), HttpClientFactory, _clock, NullLogger<ClientCredentialsTokenProvider>.Instance);

    /// <summary>A provider whose client and logs come from <paramref name="services"/>, so tests can read the log lines.</summary>
    private ClientCredentialsTokenProvider Provider(
        FakeIdentityServer idp, IServiceProvider services, Action<BotAuthenticationOptions>? configure = null) =>
        new(Options(idp, configure), services.GetRequiredService<IHttpClientFactory>(), _clock,
            services.GetRequiredService<ILogger<ClientCredentialsTokenProvider>>());
}
