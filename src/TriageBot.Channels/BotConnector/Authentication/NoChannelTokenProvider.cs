namespace TriageBot.Channels.BotConnector.Authentication;

/// <summary>Auth is off: replies carry no Authorization header.</summary>
public sealed class NoChannelTokenProvider : IChannelTokenProvider
{
    public Task<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
