using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TriageBot.Host.Health;

/// <summary>
/// <c>/healthz</c> (live: the process answers; no dependency checked, so a slow database never gets the process
/// restarted) and <c>/readyz</c> (ready: storage answers and content is valid). Both answer with the status word only
/// (<c>Healthy</c>, <c>Unhealthy</c>): nothing internal. Probes are not rate limited.
/// </summary>
public static class HealthEndpoints
{
    public const string LivePath = "/healthz";
    public const string ReadyPath = "/readyz";

    private const string ReadyTag = "ready";

    /// <summary>A store that hangs must fail the probe, not hold it.</summary>
    private static readonly TimeSpan StorageTimeout = TimeSpan.FromSeconds(5);

    public static IServiceCollection AddTriageBotHealthChecks(this IServiceCollection services)
    {
        // One instance, so its reused answer is shared by every probe (AddCheck<T> uses it when registered).
        services.TryAddSingleton<StateStoreHealthCheck>();
        services.AddHealthChecks()
            .AddCheck<StateStoreHealthCheck>("storage", tags: [ReadyTag], timeout: StorageTimeout)
            .AddCheck<ContentHealthCheck>("content", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapTriageBotHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false }).DisableRateLimiting();
        endpoints.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) }).DisableRateLimiting();
        return endpoints;
    }
}
