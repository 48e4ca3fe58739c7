namespace TriageBot.Channels.BotConnector.Authentication;

/// <summary>
/// One cached outbound token, renewed when less than 5 minutes remain. Single-flight: while one caller fetches,
/// the others wait and then take its token, so a burst of replies costs one token request.
/// </summary>
internal sealed class TokenCache(TimeProvider timeProvider) : IDisposable
{
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile AccessToken? _current;

    public async Task<string> GetAsync(bool forceRefresh, Func<CancellationToken, Task<AccessToken>> acquire, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(acquire);
        var seen = _current;
        if (!forceRefresh && IsFresh(seen))
        {
            return seen!.Value;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var current = _current;

            // A caller ahead of us already fetched: a fresh token we have not seen yet is good even for a forced refresh.
            if (IsFresh(current) && (!forceRefresh || !ReferenceEquals(current, seen)))
            {
                return current!.Value;
            }

            var token = await acquire(cancellationToken);
            _current = token;
            return token.Value;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private bool IsFresh(AccessToken? token) => token is not null && timeProvider.GetUtcNow() < token.ExpiresOn - RefreshMargin;
}
