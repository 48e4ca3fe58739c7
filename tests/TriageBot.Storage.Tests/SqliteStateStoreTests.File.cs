using Microsoft.Data.Sqlite;
using TriageBot.Runtime.State;
using TriageBot.Storage.Sqlite;

namespace TriageBot.Storage.Tests;

/// <summary>The file itself: created on first use, durable across a restart, in WAL mode, versioned.</summary>
public sealed partial class SqliteStateStoreTests
{
    [Fact]
    public async Task Store_FirstUse_CreatesDirectoryAndFile()
    {
        var path = fixture.NewDatabasePath();
        await using var store = Open(path);
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)));

        Assert.Null(await store.ReadAsync(NewKey(), Ct));

        Assert.True(File.Exists(path));
        DataFolderAssert.OwnerOnly(Path.GetDirectoryName(path)!);
    }

    [Fact]
    public async Task Store_DisposedAndReopened_KeepsData()
    {
        var path = fixture.NewDatabasePath();
        var key = NewKey();
        string eTag;
        await using (var first = Open(path))
        {
            eTag = Assert.IsType<StateWrite.Written>(await first.WriteAsync(key, Json, null, Ct)).ETag;
        }

        await using var second = Open(path);

        Assert.Equal(new StoredState(key, Json, eTag), await second.ReadAsync(key, Ct));
        Assert.IsType<StateWrite.Written>(await second.WriteAsync(key, OtherJson, eTag, Ct));
    }

    [Fact]
    public async Task Store_Disposed_ReleasesFileAndCheckpointsWal()
    {
        var path = fixture.NewDatabasePath();
        await using (var store = Open(path))
        {
            await store.WriteAsync(NewKey(), Json, null, Ct);
            Assert.True(File.Exists(path + "-wal"));
        }

        // SQLite folds the WAL into the database and deletes it when the last connection closes.
        Assert.False(File.Exists(path + "-wal"));
    }

    [Fact]
    public async Task Store_Disposed_ThrowsObjectDisposed()
    {
        var store = Open(fixture.NewDatabasePath());
        await store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.ReadAsync(NewKey(), Ct));
    }

    [Fact]
    public async Task Store_FirstUse_SwitchesToWalAndRecordsSchemaVersion()
    {
        var path = fixture.NewDatabasePath();
        await using var store = Open(path);
        await store.ReadAsync(NewKey(), Ct);

        await using var connection = await OpenRawAsync(path);

        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode;"));
        Assert.Equal(6L, await ScalarAsync(connection, "PRAGMA user_version;"));
    }

    [Fact]
    public async Task Store_FileFromNewerSchema_RefusesToOpen()
    {
        var path = fixture.NewDatabasePath();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using (var connection = await OpenRawAsync(path))
        {
            await ScalarAsync(connection, "PRAGMA user_version = 99;");
        }

        await using var store = Open(path);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.ReadAsync(NewKey(), Ct));
    }

    private static SqliteStateStore Open(string path) => new(path);

    /// <summary>A connection outside the store's pool, as another tool or process would open the file.</summary>
    private static async Task<SqliteConnection> OpenRawAsync(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        return connection;
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(Ct);
    }
}
