using Microsoft.Extensions.Diagnostics.HealthChecks;
using TriageBot.Runtime.State;

namespace TriageBot.Host.Health;

/// <summary>
/// Ready only while the state store answers: one read of a key that is never written, through the same
/// <see cref="IStateStore"/> the turns use, so it works for every provider. A store that throws (a missing or
/// unwritable database folder, a locked file) makes the check fail; the health service catches the exception and logs it.
/// Probes are not rate limited (an orchestrator must never read a 429 as "unhealthy"), so the answer is reused for
/// <see cref="ReuseFor"/>: however often <c>/readyz</c> is called, the store is read at most about once a second.
/// </summary>
internal sealed class StateStoreHealthCheck(IStateStore store, TimeProvider timeProvider) : IHealthCheck
{
    internal const string ProbeKey = "health:probe";

    internal static readonly TimeSpan ReuseFor = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private Task<HealthCheckResult>? _last;
    private DateTimeOffset _lastStarted;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var now = timeProvider.GetUtcNow();
            if (_last is null || now - _lastStarted >= ReuseFor)
            {
                // Not the caller's token: the probe is shared, and one caller giving up must not fail the others.
                _last = ProbeAsync();
                _lastStarted = now;
            }

            return _last.WaitAsync(cancellationToken);
        }
    }

    private async Task<HealthCheckResult> ProbeAsync()
    {
        await store.ReadAsync(ProbeKey, CancellationToken.None);
        return HealthCheckResult.Healthy();
    }
}
