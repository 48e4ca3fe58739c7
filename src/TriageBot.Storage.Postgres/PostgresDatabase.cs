using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace TriageBot.Storage.Postgres;

/// <summary>
/// The pooled data source shared by the stores, and the schema made ready once per process (at startup by
/// <see cref="PostgresSchemaStartup"/>, or on first use in tests that build stores by hand).
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _listenerConnectionString;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _initGate = new(1, 1);
    private volatile bool _ready;

    public PostgresDatabase(string connectionString, ILogger<PostgresDatabase>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.ApplicationName ??= "TriageBot";
        _dataSource = NpgsqlDataSource.Create(builder);

        // The one listening connection per instance lives outside the pool (it is never returned) and sends TCP
        // keep-alives, so a dead server is noticed while it waits for a notification.
        _listenerConnectionString = new NpgsqlConnectionStringBuilder(builder.ConnectionString) { Pooling = false, KeepAlive = 15 }.ConnectionString;
        _logger = logger ?? NullLogger<PostgresDatabase>.Instance;
    }

    /// <summary>A command on its own pooled connection (opened and returned by the command), after the schema is ready.</summary>
    internal async ValueTask<NpgsqlCommand> CommandAsync(string sql, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await EnsureReadyAsync(cancellationToken);
        return _dataSource.CreateCommand(sql);
    }

    /// <summary>Runs one statement with its parameters bound by <paramref name="bind"/>; returns the rows it changed.</summary>
    internal async Task<int> ExecuteAsync(string sql, Action<NpgsqlCommand> bind, CancellationToken cancellationToken)
    {
        await using var command = await CommandAsync(sql, cancellationToken);
        bind(command);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Runs one query with its parameters bound by <paramref name="bind"/>; each row read by <paramref name="read"/>.</summary>
    internal async Task<List<T>> QueryAsync<T>(string sql, Action<NpgsqlCommand> bind, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var command = await CommandAsync(sql, cancellationToken);
        bind(command);
        return await command.ReadAllAsync(read, cancellationToken);
    }

    /// <summary>An open connection, for work that needs a transaction.</summary>
    internal async ValueTask<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await EnsureReadyAsync(cancellationToken);
        return await _dataSource.OpenConnectionAsync(cancellationToken);
    }

    /// <summary>A connection of its own, outside the pool, for <c>LISTEN</c> (after the schema is ready).</summary>
    internal async ValueTask<NpgsqlConnection> OpenListenerAsync(CancellationToken cancellationToken)
    {
        await EnsureReadyAsync(cancellationToken);
        var connection = new NpgsqlConnection(_listenerConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates or migrates the schema once per process; safe with any number of instances starting together.</summary>
    public async Task EnsureReadyAsync(CancellationToken cancellationToken)
    {
        if (_ready)
        {
            return;
        }

        await _initGate.WaitAsync(cancellationToken);
        try
        {
            if (_ready)
            {
                return;
            }

            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            var from = await PostgresSchema.EnsureAsync(connection, cancellationToken);
            if (from != PostgresSchema.CurrentVersion)
            {
                PostgresStorageLog.SchemaMigrated(_logger, from, PostgresSchema.CurrentVersion);
            }

            PostgresStorageLog.Opened(_logger, connection.Host ?? "", connection.Database, PostgresSchema.CurrentVersion);
            _ready = true;
        }
        finally
        {
            _initGate.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        _initGate.Dispose();
        return _dataSource.DisposeAsync();
    }
}
