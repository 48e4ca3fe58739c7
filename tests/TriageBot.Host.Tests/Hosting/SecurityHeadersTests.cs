using System.Net;
using System.Text;
using TriageBot.Host.Tests.Support;

namespace TriageBot.Host.Tests.Hosting;

/// <summary><c>nosniff</c> on every response, errors included; HSTS on https outside Development.</summary>
public sealed class SecurityHeadersTests
{
    private static readonly Dictionary<string, string> HttpsThroughProxy = new()
    {
        ["Host"] = "chat.clinic.example",
        ["X-Forwarded-For"] = "198.51.100.1",
        ["X-Forwarded-Proto"] = "https",
    };

    /// <param name="answer">What kind of answer the route gives: <c>success</c>, or <c>error</c> (any 4xx refusal).</param>
    [Theory]
    [InlineData("GET", "/", "success")]
    [InlineData("GET", "/app.js", "success")]
    [InlineData("GET", "/api/chat/config", "success")]
    [InlineData("GET", "/healthz", "success")]
    [InlineData("GET", "/readyz", "success")]
    [InlineData("GET", "/no-such-page", "error")]
    [InlineData("POST", "/api/messages", "error")]
    [InlineData("POST", "/v3/directline/conversations", "error")]
    [InlineData("POST", "/v3/directline/tokens/generate", "error")]
    public async Task EveryResponse_CarriesNoSniff(string method, string path, string answer)
    {
        await using var host = await EdgeHost.StartAsync();

        using var response = await host.SendAsync(new HttpMethod(method), path,
            content: method == "POST" ? new StringContent("{}", Encoding.UTF8, "application/json") : null);

        Assert.Equal(answer == "success" ? 2 : 4, (int)response.StatusCode / 100);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task RateLimitRefusal_CarriesNoSniff()
    {
        await using var host = await EdgeHost.StartAsync(settings: Limits.Global(1));
        await host.GetAsync("/api/chat/config");

        using var refused = await host.GetAsync("/api/chat/config");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("nosniff", Assert.Single(refused.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task Production_HttpsBehindProxy_SendsHstsForAYear()
    {
        await using var host = await EdgeHost.StartAsync("Production");

        using var response = await host.GetAsync("/", headers: HttpsThroughProxy);

        Assert.Equal("max-age=31536000", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task Production_PlainHttp_SendsNoHsts()
    {
        await using var host = await EdgeHost.StartAsync("Production");

        using var response = await host.GetAsync("/", headers: new Dictionary<string, string> { ["Host"] = "chat.clinic.example" });

        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS is only meaningful, and only sent, over https.");
    }

    [Fact]
    public async Task Development_Https_SendsNoHsts()
    {
        await using var host = await EdgeHost.StartAsync("Development");

        using var response = await host.GetAsync("/", headers: HttpsThroughProxy);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "A developer's localhost must not be pinned to https.");
    }
}
