using Microsoft.Extensions.Options;
using TriageBot.Runtime.State;

namespace TriageBot.Host.Retention;

/// <summary>
/// Deletes conversation and user state not written for longer than <see cref="StateRetentionOptions.Retention"/>,
/// every <see cref="StateRetentionOptions.PurgeInterval"/>, in whichever <see cref="IStateStore"/> is configured.
/// Referrals are not touched: once a person consented, they are the clinic's record (removed by "delete my data").
/// </summary>
internal sealed class StateRetentionService(
    IStateStore store,
    IOptions<StateRetentionOptions> options,
    TimeProvider timeProvider,
    ILogger<StateRetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PurgeInterval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await PurgeOnceAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping: the normal way out.
        }
    }

    /// <summary>One purge; a failure is logged (its type only) and the next tick tries again.</summary>
    internal async Task PurgeOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var purged = await store.PurgeOlderThanAsync(timeProvider.GetUtcNow() - options.Value.Retention, cancellationToken);
            if (purged > 0)
            {
                RetentionLog.StatePurged(logger, purged);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Retention is a duty, not a one-off: one failed run (a locked file, a full disk) must not end the job.
            RetentionLog.StatePurgeFailed(logger, e.GetType().Name);
        }
    }
}
