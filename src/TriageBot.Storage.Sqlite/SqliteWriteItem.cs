namespace TriageBot.Storage.Sqlite;

/// <summary>
/// One caller's write waiting for <see cref="SqliteWriter"/>. Its work may run twice (once in a batch that is rolled
/// back, then alone), so it must depend only on its inputs and the database; its caller hears only the outcome that
/// was committed (or the error of its own run alone).
/// </summary>
internal abstract class SqliteWriteItem(bool outsideTransaction, CancellationToken cancellationToken)
{
    /// <summary>Work SQLite refuses inside a transaction (a WAL checkpoint): the writer runs it alone, between batches.</summary>
    public bool OutsideTransaction => outsideTransaction;

    public CancellationToken CancellationToken => cancellationToken;

    /// <summary>Runs the work inside the writer's transaction (or none, see <see cref="OutsideTransaction"/>) and keeps its result.</summary>
    public abstract void Run(SqliteSession session);

    /// <summary>Releases the caller with the kept result: only after the transaction that holds it committed.</summary>
    public abstract void Succeed();

    public abstract void Fail(Exception exception);

    public abstract void Cancel();
}

internal sealed class SqliteWriteItem<T>(Func<SqliteSession, T> work, bool outsideTransaction, CancellationToken cancellationToken)
    : SqliteWriteItem(outsideTransaction, cancellationToken)
{
    // Continuations run on the thread pool, never on the writer's thread (which would then wait for the turn).
    private readonly TaskCompletionSource<T> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _result;

    public Task<T> Task => _outcome.Task;

    public override void Run(SqliteSession session) => _result = work(session);

    public override void Succeed() => _outcome.TrySetResult(_result!);

    public override void Fail(Exception exception) => _outcome.TrySetException(exception);

    public override void Cancel() => _outcome.TrySetCanceled(CancellationToken);
}
