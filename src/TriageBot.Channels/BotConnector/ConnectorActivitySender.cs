using TriageBot.Runtime.Turns;
using TriageBot.Schema;

namespace TriageBot.Channels.BotConnector;

/// <summary>Sends stateless activities (typing) straight to the channel: one attempt, no retries.</summary>
internal sealed class ConnectorActivitySender(ConnectorClient client) : IActivitySender
{
    public Task SendNowAsync(Activity activity, CancellationToken cancellationToken) =>
        client.SendAsync(activity, retryTransient: false, cancellationToken);
}
