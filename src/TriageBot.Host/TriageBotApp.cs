using TriageBot.Channels.BotConnector;
using TriageBot.Channels.DirectLine;
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

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
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

        // Direct Line's endpoints carry CORS metadata for the configured origins only; the middleware applies it.
        app.UseCors();

        // After CORS, so a browser on a clinic's site can read the 429 too.
        app.UseRateLimiter();
        app.MapBotConnector();
        app.MapDirectLine();
        app.MapChatPage();
        app.MapTriageBotHealth();
        return app;
    }
}
