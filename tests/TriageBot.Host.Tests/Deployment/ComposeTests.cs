using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;
using static TriageBot.Host.Tests.Deployment.DeploymentExpectations;

namespace TriageBot.Host.Tests.Deployment;

/// <summary>
/// <c>deployment/compose</c>: one instance on SQLite by default; the <c>postgres</c> profile runs PostgreSQL and two
/// instances behind nginx. Checked against the Dockerfile and the keys the app reads.
/// </summary>
public sealed partial class ComposeTests
{
    private static readonly YamlNode Services = DeploymentFiles.Yaml("compose", "compose.yaml")[0].At("services");

    /// <summary>Services that run the TriageBot image.</summary>
    private static readonly List<(string Name, YamlNode Service)> Instances =
        [.. Services.Entries().Where(s => s.Value.Find("image")?.Text() == "triagebot:local").Select(s => (s.Key, s.Value))];

    [Fact]
    public async Task EveryInstance_EnvironmentNames_AreKeysTheAppReads()
    {
        Assert.Equal(3, Instances.Count);
        foreach (var (name, service) in Instances)
        {
            await AssertAppReads($"compose service {name}", Environment(service));
        }
    }

    [Fact]
    public void DefaultInstance_RunsOnSqlite_WithItsDataInAVolume_AndPublishesTheImagesPort()
    {
        var (name, single) = Assert.Single(Instances, i => i.Service.Find("profiles") is null);

        Assert.Equal("Sqlite", Environment(single)["Storage__Provider"]);
        Assert.Contains(single.At("volumes").Items(), v => v.Text().EndsWith($":{ImageDataDirectory}", StringComparison.Ordinal));
        Assert.Equal($"{ImagePort}", Assert.Single(single.At("ports").Items()).Text().Split(':')[^1]);
        Assert.NotNull(single.Find("build"));
        Assert.Equal("triagebot", name);
    }

    [Fact]
    public void EveryInstance_HasAReadOnlyRoot_WithTmpfsForTmp_AndNoCapabilities()
    {
        foreach (var (name, service) in Instances)
        {
            Assert.True(service.At("read_only").Text() == "true", $"{name} must run with a read-only root filesystem.");
            Assert.Contains("/tmp", service.At("tmpfs").Items().Select(t => t.Text()));
            Assert.Contains("ALL", service.At("cap_drop").Items().Select(t => t.Text()));
            Assert.Contains(service.At("volumes").Items(), v => v.Text().EndsWith($":{ImageDataDirectory}", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void PostgresProfile_TwoInstancesShareTheDatabase_TheDirectLineSecret_AndTheKeyRing()
    {
        var fleet = Instances.Where(i => i.Service.Find("profiles") is not null).ToList();

        Assert.Equal(2, fleet.Count);
        foreach (var (name, service) in fleet)
        {
            Assert.Equal("postgres", Assert.Single(service.At("profiles").Items()).Text());
            var environment = Environment(service);
            Assert.Equal("Postgres", environment["Storage__Provider"]);
            Assert.Contains("Host=postgres;", environment["ConnectionStrings__TriageBot"], StringComparison.Ordinal);
            var keys = environment["DataProtection__KeysPath"];
            Assert.Contains(service.At("volumes").Items(), v => v.Text() == $"triagebot-keys:{keys}");
            Assert.Equal("service_healthy", service.At("depends_on").At("postgres").At("condition").Text());
        }

        Assert.Single(fleet.Select(f => Environment(f.Service)["Channels__DirectLine__Secret"]).Distinct());
        Assert.Single(fleet.Select(f => Environment(f.Service)["ConnectionStrings__TriageBot"]).Distinct());
    }

    [Fact]
    public void PostgresProfile_ProxyBalancesBothInstances_UpgradesWebSockets_AndIsTheOneProxyTheyTrust()
    {
        var proxy = Services.At("proxy");
        var nginx = File.ReadAllText(DeploymentFiles.PathOf("compose", "nginx.conf"));
        var fleet = Instances.Where(i => i.Service.Find("profiles") is not null).ToList();

        var upstreams = UpstreamServer().Matches(nginx).Select(m => m.Groups[1].Value).Order().ToList();
        Assert.Equal(fleet.Select(f => $"{f.Name}:{ImagePort}").Order(), upstreams);
        Assert.Contains("proxy_set_header Upgrade $http_upgrade;", nginx, StringComparison.Ordinal);
        Assert.Contains("proxy_set_header Connection $connection_upgrade;", nginx, StringComparison.Ordinal);
        Assert.Contains("proxy_set_header X-Forwarded-Proto", nginx, StringComparison.Ordinal);

        var listen = Listen().Match(nginx).Groups[1].Value;
        Assert.Equal(listen, Assert.Single(proxy.At("ports").Items()).Text().Split(':')[^1]);
        var address = proxy.At("networks").At("fleet").At("ipv4_address").Text();
        Assert.All(fleet, f => Assert.Equal(address, Environment(f.Service)["ForwardedHeaders__KnownProxies__0"]));
        Assert.All(fleet, f => Assert.Equal("service_healthy", proxy.At("depends_on").At(f.Name).At("condition").Text()));
    }

    private static Dictionary<string, string> Environment(YamlNode service) =>
        service.At("environment") is YamlSequenceNode list
            ? list.Children.Select(c => c.Text().Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "")
            : service.At("environment").Entries().ToDictionary(e => e.Key, e => e.Value.Text());

    [GeneratedRegex(@"^\s*server\s+([\w.-]+:\d+)", RegexOptions.Multiline)]
    private static partial Regex UpstreamServer();

    [GeneratedRegex(@"^\s*listen\s+(\d+);", RegexOptions.Multiline)]
    private static partial Regex Listen();
}
