using System.Net;
using System.Text;
using System.Text.Json;
using TriageBot.Host.Tests.Support;

namespace TriageBot.Host.Tests.Hosting;

/// <summary>
/// Behind a reverse proxy: only configured proxies (and loopback, as ASP.NET Core trusts it) may say who the client is
/// and whether the request came over TLS; rate limits and Direct Line's stream links follow what they say.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private const string Proxy = "10.20.30.40";
    private const string Stranger = "203.0.113.9";

    /// <summary>Two requests per client an hour, so a third is refused without any timing.</summary>
    private static readonly Dictionary<string, string?> TightPerClientLimit =
        Limits.PerClient(2).With(new() { ["ForwardedHeaders:KnownNetworks:0"] = "10.20.30.0/24" });

    [Fact]
    public async Task ConfiguredProxy_ForwardedFor_EachClientHasItsOwnLimit()
    {
        await using var host = await EdgeHost.StartAsync(settings: TightPerClientLimit);

        Assert.Equal(HttpStatusCode.OK, (await ChatConfigAsync(host, Proxy, "198.51.100.1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ChatConfigAsync(host, Proxy, "198.51.100.1")).StatusCode);
        var refused = await ChatConfigAsync(host, Proxy, "198.51.100.1");
        var patient = await ChatConfigAsync(host, Proxy, "198.51.100.2");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, patient.StatusCode);
    }

    [Fact]
    public async Task OverThePerClientLimit_429ProblemWithRetryAfter_NamingNoLimitOrAddress()
    {
        await using var host = await EdgeHost.StartAsync(settings: TightPerClientLimit);
        await ChatConfigAsync(host, Proxy, "198.51.100.1");
        await ChatConfigAsync(host, Proxy, "198.51.100.1");

        var refused = await ChatConfigAsync(host, Proxy, "198.51.100.1");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After must say when to come back.");
        var body = await refused.Content.ReadAsStringAsync();
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
        Assert.DoesNotContain("198.51.100.1", body, StringComparison.Ordinal);
        Assert.DoesNotContain(Proxy, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoopbackProxy_TrustedByDefault_ForwardedClientsAreApart()
    {
        await using var host = await EdgeHost.StartAsync(settings: TightPerClientLimit);

        await ChatConfigAsync(host, peer: null, "198.51.100.1");
        await ChatConfigAsync(host, peer: null, "198.51.100.1");

        Assert.Equal(HttpStatusCode.TooManyRequests, (await ChatConfigAsync(host, peer: null, "198.51.100.1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ChatConfigAsync(host, peer: null, "198.51.100.2")).StatusCode);
    }

    [Fact]
    public async Task UntrustedPeer_ForwardedForIsIgnored_AllItsRequestsShareOneLimit()
    {
        await using var host = await EdgeHost.StartAsync(settings: TightPerClientLimit);

        // A stranger claiming a new client address each time is still one client: itself.
        Assert.Equal(HttpStatusCode.OK, (await ChatConfigAsync(host, Stranger, "198.51.100.1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ChatConfigAsync(host, Stranger, "198.51.100.2")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await ChatConfigAsync(host, Stranger, "198.51.100.3")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ChatConfigAsync(host, Proxy, "198.51.100.3")).StatusCode);
    }

    [Fact]
    public async Task Ipv6Clients_InOneSlash64_ShareALimit_AnotherSlash64DoesNot()
    {
        await using var host = await EdgeHost.StartAsync(settings: TightPerClientLimit);

        await ChatConfigAsync(host, Proxy, "2001:db8:5:6::1");
        await ChatConfigAsync(host, Proxy, "2001:db8:5:6::2");

        Assert.Equal(HttpStatusCode.TooManyRequests, (await ChatConfigAsync(host, Proxy, "2001:db8:5:6:ffff::3")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ChatConfigAsync(host, Proxy, "2001:db8:5:7::1")).StatusCode);
    }

    [Theory]
    [InlineData(Proxy, "wss://")]
    [InlineData(Stranger, "ws://")]
    public async Task ForwardedProtoHttps_StreamUrlIsWss_OnlyWhenATrustedProxySaysSo(string peer, string scheme)
    {
        await using var host = await EdgeHost.StartAsync(settings: new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies:0"] = Proxy });

        var streamUrl = await StartConversationAsync(host, peer, new() { ["X-Forwarded-For"] = "198.51.100.1", ["X-Forwarded-Proto"] = "https" });

        Assert.StartsWith(scheme, streamUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForwardedHost_NotConfigured_LinksKeepTheRequestHost()
    {
        await using var host = await EdgeHost.StartAsync(settings: new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies:0"] = Proxy });

        var streamUrl = await StartConversationAsync(host, Proxy, new() { ["X-Forwarded-For"] = "198.51.100.1", ["X-Forwarded-Host"] = "evil.example" });

        Assert.DoesNotContain("evil.example", streamUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForwardedHost_Configured_AllowedHostShapesTheLinks()
    {
        await using var host = await EdgeHost.StartAsync(settings: new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownProxies:0"] = Proxy,
            ["ForwardedHeaders:ForwardHost"] = "true",
            ["ForwardedHeaders:AllowedHosts:0"] = "chat.clinic.example",
        });

        var streamUrl = await StartConversationAsync(host, Proxy, new()
        {
            ["X-Forwarded-For"] = "198.51.100.1",
            ["X-Forwarded-Proto"] = "https",
            ["X-Forwarded-Host"] = "chat.clinic.example",
        });

        Assert.StartsWith("wss://chat.clinic.example/", streamUrl, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> ChatConfigAsync(EdgeHost host, string? peer, string forwardedFor) =>
        host.GetAsync("/api/chat/config", peer, new Dictionary<string, string> { ["X-Forwarded-For"] = forwardedFor });

    private static async Task<string> StartConversationAsync(EdgeHost host, string peer, Dictionary<string, string> headers)
    {
        headers["Authorization"] = "Bearer " + EdgeHost.DirectLineSecret;
        using var response = await host.SendAsync(HttpMethod.Post, "/v3/directline/conversations", peer, headers,
            new StringContent("""{"user":{}}""", Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Starting a conversation answered {response.StatusCode}.");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("streamUrl").GetString()!;
    }
}
