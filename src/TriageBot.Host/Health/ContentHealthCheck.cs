using Microsoft.Extensions.Diagnostics.HealthChecks;
using TriageBot.Content;

namespace TriageBot.Host.Health;

/// <summary>
/// Ready only with clinical content in use: the catalog is loaded and validated when the app starts (invalid content
/// stops it), so this confirms that a validated catalog, with its version and red-flag rules, is what the bot answers from.
/// </summary>
internal sealed class ContentHealthCheck(IContentCatalog content) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(content.Version is { Length: > 0 } && content.RedFlags.Count > 0
            ? HealthCheckResult.Healthy()
            : new HealthCheckResult(context.Registration.FailureStatus, "No validated content."));
}
