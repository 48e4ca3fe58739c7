using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TriageBot.Browser.Tests;

/// <summary>
/// A clinic's own web site with the <c>/embed.js</c> tag pasted in: a second origin (another loopback port), served
/// for real so that Chromium treats both sites as local (a faked public site may not load a loopback script).
/// </summary>
internal sealed class ClinicSite : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ClinicSite(WebApplication app)
    {
        _app = app;
        Origin = new Uri(app.Urls.First()).GetLeftPart(UriPartial.Authority);
    }

    public string Origin { get; }

    /// <summary>Set once the bot is up: the bot must know this site's origin first (for frame-ancestors).</summary>
    public Uri? EmbedScript { get; set; }

    public static async Task<ClinicSite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(["--urls", "http://127.0.0.1:0"]);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        ClinicSite? site = null;
        app.MapGet("/", () => Results.Content(
            "<!doctype html><html lang=\"en\"><title>Clinic</title><main><h1>Our clinic</h1><a href=\"#\">Opening times</a></main>"
            + $"<script src=\"{site!.EmbedScript}\" defer></script></html>",
            "text/html"));
        await app.StartAsync();
        site = new ClinicSite(app);
        return site;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
