using Microsoft.Data.Sqlite;

namespace TriageBot.Storage.Sqlite;

/// <summary>
/// One long-lived connection with its statements prepared once per SQL text and kept for the life of the connection
/// (SQLite parses and plans each only the first time), bound to the transaction open on it, if any. Used by one
/// thread at a time (the writer's, or a reader's while it holds it); disposing it closes the connection.
/// </summary>
internal sealed class SqliteSession(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>The writer's open transaction, or null (reads, and work that must run outside one: a WAL checkpoint).</summary>
    public SqliteTransaction? Transaction { get; set; }

    public SqliteConnection Connection => connection;

    /// <summary>The prepared command for <paramref name="sql"/>, its parameters cleared, in the current transaction.</summary>
    public SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }

        command.Transaction = Transaction;
        command.Parameters.Clear();
        return command;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
        connection.Dispose();
    }
}
