using Microsoft.Extensions.Options;
using TriageBot.Runtime.Referrals;

namespace TriageBot.Host.Referrals;

/// <summary>
/// Runs <see cref="ReferralDispatcher"/> in the background: a pass, then a wait of
/// <see cref="ReferralDispatchOptions.PollInterval"/> unless the pass claimed a full batch (more may be due). Nothing
/// is kept in memory between passes: what is due, and how often it failed, is in the outbox, so a restart (or another
/// instance) carries on where this one stopped.
/// </summary>
internal sealed class ReferralDispatchService(
    IServiceProvider services,
    IOptions<ReferralDispatchOptions> options,
    TimeProvider clock,
    ILogger<ReferralDispatchService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A host whose referral store has no outbox (a test's own store) has nothing to deliver from.
        if (services.GetService<IReferralOutbox>() is null)
        {
            ReferralsLog.DeliveryOff(logger);
            return;
        }

        var dispatcher = services.GetRequiredService<ReferralDispatcher>();
        if (dispatcher.Destinations.Count == 0)
        {
            ReferralsLog.DeliveryOff(logger);
            await PassAsync(dispatcher.CountAsync, stoppingToken);
            return;
        }

        var destinations = string.Join(",", dispatcher.Destinations.Order(StringComparer.Ordinal));
        ReferralsLog.DispatchStarted(logger, destinations);

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var claimed = 0;
                await PassAsync(async ct => claimed = await dispatcher.RunOnceAsync(ct), stoppingToken);
                if (claimed < options.Value.BatchSize)
                {
                    await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; an entry being delivered keeps its lease and is delivered after the restart.
        }
    }

    /// <summary>One pass; a failure (a locked file, a full disk) is logged by type and the next pass tries again.</summary>
    private async Task PassAsync(Func<CancellationToken, Task> pass, CancellationToken stoppingToken)
    {
        try
        {
            await pass(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            ReferralsLog.DispatchFailed(logger, e.GetType().Name);
        }
    }
}
