using Microsoft.Extensions.Diagnostics.HealthChecks;
using TriageBot.Runtime.State;

namespace TriageBot.Host.Health;

/// <summary>
/// Ready only while the state store answers: one read of a key that is never written, through the same
/// <see cref="IStateStore"/> the turns use, so it works for every provider. A store that throws (a missing or
/// unwritable database folder, a locked file) makes the check fail; the health service catches the exception and logs it.
/// </summary>
internal sealed class StateStoreHealthCheck(IStateStore store) : IHealthCheck
{
    internal const string ProbeKey = "health:probe";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await store.ReadAsync(ProbeKey, cancellationToken);
        return HealthCheckResult.Healthy();
    }
}
