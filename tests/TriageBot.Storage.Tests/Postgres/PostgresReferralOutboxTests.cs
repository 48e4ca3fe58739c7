using Npgsql;
using TriageBot.Runtime.Referrals;
using TriageBot.Storage.Postgres;

namespace TriageBot.Storage.Tests.Postgres;

/// <summary>
/// The outbox contract on a real PostgreSQL cluster (each test on a database of its own), plus what a fleet needs:
/// instances with pools of their own never claim one entry twice, a claim skips rows another instance has locked
/// instead of waiting, and a lease runs on the database's clock, so an instance whose clock is ahead cannot take it.
/// </summary>
public sealed class PostgresReferralOutboxTests(PostgresFixture fixture) : ReferralOutboxContract, IClassFixture<PostgresFixture>, IAsyncDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly List<PostgresDatabase> _opened = [];

    /// <summary>Short, because the database's clock has to pass it for real.</summary>
    protected override TimeSpan DyingLease => TimeSpan.FromMilliseconds(300);

    protected override async Task<(IReferralStore Store, IReferralOutbox Outbox)> OpenAsync()
    {
        var database = await NewDatabaseAsync();
        return (new PostgresReferralStore(database, Routes), new PostgresReferralOutbox(database));
    }

    /// <summary>Waits out the lease on the real clock, with a margin; nothing is asserted about how long anything took.</summary>
    protected override Task LetTheLeaseRunOutAsync(TimeSpan lease) => Task.Delay(lease + TimeSpan.FromMilliseconds(200));

    [Fact]
    public async Task TwoInstancesOnOneDatabase_NeverClaimTheSameEntry()
    {
        var connectionString = await fixture.Cluster.CreateDatabaseAsync();
        await using var first = new PostgresDatabase(connectionString);
        await using var second = new PostgresDatabase(connectionString);
        var store = new PostgresReferralStore(first, Routes);

        await AssertEightClaimersAtOnceShareOutTwentyEntriesAsync(store, i => new PostgresReferralOutbox(i % 2 == 0 ? first : second));
    }

    [Fact]
    public async Task AnInstanceWhoseClockIsADayAhead_CannotTakeAnEntryAnotherInstanceHolds()
    {
        var (store, outbox) = await OpenAsync();
        await store.AddAsync(New("subject-a"), CancellationToken.None);
        var held = await outbox.ClaimDueAsync(Now, TimeSpan.FromMinutes(1), 10, CancellationToken.None);

        var ahead = await outbox.ClaimDueAsync(Now.AddDays(1), TimeSpan.FromMinutes(1), 10, CancellationToken.None);

        Assert.Equal(2, held.Count);
        Assert.Empty(ahead);
    }

    [Fact]
    public async Task AClaim_SkipsAnEntryAnotherInstanceIsLockingRightNow_InsteadOfWaitingForIt()
    {
        var connectionString = await fixture.Cluster.CreateDatabaseAsync();
        await using var database = new PostgresDatabase(connectionString);
        var store = new PostgresReferralStore(database, Routes);
        var referral = New("subject-a");
        await store.AddAsync(referral, CancellationToken.None);

        // Another instance in the middle of its claim: it holds the row lock on the "clinic-inbox" entry.
        await using var other = new NpgsqlConnection(connectionString);
        await other.OpenAsync();
        await using var transaction = await other.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand("SELECT 1 FROM referral_outbox WHERE destination = 'clinic-inbox' FOR UPDATE;", other, transaction))
        {
            await lockRow.ExecuteNonQueryAsync();
        }

        using var patience = new CancellationTokenSource(Patience);
        var claimed = await new PostgresReferralOutbox(database).ClaimDueAsync(Now, TimeSpan.FromMinutes(1), 10, patience.Token);

        Assert.Equal([(referral.Reference, "records")], claimed.Select(e => (e.Reference, e.Destination)));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var database in _opened)
        {
            await database.DisposeAsync();
        }
    }

    private async Task<PostgresDatabase> NewDatabaseAsync()
    {
        var database = new PostgresDatabase(await fixture.Cluster.CreateDatabaseAsync());
        _opened.Add(database);
        return database;
    }
}
