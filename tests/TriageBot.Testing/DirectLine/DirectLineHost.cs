using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TriageBot.Host;

namespace TriageBot.Testing.DirectLine;

/// <summary>
/// The real TriageBot app on real Kestrel (random loopback port), Direct Line included as the host maps it, with
/// its data (Direct Line secret, SQLite, keys) in a temporary folder.
/// Service overrides run first, so a test can swap the bot, the clock or the state store.
/// </summary>
public sealed class DirectLineHost : IAsyncDisposable
{
    /// <summary>The Direct Line secret the host is configured with (unless a test asks for none).</summary>
    public const string Secret = "test-directline-secret-0123456789-abcdefghij";

    private readonly WebApplication _app;

    private DirectLineHost(WebApplication app, TestLogSink logs, DirectoryInfo dataFolder)
    {
        _app = app;
        Logs = logs;
        DataFolder = dataFolder;
        BaseAddress = new Uri(app.Urls.First());
        Client = new DirectLineClient(BaseAddress);
    }

    public Uri BaseAddress { get; }

    /// <summary>Holds the SQLite state file and, when no secret is configured, <c>directline.secret</c>.</summary>
    public DirectoryInfo DataFolder { get; }

    public DirectLineClient Client { get; }

    public TestLogSink Logs { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<DirectLineHost> StartAsync(
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        bool configureSecret = true)
    {
        var logs = new TestLogSink();
        var dataFolder = Directory.CreateTempSubdirectory("triagebot-dl-test-");
        WebApplication? app = null;
        try
        {
            app = TriageBotApp.Build(["--urls", "http://127.0.0.1:0"], builder =>
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Storage:Sqlite:Path"] = Path.Combine(dataFolder.FullName, "state.db"),
                    ["Channels:DirectLine:Secret"] = configureSecret ? Secret : null,
                    ["Storage:DataDirectory"] = dataFolder.FullName,
                    ["DataProtection:KeysPath"] = Path.Combine(dataFolder.FullName, "keys"),
                });
                builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
                builder.Logging.ClearProviders();
                builder.Logging.SetMinimumLevel(LogLevel.Debug);
                builder.Logging.AddProvider(logs);
                services?.Invoke(builder.Services);
            });

            // The host itself adds Direct Line (services, CORS, endpoints); the fixture only points its data here.
            await app.StartAsync();
            return new DirectLineHost(app, logs, dataFolder);
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            dataFolder.Delete(recursive: true);
            throw;
        }
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        DataFolder.Delete(recursive: true);
    }
}
