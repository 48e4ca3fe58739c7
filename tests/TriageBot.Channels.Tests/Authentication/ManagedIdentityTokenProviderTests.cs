using Microsoft.Extensions.Logging.Abstractions;
using TriageBot.Channels.BotConnector.Authentication;
using TriageBot.Testing.Identity;
using static TriageBot.Channels.Tests.Authentication.AuthTestSupport;

namespace TriageBot.Channels.Tests.Authentication;

/// <summary>UserAssignedMSI: tokens from the managed identity endpoint, no secret, cached like client credentials.</summary>
public sealed class ManagedIdentityTokenProviderTests
{
    private readonly ManualTimeProvider _clock = new();

    [Fact]
    public async Task TokenRequest_SendsMetadataHeaderClientIdAndResource()
    {
        await using var idp = await FakeIdentityServer.StartAsync(CancellationToken.None);
        using var provider = Provider(idp);

        var token = await provider.GetTokenAsync(forceRefresh: false, CancellationToken.None);

        Assert.Equal(idp.LastIssuedToken, token);
        Assert.Equal(
            new ManagedIdentityTokenRequest("2018-02-01", "https://api.botframework.com", AppId, "true"),
            Assert.Single(idp.ManagedIdentityRequestLog));
        Assert.Equal(0, idp.TokenRequests);
    }

    [Fact]
    public async Task TwoCalls_ReuseOneTokenRequest()
    {
        await using var idp = await FakeIdentityServer.StartAsync(CancellationToken.None);
        using var provider = Provider(idp);

        await provider.GetTokenAsync(forceRefresh: false, CancellationToken.None);
        await provider.GetTokenAsync(forceRefresh: false, CancellationToken.None);

        Assert.Equal(1, idp.ManagedIdentityRequests);
    }

    [Fact]
    public async Task TokenWithFourMinutesLeft_IsRefreshed()
    {
        await using var idp = await FakeIdentityServer.StartAsync(CancellationToken.None);
        idp.TokenExpiresInSeconds = 3600;
        using var provider = Provider(idp);
        await provider.GetTokenAsync(forceRefresh: false, CancellationToken.None);

        _clock.Advance(TimeSpan.FromMinutes(56));
        await provider.GetTokenAsync(forceRefresh: false, CancellationToken.None);

        Assert.Equal(2, idp.ManagedIdentityRequests);
    }

    [Fact]
    public async Task TransientFailure_IsRetried()
    {
        await using var idp = await FakeIdentityServer.StartAsync(CancellationToken.None);
        idp.FailNextTokenRequests(1, statusCode: 503);
        using var provider = Provider(idp);

        var token = await provider.GetTokenAsync(forceRefresh: false, CancellationToken.None);

        Assert.Equal(idp.LastIssuedToken, token);
        Assert.Equal(2, idp.ManagedIdentityRequests);
    }

    [Fact]
    public async Task BadRequest400_IsNotRetried_AndFailsAtOnce()
    {
        await using var idp = await FakeIdentityServer.StartAsync(CancellationToken.None);
        idp.FailNextTokenRequests(1, statusCode: 400);
        using var provider = Provider(idp);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => provider.GetTokenAsync(forceRefresh: false, CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal(1, idp.ManagedIdentityRequests);
    }

    private ManagedIdentityTokenProvider Provider(FakeIdentityServer idp) =>
        new(Options(idp, o =>
        {
            o.MicrosoftAppType = "UserAssignedMSI";
            o.MicrosoftAppPassword = null;
            o.MicrosoftAppTenantId = TenantId;
        }), HttpClientFactory, _clock, NullLogger<ManagedIdentityTokenProvider>.Instance);
}
