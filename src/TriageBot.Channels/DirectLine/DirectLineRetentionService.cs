using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TriageBot.Runtime.Jobs;

namespace TriageBot.Channels.DirectLine;

/// <summary>
/// Deletes Direct Line logs past their retention, every <see cref="DirectLineOptions.PurgeInterval"/>. The work
/// is <see cref="DirectLineConversationStore.Purge"/>, which tests call directly instead of waiting for a tick. With
/// a shared log (several instances) each instance purges its own copies, and the shared log is purged by one
/// instance of the fleet per run: the holder of the <see cref="IJobLease"/> on <see cref="JobName"/>.
/// </summary>
internal sealed class DirectLineRetentionService(
    DirectLineConversationStore store,
    DirectLineOptions options,
    TimeProvider timeProvider,
    ILogger<DirectLineRetentionService> logger,
    IJobLease? lease = null) : BackgroundService
{
    public const string JobName = "directline-retention";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.PurgeInterval, timeProvider);
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

    /// <summary>One run: this instance's copies, then (if this instance holds the lease) the shared log.</summary>
    internal async Task PurgeOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = store.Purge();
            if (store.Fleet is { } fleet)
            {
                if (lease is null || await lease.TryAcquireAsync(JobName, fleet.LeaseTerm, cancellationToken))
                {
                    var shared = await fleet.Shared.PurgeAsync(options.Retention, options.TokenLifetime, cancellationToken);
                    result = new DirectLinePurgeResult(shared.Conversations, shared.Activities);
                }
                else
                {
                    DirectLineLog.SharedPurgeSkipped(logger);
                }
            }

            if (result.Conversations > 0 || result.Activities > 0)
            {
                DirectLineLog.Purged(logger, result.Conversations, result.Activities, store.Count);
            }
        }
        catch (Exception e) when (!(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            // One failed run must not stop the job: retention is a duty, so keep trying at each tick.
            DirectLineLog.PurgeFailed(logger, e.GetType().Name);
        }
    }
}
