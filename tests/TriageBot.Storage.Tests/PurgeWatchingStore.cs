using System.Threading.Channels;
using TriageBot.Runtime.State;

namespace TriageBot.Storage.Tests;

/// <summary>
/// A store that reports each purge as it finishes, so a test can wait for the retention job's next run instead of
/// sleeping; it fails the first <paramref name="failures"/> purges, as a locked or full disk would.
/// </summary>
internal sealed class PurgeWatchingStore(IStateStore inner, int failures = 0) : IStateStore
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly Channel<bool> _purges = Channel.CreateUnbounded<bool>();
    private int _calls;

    /// <summary>How many purges were asked for, failed ones included.</summary>
    public int Calls => Volatile.Read(ref _calls);

    public Task<StoredState?> ReadAsync(string key, CancellationToken cancellationToken) => inner.ReadAsync(key, cancellationToken);

    public Task<StateWrite> WriteAsync(string key, string json, string? expectedETag, CancellationToken cancellationToken) =>
        inner.WriteAsync(key, json, expectedETag, cancellationToken);

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);

    public async Task<int> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _calls) <= failures)
        {
            _purges.Writer.TryWrite(false);
            throw new IOException("disk I/O error");
        }

        var purged = await inner.PurgeOlderThanAsync(cutoff, cancellationToken);
        _purges.Writer.TryWrite(true);
        return purged;
    }

    /// <summary>Waits for the next purge to finish: true when it succeeded, false when it threw.</summary>
    public async Task<bool> NextPurgeAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        return await _purges.Reader.ReadAsync(timeout.Token);
    }
}
