using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TriageBot.Channels.BotConnector;
using TriageBot.Testing;

namespace TriageBot.Channels.Tests.BotConnector;

/// <summary>What the host checks before it serves /api/messages: the settings, and where it actually listens.</summary>
public sealed class BotConnectorStartupTests
{
    [Theory]
    [InlineData("Channels:BotConnector:TotalTimeout", "00:00:01")]
    [InlineData("Channels:BotConnector:AttemptTimeout", "00:00:00")]
    [InlineData("Channels:BotConnector:MaxResponseBytes", "10")]
    [InlineData("Channels:BotConnector:Retry:MaxAttempts", "0")]
    [InlineData("Channels:BotConnector:Retry:MaxRetryAfter", "00:01:00")]
    public async Task ImpossibleConnectorSettings_StopTheHostAtStartup_NamingTheKey(string key, string value)
    {
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            BotHost.StartEchoAsync(new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(key.Split(':')[^1], refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://0.0.0.0:3978")]
    [InlineData("http://[::]:3978")]
    public async Task AllowAnonymous_ServerBoundBeyondLoopbackInCode_IsCaughtAfterBinding(string bound)
    {
        var access = new BotConnectorAccess(BotConnectorMode.Anonymous, AnonymousByOption: true, "Production");
        var services = new ServiceCollection().AddSingleton<IServer>(new BoundServer("http://127.0.0.1:3978", bound)).BuildServiceProvider();
        var check = new BotConnectorStartupCheck(access, new ConfigurationBuilder().Build(), services, NullLogger<BotConnectorStartupCheck>.Instance);

        await check.StartingAsync(CancellationToken.None);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => check.StartedAsync(CancellationToken.None));

        Assert.Contains(bound, refused.Message, StringComparison.Ordinal);
    }

    /// <summary>A server that reports the addresses it bound, as Kestrel does after start.</summary>
    private sealed class BoundServer : IServer
    {
        public BoundServer(params string[] addresses)
        {
            var feature = new ServerAddressesFeature();
            foreach (var address in addresses)
            {
                feature.Addresses.Add(address);
            }

            Features.Set<IServerAddressesFeature>(feature);
        }

        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }
}
