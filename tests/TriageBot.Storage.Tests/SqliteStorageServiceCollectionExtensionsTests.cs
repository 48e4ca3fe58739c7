using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TriageBot.Runtime.State;
using TriageBot.Storage.Sqlite;

namespace TriageBot.Storage.Tests;

public sealed class SqliteStorageServiceCollectionExtensionsTests : IDisposable
{
    private readonly string _contentRoot = Path.Combine(Path.GetTempPath(), "triagebot-storage-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task AddSqliteStateStore_NoPathConfigured_UsesAppDataUnderContentRoot()
    {
        await using var provider = Build(new Dictionary<string, string?>());

        var store = Assert.IsType<SqliteStateStore>(provider.GetRequiredService<IStateStore>());

        Assert.Equal(Path.Combine(_contentRoot, "App_Data", "triagebot.db"), store.DatabasePath);
        Assert.Same(store, provider.GetRequiredService<SqliteStateStore>());
    }

    [Fact]
    public async Task AddSqliteStateStore_RelativePathConfigured_ResolvesUnderContentRoot()
    {
        await using var provider = Build(new Dictionary<string, string?> { ["Storage:Sqlite:Path"] = "data/bot.db" });

        var store = Assert.IsType<SqliteStateStore>(provider.GetRequiredService<IStateStore>());

        Assert.Equal(Path.Combine(_contentRoot, "data", "bot.db"), store.DatabasePath);
    }

    [Fact]
    public async Task AddSqliteStateStore_AbsolutePathConfigured_StoresThere()
    {
        var path = Path.Combine(_contentRoot, "elsewhere", "state.db");
        await using var provider = Build(new Dictionary<string, string?> { ["Storage:Sqlite:Path"] = path });
        var store = provider.GetRequiredService<IStateStore>();

        await store.WriteAsync("emulator/conversations/a:1", "{}", null, CancellationToken.None);

        Assert.True(File.Exists(path));
    }

    public void Dispose()
    {
        if (Directory.Exists(_contentRoot))
        {
            Directory.Delete(_contentRoot, recursive: true);
        }
    }

    private ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddSqliteStateStore(configuration, _contentRoot).BuildServiceProvider();
    }
}
