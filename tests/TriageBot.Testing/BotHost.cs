using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TriageBot.Host;

namespace TriageBot.Testing;

/// <summary>
/// The real TriageBot app on real Kestrel, bound to a random loopback port. Settings and service overrides are
/// applied before the app's own registrations, which use TryAdd, so a test can swap the bot or the clock.
/// </summary>
public sealed class BotHost : IBotEndpoint, IAsyncDisposable
{
    private readonly WebApplication _app;

    private readonly bool _ownsFolder;

    private BotHost(WebApplication app, TestLogSink logs, DirectoryInfo dataFolder, bool ownsFolder)
    {
        _app = app;
        DataFolder = dataFolder;
        _ownsFolder = ownsFolder;
        Logs = logs;
        BaseAddress = new Uri(app.Urls.First());
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    public Uri BaseAddress { get; }

    /// <summary>The folder holding this host's SQLite file.</summary>
    public DirectoryInfo DataFolder { get; }

    public Uri MessagesUrl => new(BaseAddress, "/api/messages");

    public HttpClient Client { get; }

    public TestLogSink Logs { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="dataFolder">Where the SQLite file lives; pass the same folder to a second host to play a restart.
    /// The folder is deleted when the host that created it (none given) is disposed.</param>
    /// <param name="environment">The host environment; Production (the default, as on a server) unless given.</param>
    public static async Task<BotHost> StartAsync(
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        DirectoryInfo? dataFolder = null,
        string? environment = null)
    {
        var logs = new TestLogSink();
        var ownsFolder = dataFolder is null;
        dataFolder ??= Directory.CreateTempSubdirectory("triagebot-test-");
        string[] args = environment is null
            ? ["--urls", "http://127.0.0.1:0"]
            : ["--urls", "http://127.0.0.1:0", "--environment", environment];
        var app = TriageBotApp.Build(args, builder =>
        {
            // Real SQLite, in a folder of its own that is removed with the host.
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:Sqlite:Path"] = Path.Combine(dataFolder.FullName, "state.db"),
                ["DataProtection:KeysPath"] = Path.Combine(dataFolder.FullName, "keys"),
                ["Storage:DataDirectory"] = dataFolder.FullName,

                // Configured, as a fleet must (on PostgreSQL a generated one is refused: it would differ per instance).
                ["Channels:DirectLine:Secret"] = DirectLine.DirectLineHost.Secret,

                // The host runs as Production (no environment set) on 127.0.0.1 only, so the Emulator-style tests
                // talk to it without a token the way a loopback-only deployment would. Tests of the closed door set
                // it back to false.
                ["Channels:BotConnector:AllowAnonymous"] = "true",

                // A successful turn's TurnCompleted line is Debug (the metrics count turns); tests read it.
                ["Logging:LogLevel:TriageBot.Channels"] = "Debug",
            });
            builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
            builder.Logging.ClearProviders();
            builder.Logging.SetMinimumLevel(LogLevel.Debug);
            builder.Logging.AddProvider(logs);
            services?.Invoke(builder.Services);
        });
        try
        {
            await app.StartAsync();
        }
        catch
        {
            // A host that refuses to start (as it must for some settings) leaves nothing behind.
            await app.DisposeAsync();
            if (ownsFolder)
            {
                dataFolder.Delete(recursive: true);
            }

            throw;
        }

        return new BotHost(app, logs, dataFolder, ownsFolder);
    }

    /// <summary>The real host with <see cref="EchoBot"/> as the bot: for tests of the protocol, not the triage.</summary>
    public static Task<BotHost> StartEchoAsync(IDictionary<string, string?>? settings = null) =>
        StartAsync(settings, services => services.AddSingleton<TriageBot.Runtime.Turns.IBot, EchoBot>());

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_ownsFolder)
        {
            DataFolder.Delete(recursive: true);
        }
    }
}
