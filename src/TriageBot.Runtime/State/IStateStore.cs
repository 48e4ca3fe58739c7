namespace TriageBot.Runtime.State;

/// <summary>
/// Durable key/value storage for JSON state with optimistic concurrency. A turn reads <c>(json, eTag)</c>, works,
/// then writes with that eTag; if someone else wrote in between, the write reports <see cref="StateWrite.Conflict"/>
/// and the turn is re-run on fresh state. Keys are opaque and stored verbatim.
/// </summary>
/// <remarks>
/// <para><c>expectedETag</c> of <see cref="WriteAsync"/>:</para>
/// <list type="bullet">
/// <item><c>null</c>: create only; a conflict if the key exists.</item>
/// <item><see cref="ETags.Any"/> (<c>"*"</c>): create or replace, unconditionally.</item>
/// <item>any other value: replace only if the stored eTag equals it; a conflict otherwise, also when the key is missing.</item>
/// <item><c>""</c>: <see cref="ArgumentException"/> (a programmer error, never a conflict).</item>
/// </list>
/// <para>Every successful write assigns a new opaque eTag. A conflict is a result, never an exception.</para>
/// </remarks>
public interface IStateStore
{
    /// <summary>The stored state, or null when the key does not exist.</summary>
    Task<StoredState?> ReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Writes <paramref name="json"/> if <paramref name="expectedETag"/> allows it; see the remarks on <see cref="IStateStore"/>.</summary>
    Task<StateWrite> WriteAsync(string key, string json, string? expectedETag, CancellationToken cancellationToken);

    /// <summary>Removes the key; true if it existed.</summary>
    Task<bool> DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Removes every document last written before <paramref name="cutoff"/> and returns how many: the retention
    /// purge. A conversation nobody wrote to since then is over, and its answers must not outlive the retention period.
    /// </summary>
    Task<int> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
