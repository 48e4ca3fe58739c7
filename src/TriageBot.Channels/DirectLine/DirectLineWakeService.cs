using Microsoft.Extensions.Hosting;

namespace TriageBot.Channels.DirectLine;

/// <summary>
/// With a shared log: listens (one connection per instance) for appends made anywhere in the fleet and lets the
/// conversations held here catch up, so a stream open on this instance shows a turn another instance ran. After the
/// connection comes back, every conversation held here re-reads from its newest activity. Without one, does nothing.
/// </summary>
internal sealed class DirectLineWakeService(DirectLineConversationStore store) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        store.Fleet is { } fleet ? fleet.Shared.ListenAsync(fleet.Wake, fleet.WakeAll, stoppingToken) : Task.CompletedTask;
}
