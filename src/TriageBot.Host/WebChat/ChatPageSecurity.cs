using System.Text;
using System.Text.RegularExpressions;

namespace TriageBot.Host.WebChat;

/// <summary>The security headers of the chat page and its files. The policy is built once: it depends on configuration only.</summary>
internal sealed partial class ChatPageSecurity
{
    private readonly string _pageCsp;
    private readonly bool _sameOriginOnly;

    public ChatPageSecurity(ChatPageOptions options)
    {
        var invalid = options.FrameAncestors.Where(a => !IsValidFrameAncestor(a)).ToList();
        if (invalid.Count > 0)
        {
            // A stray ';' would end the directive and let configuration write its own policy: refuse to start instead.
            throw new InvalidOperationException(
                $"WebChat:FrameAncestors has entries that are not origins like https://www.clinic.example: {string.Join(", ", invalid)}");
        }

        _sameOriginOnly = options.FrameAncestors.Count == 0;
        _pageCsp = BuildPagePolicy(_sameOriginOnly ? ["'self'"] : ["'self'", .. options.FrameAncestors]);
    }

    /// <summary>
    /// The page's Content-Security-Policy. Why each source is there:
    /// <list type="bullet">
    /// <item><c>script-src 'self'</c>: index.html has no inline script; app.js and the Web Chat bundle come from here.</item>
    /// <item><c>style-src 'self' 'unsafe-inline'</c>: Web Chat 4.18 builds its styles at run time (emotion) and
    /// appends them as <c>&lt;style&gt;</c> elements; Adaptive Cards and its other parts do the same without a
    /// nonce, so a nonce-only policy leaves parts of the transcript unstyled. Inline styles cannot run code, and
    /// scripts stay strict.</item>
    /// <item><c>img-src data: blob:</c> and <c>font-src data:</c>: Web Chat inlines its icons as <c>data:</c>/<c>blob:</c> URLs.</item>
    /// <item><c>worker-src blob:</c>: Web Chat probes for Web Worker support with a tiny <c>blob:</c> worker.</item>
    /// <item><c>connect-src 'self'</c>: the token call, Direct Line REST and its WebSocket (CSP3 lets <c>'self'</c>
    /// match <c>ws:</c>/<c>wss:</c> on this host; see <see cref="ConnectSources"/> for older browsers).</item>
    /// </list>
    /// </summary>
    private static string BuildPagePolicy(IEnumerable<string> frameAncestors) =>
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        + "font-src 'self' data:; media-src 'self' blob:; worker-src 'self' blob:; connect-src {connect}; "
        + $"frame-ancestors {string.Join(' ', frameAncestors)}; base-uri 'none'; form-action 'none'; object-src 'none'";

    /// <summary>An origin, optionally with a <c>*.</c> subdomain wildcard, or <c>'self'</c>: nothing that could end the directive.</summary>
    internal static bool IsValidFrameAncestor(string source) => FrameAncestor().IsMatch(source);

    public void ApplyToPage(HttpContext context)
    {
        ApplyToFile(context);
        context.Response.Headers.ContentSecurityPolicy = _pageCsp.Replace("{connect}", ConnectSources(context.Request), StringComparison.Ordinal);
        if (_sameOriginOnly)
        {
            // For browsers that predate frame-ancestors; omitted when other sites may embed the page.
            context.Response.Headers.XFrameOptions = "SAMEORIGIN";
        }
    }

    public static void ApplyToFile(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
        // No fingerprinted names: always revalidate (the ETag makes that a 304).
        headers.CacheControl = "no-cache";
    }

    /// <summary>
    /// <c>'self'</c> plus this host's <c>ws://</c>/<c>wss://</c> origin, for browsers whose <c>'self'</c> does not yet
    /// cover WebSockets. The host comes from the request, so it is used only when it is a plain host[:port].
    /// </summary>
    private static string ConnectSources(HttpRequest request)
    {
        var host = request.Host.Value;
        if (string.IsNullOrEmpty(host) || !PlainHost().IsMatch(host))
        {
            return "'self'";
        }

        var socketScheme = request.IsHttps ? "wss" : "ws";
        return new StringBuilder("'self' ").Append(socketScheme).Append("://").Append(host).ToString();
    }

    [GeneratedRegex(@"^(?:'self'|https?://(?:\*\.)?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*(?::[0-9]{1,5})?)$")]
    private static partial Regex FrameAncestor();

    [GeneratedRegex(@"^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?$")]
    private static partial Regex PlainHost();
}
