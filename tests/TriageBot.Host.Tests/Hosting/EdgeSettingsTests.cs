using TriageBot.Host.Tests.Support;

namespace TriageBot.Host.Tests.Hosting;

/// <summary>Edge settings that cannot be right stop the app at startup, with the setting named.</summary>
public sealed class EdgeSettingsTests
{
    [Theory]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/99")]
    [InlineData("ForwardedHeaders:KnownProxies:0", "proxy.internal")]
    [InlineData("ForwardedHeaders:ForwardHost", "true")]
    [InlineData("ForwardedHeaders:ForwardLimit", "0")]
    [InlineData("RateLimiting:PerClient:TokenLimit", "0")]
    [InlineData("RateLimiting:Global:TokensPerPeriod", "0")]
    [InlineData("RateLimiting:Global:ReplenishmentPeriod", "00:00:00")]
    [InlineData("OpenTelemetry:Otlp:Endpoint", "collector:4317")]
    public async Task SettingThatCannotBeRight_RefusesToStart_NamingIt(string key, string value)
    {
        var error = await EdgeHost.FailToStartAsync(new Dictionary<string, string?> { [key] = value });

        Assert.Contains(key.Split(':')[0] + ":", error.Message, StringComparison.Ordinal);
    }
}
