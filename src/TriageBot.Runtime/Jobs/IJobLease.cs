namespace TriageBot.Runtime.Jobs;

/// <summary>
/// Who runs a background job (the retention purge, an outbox dispatcher) when several instances share one store:
/// each instance asks before each run, and only the lease holder runs it. The holder renews by asking again; if it
/// stops (a crash, a kill -9), the lease ends after its term and another instance takes the job over.
/// </summary>
public interface IJobLease
{
    /// <summary>
    /// True when this instance holds (or has just renewed) the lease on <paramref name="job"/> for
    /// <paramref name="term"/> from now; false when another instance holds it.
    /// </summary>
    Task<bool> TryAcquireAsync(string job, TimeSpan term, CancellationToken cancellationToken);
}

/// <summary>One instance, one store: every job is always this instance's (SQLite, memory).</summary>
public sealed class SingleInstanceJobLease : IJobLease
{
    public Task<bool> TryAcquireAsync(string job, TimeSpan term, CancellationToken cancellationToken) => Task.FromResult(true);
}
