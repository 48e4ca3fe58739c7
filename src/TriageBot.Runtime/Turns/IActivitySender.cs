using TriageBot.Schema;

namespace TriageBot.Runtime.Turns;

/// <summary>Delivers an activity to the channel now. Used for typing indicators; replies go through the outbox.</summary>
public interface IActivitySender
{
    Task SendNowAsync(Activity activity, CancellationToken cancellationToken);
}
