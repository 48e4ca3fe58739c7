using System.Diagnostics;
using OpenTelemetry.Instrumentation.AspNetCore;
using OpenTelemetry.Instrumentation.Http;

namespace TriageBot.Host.Observability;

/// <summary>
/// What spans may say about a request. Paths carry conversation ids and queries carry the stream token (<c>t</c>),
/// so incoming spans keep the route template (<c>http.route</c>) but no <c>url.path</c>, <c>url.query</c> or
/// user agent; outgoing spans (replies to a channel's <c>serviceUrl</c>) keep the origin only. Bodies and headers
/// are never recorded; health probes are not traced.
/// </summary>
internal static class TelemetryRedaction
{
    private static readonly string[] IncomingTagsDropped = ["url.path", "url.query", "user_agent.original"];

    public static void ConfigureIncoming(AspNetCoreTraceInstrumentationOptions options)
    {
        options.RecordException = false;
        options.Filter = context => !IsProbe(context.Request.Path);
        options.EnrichWithHttpRequest = (activity, _) => DropIncomingTags(activity);
        options.EnrichWithHttpResponse = (activity, _) => DropIncomingTags(activity);
    }

    public static void ConfigureOutgoing(HttpClientTraceInstrumentationOptions options)
    {
        options.RecordException = false;
        options.EnrichWithHttpRequestMessage = (activity, request) => KeepOriginOnly(activity, request.RequestUri);
        options.EnrichWithHttpResponseMessage = (activity, response) => KeepOriginOnly(activity, response.RequestMessage?.RequestUri);
    }

    private static bool IsProbe(PathString path) =>
        path.Equals(Health.HealthEndpoints.LivePath, StringComparison.OrdinalIgnoreCase)
        || path.Equals(Health.HealthEndpoints.ReadyPath, StringComparison.OrdinalIgnoreCase);

    private static void DropIncomingTags(Activity activity)
    {
        foreach (var tag in IncomingTagsDropped)
        {
            activity.SetTag(tag, null);
        }
    }

    private static void KeepOriginOnly(Activity activity, Uri? uri) =>
        activity.SetTag("url.full", uri is { IsAbsoluteUri: true } ? uri.GetLeftPart(UriPartial.Authority) + "/" : null);
}
