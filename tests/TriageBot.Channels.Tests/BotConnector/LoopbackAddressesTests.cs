using System.Net;
using TriageBot.Channels.BotConnector;

namespace TriageBot.Channels.Tests.BotConnector;

/// <summary>What counts as "this machine" for an anonymous bot: callers, reply URLs and listen addresses.</summary>
public sealed class LoopbackAddressesTests
{
    [Theory]
    [InlineData("http://localhost:3978")]
    [InlineData("http://LOCALHOST:1/")]
    [InlineData("http://127.0.0.1:9")]
    [InlineData("http://127.12.34.56")]
    [InlineData("https://[::1]:8443/base/")]
    [InlineData("http://localhost:56789/emulator/path")]
    public void ServiceUrl_OnThisMachine_IsAllowed(string serviceUrl) =>
        Assert.True(LoopbackAddresses.IsLoopbackServiceUrl(serviceUrl));

    [Theory]
    [InlineData("http://evil.example")]
    [InlineData("https://smba.trafficmanager.net/emea/")]
    [InlineData("http://127.0.0.1#@evil.example")]
    [InlineData("http://127.0.0.1/#@evil.example")]
    [InlineData("http://evil.example?x=http://localhost")]
    [InlineData("http://localhost?x=1")]
    [InlineData("http://localhost@evil.example")]
    [InlineData("http://user:pass@localhost:3978")]
    [InlineData("http://localhost.evil.example")]
    [InlineData("http://localhost.")]
    [InlineData("http://127.0.0.1.nip.io")]
    [InlineData("http://0.0.0.0:3978")]
    [InlineData("http://[::]:3978")]
    [InlineData("http://10.0.0.5:8080")]
    [InlineData("http://169.254.169.254/metadata/identity/oauth2/token")]
    [InlineData("http://[::ffff:a9fe:a9fe]/")]
    [InlineData("http://3232235521/")]
    [InlineData("http://0xc0a80001/")]
    [InlineData("ftp://localhost/")]
    [InlineData("file:///etc/passwd")]
    [InlineData("localhost:3978")]
    [InlineData("/v3/conversations")]
    [InlineData("")]
    [InlineData(null)]
    public void ServiceUrl_AnywhereElse_OrWithTricks_IsRefused(string? serviceUrl) =>
        Assert.False(LoopbackAddresses.IsLoopbackServiceUrl(serviceUrl));

    [Theory]
    [InlineData("http://2130706433/")]
    [InlineData("http://0x7f000001/")]
    [InlineData("http://127.1/")]
    public void ServiceUrl_NumericFormsOfLoopback_AreJudgedByTheAddressTheyReach(string serviceUrl)
    {
        // Whatever System.Uri makes of the host is where HttpClient connects; only a loopback result may pass.
        var uri = new Uri(serviceUrl);
        var reachesLoopback = IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);

        Assert.Equal(reachesLoopback, LoopbackAddresses.IsLoopbackServiceUrl(serviceUrl));
    }

    [Theory]
    [InlineData("http://localhost:3978")]
    [InlineData("http://127.0.0.1:0")]
    [InlineData("https://127.0.0.1:5001")]
    [InlineData("http://[::1]:3978")]
    public void ListenAddress_Loopback_IsAccepted(string address) =>
        Assert.True(LoopbackAddresses.IsLoopbackListenAddress(address));

    [Theory]
    [InlineData("http://0.0.0.0:3978")]
    [InlineData("http://[::]:3978")]
    [InlineData("http://*:3978")]
    [InlineData("http://+:3978")]
    [InlineData("http://bot.clinic.example:80")]
    [InlineData("http://192.168.1.10:3978")]
    [InlineData("http://unix:/tmp/triagebot.sock")]
    [InlineData("not a url")]
    public void ListenAddress_WildcardOrPublic_IsRefused(string address) =>
        Assert.False(LoopbackAddresses.IsLoopbackListenAddress(address));

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.8.9.10", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("10.0.0.1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("203.0.113.7", false)]
    [InlineData("2001:db8::1", false)]
    public void Caller_IsLoopbackOnlyFromThisMachine(string address, bool loopback) =>
        Assert.Equal(loopback, LoopbackAddresses.IsLoopback(IPAddress.Parse(address)));

    [Fact]
    public void Caller_WithUnknownAddress_IsNotLoopback() => Assert.False(LoopbackAddresses.IsLoopback(null));
}
