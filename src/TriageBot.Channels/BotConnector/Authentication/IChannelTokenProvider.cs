namespace TriageBot.Channels.BotConnector.Authentication;

/// <summary>The Bearer token the bot sends with its replies; null when auth is off.</summary>
public interface IChannelTokenProvider
{
    /// <param name="forceRefresh">True after the channel answered 401/403 with the cached token.</param>
    Task<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken);
}
