using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
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
    public async Task AddSqliteStateStore_DataDirectoryConfigured_PutsTheDatabaseThere()
    {
        await using var provider = Build(new Dictionary<string, string?> { ["Storage:DataDirectory"] = "var/triagebot" });

        var store = provider.GetRequiredService<SqliteStateStore>();

        Assert.Equal(Path.Combine(_contentRoot, "var", "triagebot", "triagebot.db"), store.DatabasePath);
        Assert.Equal(Path.Combine(_contentRoot, "var", "triagebot"), provider.GetRequiredService<IOptions<StorageOptions>>().Value.DataDirectory);
    }

    [Fact]
    public async Task AddSqliteStateStore_RelativePathConfigured_ResolvesUnderContentRoot()
    {
        await using var provider = Build(new Dictionary<string, string?> { ["Storage:Sqlite:Path"] = "data/bot.db" });

        var store = Assert.IsType<SqliteStateStore>(provider.GetRequiredService<IStateStore>());

        Assert.Equal(Path.Combine(_contentRoot, "data", "bot.db"), store.DatabasePath);
    }

    [Fact]
    public async Task AddSqliteStateStore_AbsolutePathConfigured_StoresThereInAnOwnerOnlyFolder()
    {
        var path = Path.Combine(_contentRoot, "elsewhere", "state.db");
        await using var provider = Build(new Dictionary<string, string?> { ["Storage:Sqlite:Path"] = path, ["Storage:DataDirectory"] = "unused" });
        var store = provider.GetRequiredService<IStateStore>();

        await store.WriteAsync("emulator/conversations/a:1", "{}", null, CancellationToken.None);

        Assert.True(File.Exists(path));
        DataFolderAssert.OwnerOnly(Path.GetDirectoryName(path)!);
    }

    [Fact]
    public async Task AddSqliteStateStore_PathIsAFolder_FailsValidationNamingTheSetting()
    {
        Directory.CreateDirectory(_contentRoot);
        await using var provider = Build(new Dictionary<string, string?> { ["Storage:Sqlite:Path"] = _contentRoot });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<SqliteStateStore>());

        Assert.Contains("Storage:Sqlite:Path", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddDataDirectory_DataDirectoryIsAFile_FailsValidationNamingTheSetting()
    {
        Directory.CreateDirectory(_contentRoot);
        await File.WriteAllTextAsync(Path.Combine(_contentRoot, "taken"), "");
        await using var provider = Build(new Dictionary<string, string?> { ["Storage:DataDirectory"] = "taken" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains("Storage:DataDirectory", error.Message, StringComparison.Ordinal);
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
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddSqliteStateStore(_contentRoot).BuildServiceProvider();
    }
}
