using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TriageBot.Runtime.State;

namespace TriageBot.Storage.Sqlite;

/// <summary>
/// <see cref="IStateStore"/> on one embedded SQLite file in WAL mode: the default store for a single instance.
/// Reads run on kept-open reader connections (<see cref="SqliteReaders"/>); every write of the process, the referral
/// stores' included, goes through one <see cref="SqliteWriter"/> (one connection, group commit, released after the
/// fsync). The file, its directory and the schema are created on first use.
/// </summary>
public sealed class SqliteStateStore : IStateStore, IDisposable, IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly string _ownConnectionString;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _initGate = new(1, 1);
    private SqliteWriter? _writer;
    private SqliteReaders? _readers;
    private volatile bool _initialized;
    private volatile bool _disposed;

    /// <param name="databasePath">The database file; made absolute. Its folder is created owner-only on first use.</param>
    public SqliteStateStore(
        string databasePath,
        TimeProvider? timeProvider = null,
        ILogger<SqliteStateStore>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        DatabasePath = Path.GetFullPath(databasePath);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();

        // The writer's and the readers' connections stay open for the store's life: outside Microsoft.Data.Sqlite's
        // pool, so closing them closes the file.
        _ownConnectionString = new SqliteConnectionStringBuilder(_connectionString) { Pooling = false }.ToString();
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger<SqliteStateStore>.Instance;
    }

    /// <summary>The absolute path of the database file.</summary>
    public string DatabasePath { get; }

    /// <summary>Write transactions committed since the store opened (see <see cref="SqliteWriter.Commits"/>).</summary>
    internal long Commits => _writer?.Commits ?? 0;

    public Task<StoredState?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return ReadAsync(session =>
        {
            var command = session.Command(StateSql.Read);
            command.Parameters.AddWithValue("$key", key);
            using var reader = command.ExecuteReader();
            return reader.Read() ? new StoredState(key, reader.GetString(0), reader.GetString(1)) : null;
        }, cancellationToken);
    }

    public async Task<StateWrite> WriteAsync(string key, string json, string? expectedETag, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(json);
        ETags.ThrowIfEmpty(expectedETag);

        var eTag = ETags.New();
        var sql = expectedETag switch
        {
            null => StateSql.Create,
            ETags.Any => StateSql.Upsert,
            _ => StateSql.ReplaceIfMatch,
        };
        var written = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var rows = await ExecuteWriteAsync(sql, parameters =>
        {
            parameters.AddWithValue("$key", key);
            parameters.AddWithValue("$json", json);
            parameters.AddWithValue("$etag", eTag);
            parameters.AddWithValue("$written", written);
            if (expectedETag is not (null or ETags.Any))
            {
                parameters.AddWithValue("$expected", expectedETag);
            }
        }, cancellationToken);

        if (rows == 0)
        {
            SqliteStorageLog.WriteConflict(_logger, key, expectedETag is null ? "create" : "match");
            return StateWrite.Conflict.Instance;
        }

        return new StateWrite.Written(eTag);
    }

    public async Task<bool> DeleteAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var rows = await ExecuteWriteAsync(StateSql.Delete, parameters => parameters.AddWithValue("$key", key), cancellationToken);
        await TruncateWalAfterAsync(rows, cancellationToken);
        return rows > 0;
    }

    public async Task<int> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var rows = await ExecuteWriteAsync(StateSql.DeleteWrittenBefore, parameters => parameters.AddWithValue("$cutoff", cutoff.ToUnixTimeMilliseconds()), cancellationToken);
        await TruncateWalAfterAsync(rows, cancellationToken);
        return rows;
    }

    /// <summary>When <paramref name="deletedRows"/> went, no copy of them stays in the WAL either (see <see cref="SqliteSchema.TruncateWalPragma"/>).</summary>
    internal async Task TruncateWalAfterAsync(int deletedRows, CancellationToken cancellationToken)
    {
        if (deletedRows > 0)
        {
            await WriteAsync(session => session.Command(SqliteSchema.TruncateWalPragma).ExecuteNonQuery(), cancellationToken, outsideTransaction: true);
        }
    }

    /// <summary>Closes the pooled connections, so the file is released (and its WAL checkpointed) now, not at exit.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _writer?.Dispose();
        _readers?.Dispose();
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        _initGate.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Runs one write statement through the writer and returns the rows it changed, once committed.</summary>
    internal Task<int> ExecuteWriteAsync(string sql, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken) =>
        WriteAsync(session =>
        {
            var command = session.Command(sql);
            bind(command.Parameters);
            return command.ExecuteNonQuery();
        }, cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> on the writer's connection inside a transaction it shares with the other writes
    /// queued meanwhile; completes after that transaction committed (see <see cref="SqliteWriter"/>). Shared with the
    /// referral stores, so this process never has two writers competing for SQLite's lock.
    /// </summary>
    internal async Task<T> WriteAsync<T>(Func<SqliteSession, T> work, CancellationToken cancellationToken, bool outsideTransaction = false)
    {
        var writer = (await InitializedAsync(cancellationToken)).Writer;
        return await writer.WriteAsync(work, cancellationToken, outsideTransaction);
    }

    /// <summary>
    /// Runs <paramref name="read"/> on one of the kept reader connections, synchronously once the store is open (a
    /// read in WAL mode waits for nobody); shared with the referral stores.
    /// </summary>
    internal async Task<T> ReadAsync<T>(Func<SqliteSession, T> read, CancellationToken cancellationToken)
    {
        var readers = (await InitializedAsync(cancellationToken)).Readers;
        return readers.Read(read);
    }

    /// <summary>The writer and readers, the file and schema ready.</summary>
    private async ValueTask<(SqliteWriter Writer, SqliteReaders Readers)> InitializedAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        if (!_initialized)
        {
            await InitializeAsync(cancellationToken);
        }

        return (_writer!, _readers!);
    }

    /// <summary>An open connection to the (initialized) file; shared with the referral store, which lives in the same file.</summary>
    internal async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await InitializedAsync(cancellationToken);
        return await OpenConnectionAsync(cancellationToken);
    }

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);

            // Per connection, and a pooled connection may be new: set it every time (it is a cheap pragma).
            await using var command = connection.CreateCommand();
            command.CommandText = SqliteSchema.ConnectionPragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>A connection of the store's own, open for its life, with <paramref name="pragmas"/> run once.</summary>
    private SqliteConnection OpenOwnConnection(string pragmas)
    {
        var connection = new SqliteConnection(_ownConnectionString);
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = pragmas;
            command.ExecuteNonQuery();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A new database file is created readable by its owner only (0600) before SQLite opens it; SQLite gives its
    /// -wal and -shm files the same permissions. An existing file keeps the mode it has.
    /// </summary>
    private static void CreateOwnerOnlyFile(string path)
    {
        if (OperatingSystem.IsWindows() || File.Exists(path))
        {
            return;
        }

        try
        {
            using var _ = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            });
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first; it opens the same file.
        }
    }

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _initGate.WaitAsync(cancellationToken);
        try
        {
            if (_initialized)
            {
                return;
            }

            DataFolders.CreateOwnerOnly(Path.GetDirectoryName(DatabasePath)!);
            CreateOwnerOnlyFile(DatabasePath);
            await using var connection = await OpenConnectionAsync(cancellationToken);
            var (journalMode, fromVersion) = await SqliteSchema.EnsureAsync(connection, cancellationToken);
            if (!string.Equals(journalMode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                SqliteStorageLog.NotWal(_logger, DatabasePath, journalMode);
            }

            if (fromVersion != SqliteSchema.CurrentVersion)
            {
                SqliteStorageLog.SchemaMigrated(_logger, fromVersion, SqliteSchema.CurrentVersion);
            }

            _writer = new SqliteWriter(OpenOwnConnection(SqliteSchema.WriterPragmas), _logger);
            _readers = new SqliteReaders(() => OpenOwnConnection(SqliteSchema.ConnectionPragmas));
            SqliteStorageLog.StoreOpened(_logger, DatabasePath, SqliteSchema.CurrentVersion, journalMode);
            _initialized = true;
        }
        finally
        {
            _initGate.Release();
        }
    }
}
