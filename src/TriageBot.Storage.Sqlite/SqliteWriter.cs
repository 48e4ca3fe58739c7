using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace TriageBot.Storage.Sqlite;

/// <summary>
/// Every write of this process, on one connection and one dedicated thread, with group commit: the writes that queued
/// while the previous commit was syncing run together in one <c>BEGIN IMMEDIATE</c> transaction, in arrival order, and
/// one <c>COMMIT</c> (one fsync of the WAL, <c>synchronous = FULL</c>) makes them all durable. Each caller is released
/// only after that commit returned, so a reply that waits for its state write never goes out before the state is on
/// disk. The outcome of each write is exactly what it would be alone: statements run one after another on one
/// connection, so an eTag condition sees every earlier write of the batch.
/// </summary>
/// <remarks>
/// If any write of a batch throws (or the commit fails), the batch is rolled back, nothing of it is acknowledged, and
/// each write is run again alone in its own transaction, so one caller's error (a referral reference collision, a full
/// disk) is that caller's only. SQLite calls are synchronous: on this thread they never block the thread pool, and the
/// callers wait asynchronously.
/// </remarks>
internal sealed class SqliteWriter : IDisposable
{
    /// <summary>Bounds one transaction (and so the time its first caller waits behind the others).</summary>
    public const int MaxBatch = 256;

    private readonly BlockingCollection<SqliteWriteItem> _queue = new(new ConcurrentQueue<SqliteWriteItem>());
    private readonly List<SqliteWriteItem> _batch = new(MaxBatch);
    private readonly List<SqliteWriteItem> _alone = new(1);
    private readonly SqliteConnection _connection;
    private readonly SqliteSession _session;
    private readonly ILogger _logger;
    private readonly Thread _thread;
    private SqliteWriteItem? _carried;
    private long _commits;
    private bool _disposed;

    /// <param name="connection">Open, with the connection pragmas set; the writer owns and disposes it.</param>
    public SqliteWriter(SqliteConnection connection, ILogger logger)
    {
        _connection = connection;
        _session = new SqliteSession(connection);
        _logger = logger;
        _thread = new Thread(Loop) { IsBackground = true, Name = "SQLite writer" };
        _thread.Start();
    }

    /// <summary>Transactions committed so far (a batch is one): what group commit saves is writes minus commits.</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>
    /// Queues <paramref name="work"/> for the writer; the task completes after the transaction it ran in committed.
    /// <paramref name="work"/> may run twice (see the remarks) and must not touch anything but the session.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<SqliteSession, T> work, CancellationToken cancellationToken, bool outsideTransaction = false)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var item = new SqliteWriteItem<T>(work, outsideTransaction, cancellationToken);
        try
        {
            _queue.Add(item, CancellationToken.None);
        }
        catch (Exception exception) when (exception is InvalidOperationException or ObjectDisposedException)
        {
            throw new ObjectDisposedException(nameof(SqliteStateStore), exception);
        }

        return item.Task;
    }

    /// <summary>Lets the queued writes finish, then closes the connection.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _queue.CompleteAdding();
        _thread.Join();
        _session.Dispose();
        _queue.Dispose();
    }

    private void Loop()
    {
        while (Next() is { } first)
        {
            _batch.Clear();
            AddUnlessCancelled(first);
            while (!first.OutsideTransaction && _batch.Count < MaxBatch && _queue.TryTake(out var next))
            {
                if (next.OutsideTransaction)
                {
                    _carried = next;
                    break;
                }

                AddUnlessCancelled(next);
            }

            if (_batch.Count == 0)
            {
                continue;
            }

            if (first.OutsideTransaction)
            {
                RunOutsideTransaction(first);
            }
            else
            {
                RunBatch();
            }
        }
    }

    private SqliteWriteItem? Next()
    {
        if (_carried is { } carried)
        {
            _carried = null;
            return carried;
        }

        return _queue.TryTake(out var item, Timeout.Infinite) ? item : null;
    }

    /// <summary>A caller that gave up before its write started gets a cancelled task and no write.</summary>
    private void AddUnlessCancelled(SqliteWriteItem item)
    {
        if (item.CancellationToken.IsCancellationRequested)
        {
            item.Cancel();
        }
        else
        {
            _batch.Add(item);
        }
    }

    private void RunBatch()
    {
        var error = RunInTransaction(_batch);
        if (error is null)
        {
            foreach (var item in _batch)
            {
                item.Succeed();
            }

            return;
        }

        if (_batch.Count == 1)
        {
            _batch[0].Fail(error);
            return;
        }

        // Nothing of the batch was kept or acknowledged: each write now runs alone and hears its own outcome.
        SqliteStorageLog.BatchRunAlone(_logger, _batch.Count, error.GetType().Name);
        foreach (var item in _batch)
        {
            _alone.Clear();
            _alone.Add(item);
            if (RunInTransaction(_alone) is { } own)
            {
                item.Fail(own);
            }
            else
            {
                item.Succeed();
            }
        }
    }

    /// <summary>Runs the items in one immediate transaction: null when it committed, else the error (nothing kept).</summary>
    private Exception? RunInTransaction(List<SqliteWriteItem> items)
    {
        SqliteTransaction? transaction = null;
        try
        {
            transaction = _connection.BeginTransaction(deferred: false);
            _session.Transaction = transaction;
            foreach (var item in items)
            {
                item.Run(_session);
            }

            transaction.Commit();
            Interlocked.Increment(ref _commits);
            return null;
        }
#pragma warning disable CA1031 // The writer thread must outlive any one caller's failure; the caller gets the exception.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return exception;
        }
        finally
        {
            _session.Transaction = null;
            Abandon(transaction);
        }
    }

    /// <summary>Rolls back whatever is left open (nothing after a commit); SQLite may have rolled back already.</summary>
    private static void Abandon(SqliteTransaction? transaction)
    {
        try
        {
            transaction?.Dispose();
        }
        catch (SqliteException)
        {
            // "no transaction is active": SQLite rolled it back itself (an I/O error during commit).
        }
    }

    private void RunOutsideTransaction(SqliteWriteItem item)
    {
        try
        {
            item.Run(_session);
        }
#pragma warning disable CA1031 // As above: the caller gets the exception, the writer carries on.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            item.Fail(exception);
            return;
        }

        item.Succeed();
    }
}
