using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace TriageBot.Host.Hosting;

/// <summary>
/// The edge of the app, what every request passes before it reaches a channel: forwarded headers from trusted
/// proxies, <c>nosniff</c>, HSTS outside Development, then the rate limits.
/// </summary>
public static class EdgeServiceCollectionExtensions
{
    /// <summary>A year, as the HSTS preload list asks; browsers then refuse plain http to this host for that long.</summary>
    private static readonly TimeSpan HstsMaxAge = TimeSpan.FromDays(365);

    public static IServiceCollection AddEdge(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersSettings>().BindConfiguration(ForwardedHeadersSettings.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ForwardedHeadersSettings>, ForwardedHeadersSettingsValidator>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>>((options, settings) => Trust(options, settings.Value));

        services.AddHsts(options => options.MaxAge = HstsMaxAge);

        services.AddOptions<RateLimitingSettings>().BindConfiguration(RateLimitingSettings.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitingSettings>, RateLimitingSettingsValidator>();
        services.AddSingleton<EdgeRateLimiter>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<EdgeRateLimiter>((options, edge) =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = EdgeRateLimiter.RejectAsync;
            options.GlobalLimiter = edge.Limiter;
        });
        return services;
    }

    /// <summary>
    /// Forwarded headers first, so everything after (rate limits, HSTS, Direct Line's <c>wss://</c> links) sees the real
    /// client and scheme; then routing, so the limiter can see which endpoints opt out (health probes).
    /// </summary>
    public static WebApplication UseEdge(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedHeaders();
        app.UseMiddleware<NoSniffMiddleware>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseRouting();
        return app;
    }

    /// <summary>Loopback stays trusted (ASP.NET Core's default); configured proxies and networks are added to it.</summary>
    private static void Trust(ForwardedHeadersOptions options, ForwardedHeadersSettings settings)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto
            | (settings.ForwardHost ? ForwardedHeaders.XForwardedHost : ForwardedHeaders.None);
        options.ForwardLimit = settings.ForwardLimit;
        foreach (var proxy in settings.KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in settings.KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }

        foreach (var host in settings.AllowedHosts)
        {
            options.AllowedHosts.Add(host);
        }
    }
}
