namespace TriageBot.Runtime.State;

/// <summary>The outcome of <see cref="IStateStore.WriteAsync"/>: <see cref="Written"/> or <see cref="Conflict"/>.</summary>
/// <remarks>The private constructor keeps the set of cases closed, so a switch over both is exhaustive in practice.</remarks>
public abstract record StateWrite
{
    private StateWrite()
    {
    }

    /// <summary>The write landed; <paramref name="ETag"/> is the new eTag, needed for the next conditional write.</summary>
    public sealed record Written(string ETag) : StateWrite;

    /// <summary>The eTag condition did not hold, so nothing was written. Re-read and retry the turn.</summary>
    public sealed record Conflict : StateWrite
    {
        private Conflict()
        {
        }

        /// <summary>The only instance: a conflict carries no data.</summary>
        public static Conflict Instance { get; } = new();
    }
}
