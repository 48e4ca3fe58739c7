using TriageBot.Runtime.State;
using TriageBot.Storage.Postgres;

namespace TriageBot.Storage.Tests.Postgres;

/// <summary>
/// The state contract on a real PostgreSQL cluster, plus what many instances need: two stores (two instances' pools)
/// on one database race with one winner, and instances starting together on an empty database all find one schema.
/// </summary>
public sealed class PostgresStateStoreTests(PostgresFixture fixture) : StateStoreContract, IClassFixture<PostgresFixture>
{
    protected override IStateStore Store { get; } = new PostgresStateStore(fixture.Database);

    [Fact]
    public async Task TwoInstancesOnOneDatabase_ConcurrentWritersWithSameETag_ExactlyOneWins()
    {
        await using var other = new PostgresDatabase(fixture.ConnectionString);
        var second = new PostgresStateStore(other);
        var key = NewKey();
        var eTag = await CreateAsync(key, Json);

        var results = await RaceAsync(20, i => (i % 2 == 0 ? Store : second).WriteAsync(key, Document(i), eTag, Ct));

        AssertOneWinnerStored(key, results, await second.ReadAsync(key, Ct));
    }

    [Fact]
    public async Task InstancesStartingTogether_OnAnEmptyDatabase_MigrateItOnce_AndAllWork()
    {
        var connectionString = await fixture.Cluster.CreateDatabaseAsync();
        var instances = Enumerable.Range(0, 6).Select(_ => new PostgresDatabase(connectionString)).ToList();
        try
        {
            await Task.WhenAll(instances.Select(i => Task.Run(() => i.EnsureReadyAsync(Ct))));

            var results = await RaceAsync(instances.Count, i => new PostgresStateStore(instances[i]).WriteAsync(NewKey(), Json, null, Ct));
            Assert.All(results, r => Assert.IsType<StateWrite.Written>(r));
            await using var command = await instances[0].CommandAsync("SELECT count(*), max(version) FROM triagebot_schema;", Ct);
            await using var reader = await command.ExecuteReaderAsync(Ct);
            Assert.True(await reader.ReadAsync(Ct));
            Assert.Equal((1L, PostgresSchema.CurrentVersion), (reader.GetInt64(0), reader.GetInt32(1)));
        }
        finally
        {
            foreach (var instance in instances)
            {
                await instance.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task ADatabaseFromANewerBuild_IsRefused_NamingBothVersions()
    {
        var connectionString = await fixture.Cluster.CreateDatabaseAsync();
        await using (var current = new PostgresDatabase(connectionString))
        {
            await using var bump = await current.CommandAsync("UPDATE triagebot_schema SET version = version + 1;", Ct);
            await bump.ExecuteNonQueryAsync(Ct);
        }

        await using var older = new PostgresDatabase(connectionString);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => older.EnsureReadyAsync(Ct));
        Assert.Contains($"version {PostgresSchema.CurrentVersion + 1}, newer than this build's {PostgresSchema.CurrentVersion}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Purge_DeletesStateWrittenBeforeTheCutoff_KeepsNewer()
    {
        var clock = new TriageBot.Testing.Identity.ManualTimeProvider();
        var store = new PostgresStateStore(fixture.Database, clock);
        var old = NewKey();
        await store.WriteAsync(old, Json, null, Ct);
        clock.Advance(TimeSpan.FromHours(25));
        var fresh = NewKey();
        await store.WriteAsync(fresh, Json, null, Ct);

        Assert.True(await store.PurgeOlderThanAsync(clock.GetUtcNow() - TimeSpan.FromHours(24), Ct) >= 1);

        Assert.Null(await store.ReadAsync(old, Ct));
        Assert.NotNull(await store.ReadAsync(fresh, Ct));
    }
}
