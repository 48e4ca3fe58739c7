using Microsoft.Extensions.Options;
using TriageBot.Runtime.Jobs;
using TriageBot.Runtime.State;

namespace TriageBot.Host.Retention;

/// <summary>
/// Deletes conversation and user state not written for longer than <see cref="StateRetentionOptions.Retention"/>,
/// every <see cref="StateRetentionOptions.PurgeInterval"/>, in whichever <see cref="IStateStore"/> is configured.
/// Referrals are not touched: once a person consented, they are the clinic's record (removed by "delete my data").
/// With many instances on one store, only the holder of the <see cref="IJobLease"/> purges: the job runs once per
/// interval across the fleet, and moves to another instance within a term if its holder dies.
/// </summary>
internal sealed class StateRetentionService(
    IStateStore store,
    IOptions<StateRetentionOptions> options,
    TimeProvider timeProvider,
    ILogger<StateRetentionService> logger,
    IJobLease? lease = null) : BackgroundService
{
    /// <summary>The lease's name, shared by every instance.</summary>
    public const string JobName = "state-retention";

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
            // Held for one and a half intervals: the holder's next tick renews it before it ends, and a dead holder's
            // lease ends before the others' second tick.
            if (lease is not null && !await lease.TryAcquireAsync(JobName, options.Value.PurgeInterval * 1.5, cancellationToken))
            {
                return;
            }

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
