using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TriageBot.Channels.BotConnector;

/// <summary>
/// Says at startup how <c>/api/messages</c> is reachable, and refuses to start when <c>AllowAnonymous</c> is on
/// outside Development while the host listens anywhere but loopback: first on the configured addresses (before
/// anything binds), then on the addresses the server actually bound (which also covers endpoints set in code).
/// </summary>
internal sealed class BotConnectorStartupCheck(
    BotConnectorAccess access,
    IConfiguration configuration,
    IServiceProvider services,
    ILogger<BotConnectorStartupCheck> logger) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        switch (access.Mode)
        {
            case BotConnectorMode.Disabled:
                ChannelsLog.BotConnectorDisabled(logger, access.EnvironmentName);
                break;
            case BotConnectorMode.Anonymous:
                ChannelsLog.BotConnectorAnonymous(logger, access.AnonymousByOption
                    ? "Channels:BotConnector:AllowAnonymous"
                    : $"no MicrosoftAppId, environment {access.EnvironmentName}");
                break;
            default:
                break;
        }

        if (access.AnonymousByOption)
        {
            RefuseUnlessLoopback(ConfiguredAddresses());
        }

        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        if (access.AnonymousByOption && services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>() is { } bound)
        {
            RefuseUnlessLoopback(bound.Addresses);
        }

        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary><c>urls</c>, <c>http_ports</c>/<c>https_ports</c> (which bind every interface) and Kestrel endpoints.</summary>
    private List<string> ConfiguredAddresses()
    {
        var addresses = new List<string>();
        addresses.AddRange(Split(configuration["urls"]));
        addresses.AddRange(Split(configuration["http_ports"]).Select(port => $"http://*:{port}"));
        addresses.AddRange(Split(configuration["https_ports"]).Select(port => $"https://*:{port}"));
        addresses.AddRange(configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Select(endpoint => endpoint["Url"]).OfType<string>());
        return addresses;
    }

    private void RefuseUnlessLoopback(IEnumerable<string> addresses)
    {
        if (addresses.FirstOrDefault(a => !LoopbackAddresses.IsLoopbackListenAddress(a)) is { } open)
        {
            ChannelsLog.AnonymousListenAddressRefused(logger, open);
            throw new InvalidOperationException(
                $"Channels:BotConnector:AllowAnonymous is on outside Development, but the host listens on '{open}', which is not a loopback " +
                "address. Listen only on localhost, 127.0.0.1 or [::1], or set MicrosoftAppId so /api/messages checks tokens.");
        }
    }

    private static string[] Split(string? value) =>
        string.IsNullOrWhiteSpace(value) ? [] : value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
