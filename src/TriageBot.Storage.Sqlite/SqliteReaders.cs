using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace TriageBot.Storage.Sqlite;

/// <summary>
/// Open read connections kept for the state reads of every turn: each opened once with the connection pragmas set
/// once, with its read statement prepared once. In WAL mode readers never wait for the writer, so a read runs at once
/// and synchronously (pages come from the cache) instead of opening a pooled connection and re-running pragmas.
/// </summary>
internal sealed class SqliteReaders(Func<SqliteConnection> open) : IDisposable
{
    /// <summary>Idle connections kept beyond this many (a burst's extras) are closed when returned.</summary>
    private const int MaxIdle = 16;

    private readonly ConcurrentBag<SqliteSession> _idle = [];
    private int _idleCount; // ConcurrentBag.Count locks every thread's list: counted here instead
    private volatile bool _disposed;

    /// <summary>Runs <paramref name="read"/> on an idle connection (opened if none is idle), synchronously.</summary>
    public T Read<T>(Func<SqliteSession, T> read)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        SqliteSession reader;
        if (_idle.TryTake(out var idle))
        {
            Interlocked.Decrement(ref _idleCount);
            reader = idle;
        }
        else
        {
            reader = new SqliteSession(open());
        }

        try
        {
            return read(reader);
        }
        finally
        {
            Return(reader);
        }
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var reader))
        {
            reader.Dispose();
        }
    }

    private void Return(SqliteSession reader)
    {
        if (_disposed)
        {
            reader.Dispose();
            return;
        }

        if (Interlocked.Increment(ref _idleCount) > MaxIdle)
        {
            Interlocked.Decrement(ref _idleCount);
            reader.Dispose();
            return;
        }

        _idle.Add(reader);
        if (_disposed && _idle.TryTake(out var late))
        {
            late.Dispose();
        }
    }
}
