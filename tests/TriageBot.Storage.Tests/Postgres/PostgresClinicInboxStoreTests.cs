using TriageBot.Runtime.ClinicInbox;
using TriageBot.Storage.Postgres;

namespace TriageBot.Storage.Tests.Postgres;

/// <summary>The clinic inbox contract on a real PostgreSQL cluster, each test on a database of its own.</summary>
public sealed class PostgresClinicInboxStoreTests(PostgresFixture fixture) : ClinicInboxStoreContract, IClassFixture<PostgresFixture>, IAsyncDisposable
{
    private readonly List<PostgresDatabase> _opened = [];

    protected override async Task<IClinicInboxStore> OpenAsync()
    {
        var database = new PostgresDatabase(await fixture.Cluster.CreateDatabaseAsync());
        _opened.Add(database);
        return new PostgresClinicInboxStore(database);
    }

    [Fact]
    public async Task TwoInstancesOnOneDatabase_SeeOneChannelAndOneTrail()
    {
        var connectionString = await fixture.Cluster.CreateDatabaseAsync();
        await using var first = new PostgresDatabase(connectionString);
        await using var second = new PostgresDatabase(connectionString);
        var channel = new ClinicChannelAddress("https://smba.example/emea/", "tenant-1", "19:team@thread.tacv2", "19:general@thread.tacv2");
        var claim = new ClinicAuditEntry("TB-FLEET001", ClinicActions.Claim, "staff-1", "Sam Staff", DateTimeOffset.UnixEpoch);

        await new PostgresClinicInboxStore(first).SaveChannelAsync(channel, CancellationToken.None);
        await new PostgresClinicInboxStore(first).AppendAuditAsync(claim, CancellationToken.None);

        var other = new PostgresClinicInboxStore(second);
        Assert.Equal(channel, await other.FindChannelAsync(CancellationToken.None));
        Assert.Equal([claim], await other.ListAuditAsync("TB-FLEET001", CancellationToken.None));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var database in _opened)
        {
            await database.DisposeAsync();
        }
    }
}
