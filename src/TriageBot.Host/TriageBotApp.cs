using TriageBot.Channels.BotConnector;
using TriageBot.Channels.DirectLine;
using TriageBot.Fhir;
using TriageBot.Host.Health;
using TriageBot.Host.Hosting;
using TriageBot.Host.WebChat;
using TriageBot.Storage.Sqlite;

namespace TriageBot.Host;

/// <summary>
/// Builds the web app: configuration, channels, middleware and bot. Tests call <see cref="Build"/> with their own
/// settings to run the real app on a loopback port.
/// </summary>
public static class TriageBotApp
{
    /// <summary>The port Bot Framework Emulator users expect.</summary>
    public const string DefaultUrl = "http://localhost:3978";

    private static readonly string[] PathLoggingCategories =
    [
        "Microsoft.AspNetCore.Hosting.Diagnostics",
        "Microsoft.AspNetCore.Routing.Matching",
        "Microsoft.AspNetCore.StaticFiles",
        "Microsoft.AspNetCore.Server.Kestrel",
        "System.Net.Http.HttpClient",
    ];

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = DefaultContentRoot(args) });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        // Pinned in code, not left to appsettings: these categories write the raw request path and query below
        // Warning (a forged log line, a stream URL's token), and HttpClient's write reply URLs with conversation ids.
        foreach (var category in PathLoggingCategories)
        {
            builder.Logging.AddFilter(category, LogLevel.Warning);
        }

        configure?.Invoke(builder);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Services.AddTriageBot(builder.Configuration, builder.Environment.ContentRootPath);
        var dataDirectory = StorageOptions.ResolveDataDirectory(builder.Configuration["Storage:DataDirectory"], builder.Environment.ContentRootPath);
        DataFolders.CreateOwnerOnly(dataDirectory);
        builder.Services.AddDirectLine(dataDirectory);
        builder.Services.AddChatPage();
        builder.Services.AddEdge();

        var app = builder.Build();

        // Forwarded headers, nosniff, HSTS and routing first: everything after sees the real client and scheme.
        app.UseEdge();

        // An error answered without a body (an unknown route's 404, a wrong method's 405) becomes problem+json.
        app.UseStatusCodePages();

        // Direct Line's endpoints carry CORS metadata for the configured origins only; the middleware applies it.
        app.UseCors();

        // After CORS, so a browser on a clinic's site can read the 429 too.
        app.UseRateLimiter();
        app.MapBotConnector();
        app.MapDirectLine();
        app.MapChatPage();
        app.MapTriageBotHealth();
        app.MapFhirQuestionnaire();
        return app;
    }

    /// <summary>
    /// The working directory when it holds the app's settings (<c>dotnet run --project src/TriageBot.Host</c>), else
    /// the app's own folder: <c>dotnet out/TriageBot.Host.dll</c> from anywhere still reads its appsettings.json.
    /// An explicit <c>--contentRoot</c> wins.
    /// </summary>
    private static string? DefaultContentRoot(string[] args) =>
        args.Any(a => a.Contains("contentRoot", StringComparison.OrdinalIgnoreCase))
        || File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"))
            ? null
            : AppContext.BaseDirectory;
}
