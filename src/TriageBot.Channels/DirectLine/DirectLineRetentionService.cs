using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TriageBot.Channels.DirectLine;

/// <summary>
/// Deletes Direct Line logs past their retention, every <see cref="DirectLineOptions.PurgeInterval"/>. The work
/// is <see cref="DirectLineConversationStore.Purge"/>, which tests call directly instead of waiting for a tick.
/// </summary>
internal sealed class DirectLineRetentionService(
    DirectLineConversationStore store,
    DirectLineOptions options,
    TimeProvider timeProvider,
    ILogger<DirectLineRetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.PurgeInterval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                PurgeOnce();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping: the normal way out.
        }
    }

    private void PurgeOnce()
    {
        try
        {
            var result = store.Purge();
            if (result.Conversations > 0 || result.Activities > 0)
            {
                DirectLineLog.Purged(logger, result.Conversations, result.Activities, store.Count);
            }
        }
        catch (Exception e)
        {
            // One failed run must not stop the job: retention is a duty, so keep trying at each tick.
            DirectLineLog.PurgeFailed(logger, e.GetType().Name);
        }
    }
}
