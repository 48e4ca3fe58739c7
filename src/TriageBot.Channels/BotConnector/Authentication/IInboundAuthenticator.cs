using TriageBot.Schema;

namespace TriageBot.Channels.BotConnector.Authentication;

/// <summary>Decides whether an inbound request may run a turn. Every failure means 401 and no turn.</summary>
public interface IInboundAuthenticator
{
    Task<InboundAuthResult> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken);
}
