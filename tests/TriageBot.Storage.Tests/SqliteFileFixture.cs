using TriageBot.Storage.Sqlite;

namespace TriageBot.Storage.Tests;

/// <summary>
/// A temporary directory holding one SQLite store for a whole test class, plus room for the extra files that
/// SQLite-only tests create. Everything is deleted when the class has run.
/// </summary>
public sealed class SqliteFileFixture : IAsyncLifetime
{
    public SqliteFileFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), "triagebot-storage-tests", Guid.NewGuid().ToString("N"));
        Store = new SqliteStateStore(Path.Combine(Directory, "fixture", "state.db"));
    }

    public string Directory { get; }

    public SqliteStateStore Store { get; }

    /// <summary>A path no test has used yet, inside a directory that does not exist yet.</summary>
    public string NewDatabasePath() => Path.Combine(Directory, Guid.NewGuid().ToString("N"), "state.db");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await Store.DisposeAsync();
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
