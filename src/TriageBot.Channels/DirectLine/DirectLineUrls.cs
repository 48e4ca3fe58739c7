using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace TriageBot.Channels.DirectLine;

/// <summary>
/// The URLs the service hands out, built from the request's own scheme, host and path base (behind a
/// TLS-terminating proxy, forwarded headers must be applied first so these come out as https/wss).
/// </summary>
internal static class DirectLineUrls
{
    public const string BasePath = "/v3/directline";

    /// <summary>The <c>serviceUrl</c> the bot sees: this service's root, with a trailing slash as channels send it.</summary>
    public static string ServiceUrl(HttpRequest request) => $"{Origin(request, "http", "https")}{request.PathBase}/";

    public static string StreamUrl(HttpRequest request, string conversationId, string streamToken, long? watermark)
    {
        var url = $"{Origin(request, "ws", "wss")}{request.PathBase}{BasePath}/conversations/{Uri.EscapeDataString(conversationId)}/stream?t={Uri.EscapeDataString(streamToken)}";
        return watermark is { } w ? url + "&watermark=" + w.ToString(CultureInfo.InvariantCulture) : url;
    }

    public static string FileUrl(HttpRequest request, string conversationId, string fileId) =>
        $"{Origin(request, "http", "https")}{request.PathBase}{BasePath}/conversations/{Uri.EscapeDataString(conversationId)}/files/{Uri.EscapeDataString(fileId)}";

    /// <summary>A watermark from the query: a non-negative number, or null (from the beginning) for anything else.</summary>
    public static long? ParseWatermark(string? value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var watermark) ? watermark : null;

    private static string Origin(HttpRequest request, string plain, string secure) =>
        $"{(request.IsHttps ? secure : plain)}://{request.Host}";
}
