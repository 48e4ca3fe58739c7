using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TriageBot.Runtime.State;

namespace TriageBot.Storage.Sqlite;

/// <summary>
/// <see cref="IStateStore"/> on one embedded SQLite file in WAL mode: the default store for a single instance.
/// Each operation takes a connection from Microsoft.Data.Sqlite's pool and returns it at once, so concurrent turns
/// never share a connection. The file, its directory and the schema are created on first use.
/// </summary>
public sealed class SqliteStateStore : IStateStore, IDisposable, IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _initGate = new(1, 1);
    private volatile bool _initialized;
    private volatile bool _disposed;

    public SqliteStateStore(
        SqliteStorageOptions options,
        string baseDirectory,
        TimeProvider? timeProvider = null,
        ILogger<SqliteStateStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        DatabasePath = options.ResolvePath(baseDirectory);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        }.ToString();
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger<SqliteStateStore>.Instance;
    }

    /// <summary>The absolute path of the database file.</summary>
    public string DatabasePath { get; }

    public async Task<StoredState?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = StateSql.Read;
        command.Parameters.AddWithValue("$key", key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StoredState(key, reader.GetString(0), reader.GetString(1))
            : null;
    }

    public async Task<StateWrite> WriteAsync(string key, string json, string? expectedETag, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(json);
        ETags.ThrowIfEmpty(expectedETag);

        var eTag = ETags.New();
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = expectedETag switch
        {
            null => StateSql.Create,
            ETags.Any => StateSql.Upsert,
            _ => StateSql.ReplaceIfMatch,
        };
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$json", json);
        command.Parameters.AddWithValue("$etag", eTag);
        command.Parameters.AddWithValue("$updated", _timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
        if (expectedETag is not (null or ETags.Any))
        {
            command.Parameters.AddWithValue("$expected", expectedETag);
        }

        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            SqliteStorageLog.WriteConflict(_logger, key, expectedETag is null ? "create" : "match");
            return StateWrite.Conflict.Instance;
        }

        return new StateWrite.Written(eTag);
    }

    public async Task<bool> DeleteAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = StateSql.Delete;
        command.Parameters.AddWithValue("$key", key);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>Closes the pooled connections, so the file is released (and its WAL checkpointed) now, not at exit.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
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

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        if (!_initialized)
        {
            await InitializeAsync(cancellationToken);
        }

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
            command.CommandText = SqliteSchema.BusyTimeoutPragma;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
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

            SqliteBatteries.EnsureInitialized();
            Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
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

            SqliteStorageLog.StoreOpened(_logger, DatabasePath, SqliteSchema.CurrentVersion, journalMode);
            _initialized = true;
        }
        finally
        {
            _initGate.Release();
        }
    }
}
