using Microsoft.Data.Sqlite;
using TriageBot.Runtime.Referrals;
using TriageBot.Runtime.State;
using TriageBot.Storage.Sqlite;
using TriageBot.Testing.Identity;

namespace TriageBot.Storage.Tests;

/// <summary>
/// <see cref="IStateStore.PurgeOlderThanAsync"/> on both stores: state not written since the cutoff goes, state
/// written since stays; on SQLite the referrals in the same file stay too.
/// </summary>
public sealed class StatePurgeTests : IDisposable
{
    private static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    private readonly ManualTimeProvider _clock = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "triagebot-storage-tests", Guid.NewGuid().ToString("N"));
    private readonly List<IDisposable> _stores = [];

    public static TheoryData<string> Providers => ["Sqlite", "InMemory"];

    private static CancellationToken Ct => CancellationToken.None;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Purge_StateUnwrittenForLongerThanTheRetention_IsDeleted_FreshStateIsKept(string provider)
    {
        var store = Open(provider);
        await store.WriteAsync("webchat/conversations/old", "{}", null, Ct);
        await store.WriteAsync("webchat/users/old-user", "{}", null, Ct);
        _clock.Advance(Retention + TimeSpan.FromMinutes(1));
        await store.WriteAsync("webchat/conversations/fresh", "{}", null, Ct);

        var purged = await store.PurgeOlderThanAsync(_clock.GetUtcNow() - Retention, Ct);

        Assert.Equal(2, purged);
        Assert.Null(await store.ReadAsync("webchat/conversations/old", Ct));
        Assert.Null(await store.ReadAsync("webchat/users/old-user", Ct));
        Assert.NotNull(await store.ReadAsync("webchat/conversations/fresh", Ct));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Purge_AConversationStillGoingOn_IsKept_BecauseEachTurnRewritesIt(string provider)
    {
        var store = Open(provider);
        var eTag = ((StateWrite.Written)await store.WriteAsync("webchat/conversations/long", "{}", null, Ct)).ETag;
        _clock.Advance(Retention - TimeSpan.FromMinutes(1));
        await store.WriteAsync("webchat/conversations/long", """{"turn":2}""", eTag, Ct);
        _clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(0, await store.PurgeOlderThanAsync(_clock.GetUtcNow() - Retention, Ct));

        Assert.NotNull(await store.ReadAsync("webchat/conversations/long", Ct));
    }

    [Fact]
    public async Task Purge_OnSqlite_KeepsReferrals_TheyAreTheClinicsRecord()
    {
        var store = (SqliteStateStore)Open("Sqlite");
        var referrals = new SqliteReferralStore(store);
        var referral = new ReferralRecord("TB-KEEP2345", "subject", _clock.GetUtcNow(), "v1", "routine", "{}", "CfDJ8-protected");
        await referrals.AddAsync(referral, Ct);
        await store.WriteAsync("webchat/conversations/old", "{}", null, Ct);
        _clock.Advance(Retention * 3);

        await store.PurgeOlderThanAsync(_clock.GetUtcNow() - Retention, Ct);

        Assert.Null(await store.ReadAsync("webchat/conversations/old", Ct));
        Assert.Equal(referral, await referrals.FindAsync("TB-KEEP2345", Ct));
    }

    [Fact]
    public async Task Purge_OnAFileFromSchemaVersion2_UsesTheWriteTimesItAlreadyHad()
    {
        var path = Path.Combine(_folder, "v2", "state.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var old = _clock.GetUtcNow();
        var fresh = old + Retention + TimeSpan.FromHours(1);
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = $$"""
                CREATE TABLE state (key TEXT PRIMARY KEY, json TEXT NOT NULL, etag TEXT NOT NULL, updated_utc TEXT NOT NULL);
                CREATE TABLE referrals (reference TEXT PRIMARY KEY, subject_hash TEXT NOT NULL, created_utc TEXT NOT NULL,
                    content_version TEXT NOT NULL, disposition TEXT NOT NULL, summary_json TEXT NOT NULL, protected_contact TEXT NOT NULL);
                INSERT INTO state VALUES ('test/conversations/old', '{}', 'e1', '{{old:O}}');
                INSERT INTO state VALUES ('test/conversations/fresh', '{}', 'e2', '{{fresh:O}}');
                PRAGMA user_version = 2;
                """;
            await command.ExecuteNonQueryAsync(Ct);
        }

        await using var store = new SqliteStateStore(path, _clock);
        _clock.UtcNow = fresh + TimeSpan.FromMinutes(1);

        Assert.Equal(1, await store.PurgeOlderThanAsync(_clock.GetUtcNow() - Retention, Ct));

        Assert.Null(await store.ReadAsync("test/conversations/old", Ct));
        Assert.Equal(new StoredState("test/conversations/fresh", "{}", "e2"), await store.ReadAsync("test/conversations/fresh", Ct));
    }

    public void Dispose()
    {
        _stores.ForEach(s => s.Dispose());
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private IStateStore Open(string provider)
    {
        if (provider == "InMemory")
        {
            return new InMemoryStateStore(_clock);
        }

        var store = new SqliteStateStore(Path.Combine(_folder, provider, "state.db"), _clock);
        _stores.Add(store);
        return store;
    }
}
