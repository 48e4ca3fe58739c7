using Microsoft.AspNetCore.Cors.Infrastructure;

namespace TriageBot.Channels.DirectLine;

/// <summary>
/// The CORS policy on every Direct Line route: only the configured page origins, only the headers and methods the
/// clients use (the rxjs ajax layer adds <c>X-Requested-With</c> even cross-origin), and a 10-minute preflight
/// cache, because polling asks a new preflight for most new watermarks.
/// </summary>
internal static class DirectLineCors
{
    public const string PolicyName = "TriageBot.DirectLine";

    public static void Configure(CorsPolicyBuilder policy, IEnumerable<string> allowedOrigins) =>
        policy.WithOrigins([.. allowedOrigins])
            .WithHeaders("authorization", "content-type", "x-ms-bot-agent", "x-requested-with")
            .WithMethods("GET", "POST", "OPTIONS")
            .WithExposedHeaders("retry-after")
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10));
}
