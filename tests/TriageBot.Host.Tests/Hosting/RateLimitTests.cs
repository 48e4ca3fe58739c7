using System.Net;
using TriageBot.Host.Tests.Support;

namespace TriageBot.Host.Tests.Hosting;

/// <summary>The server-wide limit behind the per-client one, and what it never limits.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task GlobalLimit_ManyClientsTogether_AreRefusedOnceTheServerBudgetIsSpent()
    {
        await using var host = await EdgeHost.StartAsync(settings: Limits.Global(3));

        for (var client = 1; client <= 3; client++)
        {
            Assert.Equal(HttpStatusCode.OK, (await ConfigFromAsync(host, $"198.51.100.{client}")).StatusCode);
        }

        var refused = await ConfigFromAsync(host, "198.51.100.4");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ClientRefusedForFlooding_SpendsNothingOfTheServerBudget()
    {
        await using var host = await EdgeHost.StartAsync(settings: Limits.PerClient(2).With(Limits.Global(4)));

        for (var i = 0; i < 20; i++)
        {
            await ConfigFromAsync(host, "198.51.100.66");
        }

        Assert.Equal(HttpStatusCode.OK, (await ConfigFromAsync(host, "198.51.100.1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ConfigFromAsync(host, "198.51.100.2")).StatusCode);
    }

    [Fact]
    public async Task HealthProbes_AreNeverLimited()
    {
        await using var host = await EdgeHost.StartAsync(settings: Limits.Global(1));
        await ConfigFromAsync(host, "198.51.100.1");

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await host.GetAsync("/healthz", "198.51.100.1")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await host.GetAsync("/readyz", "198.51.100.1")).StatusCode);
        }
    }

    [Fact]
    public async Task Loopback_SkipsThePerClientLimit()
    {
        await using var host = await EdgeHost.StartAsync(settings: Limits.PerClient(1));

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await host.GetAsync("/api/chat/config")).StatusCode);
        }
    }

    [Fact]
    public async Task ChatToken_Ipv6ClientsInOneSlash64_ShareTheTokenLimit_AnotherSlash64DoesNot()
    {
        await using var host = await EdgeHost.StartAsync(settings: new Dictionary<string, string?> { ["Channels:DirectLine:ChatToken:PermitLimit"] = "1" });

        Assert.Equal(HttpStatusCode.OK, (await ChatTokenFromAsync(host, "2001:db8:7:8::1")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await ChatTokenFromAsync(host, "2001:db8:7:8::2")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ChatTokenFromAsync(host, "2001:db8:7:9::1")).StatusCode);
    }

    private static Task<HttpResponseMessage> ChatTokenFromAsync(EdgeHost host, string client) =>
        host.SendAsync(HttpMethod.Post, "/api/chat/token", peer: null, new Dictionary<string, string> { ["X-Forwarded-For"] = client });

    private static Task<HttpResponseMessage> ConfigFromAsync(EdgeHost host, string client) =>
        host.GetAsync("/api/chat/config", peer: null, new Dictionary<string, string> { ["X-Forwarded-For"] = client });
}
