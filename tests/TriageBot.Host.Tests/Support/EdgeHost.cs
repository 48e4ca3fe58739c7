using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TriageBot.Host.Tests.Support;

/// <summary>
/// The real app on real Kestrel (random loopback port) in a chosen environment, configured as a deployment would be
/// (an app id, a Direct Line secret), with <see cref="PeerHeader"/> to play requests from other machines.
/// </summary>
public sealed class EdgeHost : IAsyncDisposable
{
    /// <summary>
    /// The test kit cannot leave loopback, so a request carrying this header arrives "from" the address in it: it is
    /// applied before the app's own middleware, exactly where a real remote address would be.
    /// </summary>
    public const string PeerHeader = "X-Test-Peer";

    public const string DirectLineSecret = "edge-test-directline-secret-0123456789-abcdef";

    private readonly WebApplication _app;
    private readonly DirectoryInfo _dataFolder;

    private EdgeHost(WebApplication app, DirectoryInfo dataFolder)
    {
        _app = app;
        _dataFolder = dataFolder;
        Client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<EdgeHost> StartAsync(
        string environment = "Production",
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        string? databasePath = null)
    {
        var dataFolder = Directory.CreateTempSubdirectory("triagebot-edge-test-");
        var app = Build(environment, dataFolder, settings, services, databasePath);
        try
        {
            await app.StartAsync();
            return new EdgeHost(app, dataFolder);
        }
        catch
        {
            await app.DisposeAsync();
            dataFolder.Delete(recursive: true);
            throw;
        }
    }

    /// <summary>Builds and starts a host that is expected to refuse its configuration; returns what it threw.</summary>
    public static async Task<Exception> FailToStartAsync(IDictionary<string, string?> settings)
    {
        var dataFolder = Directory.CreateTempSubdirectory("triagebot-edge-test-");
        try
        {
            await using var app = Build("Production", dataFolder, settings, null, null);
            return await Assert.ThrowsAnyAsync<Exception>(() => app.StartAsync());
        }
        finally
        {
            dataFolder.Delete(recursive: true);
        }
    }

    /// <summary>A request from <paramref name="peer"/> (null: loopback), optionally through headers a proxy would add.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? peer = null, IDictionary<string, string>? headers = null, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (peer is not null)
        {
            request.Headers.Add(PeerHeader, peer);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                request.Headers.Host = value;
            }
            else
            {
                request.Headers.Add(name, value);
            }
        }

        return Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> GetAsync(string path, string? peer = null, IDictionary<string, string>? headers = null) =>
        SendAsync(HttpMethod.Get, path, peer, headers);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _dataFolder.Delete(recursive: true);
    }

    private static WebApplication Build(
        string environment, DirectoryInfo dataFolder, IDictionary<string, string?>? settings, Action<IServiceCollection>? services, string? databasePath) =>
        TriageBotApp.Build(["--urls", "http://127.0.0.1:0", "--environment", environment], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["MicrosoftAppId"] = "6f4f3c2a-1b2c-4d5e-8f90-a1b2c3d4e5f6",
                ["MicrosoftAppPassword"] = "edge-test-password",
                ["Channels:DirectLine:Secret"] = DirectLineSecret,
                ["Storage:Sqlite:Path"] = databasePath ?? Path.Combine(dataFolder.FullName, "state.db"),
                ["Storage:DataDirectory"] = dataFolder.FullName,
                ["DataProtection:KeysPath"] = Path.Combine(dataFolder.FullName, "keys"),
            });
            builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton<IStartupFilter, TestPeerStartupFilter>();
            services?.Invoke(builder.Services);
        });

    /// <summary>Sets the connection's remote address from <see cref="PeerHeader"/>, outside the app's whole pipeline.</summary>
    private sealed class TestPeerStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(PeerHeader, out var peer))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
