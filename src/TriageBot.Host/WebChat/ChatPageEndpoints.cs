using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using TriageBot.Channels.DirectLine;

namespace TriageBot.Host.WebChat;

/// <summary>The clinic chat page: <c>/</c>, its script and styles, the Web Chat bundle, <c>/embed.js</c> and its branding.</summary>
public static class ChatPageEndpoints
{
    /// <summary>Route name of <c>GET /</c>; tests look for it to know whether the host already maps the page.</summary>
    public const string PageRouteName = "ChatPage";

    /// <summary>Every file the page serves, by URL. A fixed list: nothing else under wwwroot is reachable.</summary>
    private static readonly (string Url, string File, string ContentType)[] PageFiles =
    [
        ("/app.js", "app.js", "text/javascript; charset=utf-8"),
        ("/app.css", "app.css", "text/css; charset=utf-8"),
        ("/embed.js", "embed.js", "text/javascript; charset=utf-8"),
        ("/lib/webchat.js", "lib/webchat.js", "text/javascript; charset=utf-8"),
        // axe-core is served so that the accessibility check can load it under the page's own script-src 'self'.
        ("/lib/axe.min.js", "lib/axe.min.js", "text/javascript; charset=utf-8"),
    ];

    public static IEndpointRouteBuilder MapChatPage(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        endpoints.MapGet("/", (HttpContext context, ChatPageAssets assets, ChatPageSecurity security) =>
        {
            security.ApplyToPage(context);
            return ServeFile(context, assets, "index.html", "text/html; charset=utf-8");
        }).WithName(PageRouteName).ExcludeFromDescription();

        foreach (var (url, file, contentType) in PageFiles)
        {
            endpoints.MapGet(url, (HttpContext context, ChatPageAssets assets) =>
            {
                ChatPageSecurity.ApplyToFile(context);
                if (url == "/embed.js")
                {
                    // Loaded by a <script> tag on the clinic's own site.
                    context.Response.Headers["Cross-Origin-Resource-Policy"] = "cross-origin";
                }

                return ServeFile(context, assets, file, contentType);
            }).ExcludeFromDescription();
        }

        endpoints.MapGet("/api/chat/config", (HttpContext context, IOptions<ClinicOptions> clinic) =>
        {
            ChatPageSecurity.ApplyToFile(context);

            // Direct Line may be absent (a host serving the page against another Direct Line): then no uploads here.
            var uploads = context.RequestServices.GetService<DirectLineOptions>()?.UploadsEnabled ?? false;
            return Results.Json(ChatPageConfig.From(clinic.Value, uploads), ChatPageJsonContext.Default.ChatPageConfig);
        }).ExcludeFromDescription();

        return endpoints;
    }

    private static IResult ServeFile(HttpContext context, ChatPageAssets assets, string file, string contentType)
    {
        var path = assets.Find(file);
        if (path is null)
        {
            return Results.NotFound();
        }

        var info = new FileInfo(path);
        var etag = new EntityTagHeaderValue($"\"{info.LastWriteTimeUtc.Ticks:x}-{info.Length:x}\"");
        context.Response.Headers.CacheControl = "no-cache";
        return Results.File(path, contentType, lastModified: info.LastWriteTimeUtc, entityTag: etag);
    }
}
