using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using TriageBot.Host;
using TriageBot.Host.WebChat;
using TriageBot.Testing;

namespace TriageBot.Browser.Tests;

/// <summary>
/// The real TriageBot app on a loopback port, with the chat page. Until the lead maps the page (and Direct Line's
/// token endpoint) in TriageBotApp, this host maps whatever is still missing itself, so the page tests run either way:
/// the stand-in token endpoint answers with a token that no Direct Line accepts, so Web Chat renders but cannot connect.
/// </summary>
public sealed class ChatHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly DirectoryInfo _dataFolder;

    private ChatHost(WebApplication app, DirectoryInfo dataFolder, bool hasDirectLine, TestLogSink logs)
    {
        Logs = logs;
        _app = app;
        _dataFolder = dataFolder;
        HasDirectLine = hasDirectLine;
        BaseAddress = new Uri(app.Urls.First());
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    public Uri BaseAddress { get; }

    public TestLogSink Logs { get; }

    public HttpClient Client { get; }

    /// <summary>Whether the host has the real Direct Line endpoint (the bot can answer the page).</summary>
    public bool HasDirectLine { get; }

    public static async Task<ChatHost> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var dataFolder = Directory.CreateTempSubdirectory("triagebot-page-");
        var logs = new TestLogSink();
        var app = TriageBotApp.Build(["--urls", "http://127.0.0.1:0"], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:Sqlite:Path"] = Path.Combine(dataFolder.FullName, "state.db"),
                ["DataProtection:KeysPath"] = Path.Combine(dataFolder.FullName, "keys"),
                ["Storage:DataDirectory"] = dataFolder.FullName,
            });
            builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
            builder.Logging.ClearProviders();
            builder.Logging.AddProvider(logs);
        });

        var routes = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().ToList();
        if (!routes.Any(r => r.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == ChatPageEndpoints.PageRouteName))
        {
            app.MapChatPage();
        }

        var hasDirectLine = routes.Any(r => RouteOf(r).StartsWith("v3/directline", StringComparison.OrdinalIgnoreCase));
        if (!routes.Any(r => RouteOf(r) == "api/chat/token"))
        {
            app.MapPost("/api/chat/token", () => Results.Json(new { token = "stand-in", conversationId = "stand-in", expires_in = 60 }));
        }

        await app.StartAsync();
        return new ChatHost(app, dataFolder, hasDirectLine, logs);
    }

    public Uri Url(string relative) => new(BaseAddress, relative);

    private static string RouteOf(RouteEndpoint endpoint) => (endpoint.RoutePattern.RawText ?? "").Trim('/');

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _dataFolder.Delete(recursive: true);
    }
}
