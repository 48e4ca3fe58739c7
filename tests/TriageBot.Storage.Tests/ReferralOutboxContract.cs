using TriageBot.Runtime.Referrals;
using TriageBot.Storage.Sqlite;

namespace TriageBot.Storage.Tests;

/// <summary>
/// What every referral outbox must do (<see cref="IReferralOutbox"/>); one subclass per provider. Each test gets a
/// fresh store whose referrals are queued for two destinations, "clinic-inbox" and "records".
/// </summary>
public abstract class ReferralOutboxContract
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private static readonly CancellationToken Ct = CancellationToken.None;

    protected static ReferralRoutes Routes { get; } = new(["clinic-inbox", "records"]);

    /// <summary>A store and outbox of their own, empty.</summary>
    protected abstract Task<(IReferralStore Store, IReferralOutbox Outbox)> OpenAsync();

    /// <summary>The lease of the test in which a claimer dies; a store that leases on its own clock keeps it short.</summary>
    protected virtual TimeSpan DyingLease => Lease;

    /// <summary>
    /// Lets a lease of <paramref name="lease"/> run out. The claims' own clock is moved on by the test; a store that
    /// leases on the database's clock (PostgreSQL) must also see that much real time pass.
    /// </summary>
    protected virtual Task LetTheLeaseRunOutAsync(TimeSpan lease) => Task.CompletedTask;

    [Fact]
    public async Task AReferral_IsQueuedOncePerDestination_AndConfirmingItAgainQueuesNothingMore()
    {
        var (store, outbox) = await OpenAsync();
        var referral = New("subject-a");

        await store.AddAsync(referral, Ct);
        await store.AddAsync(referral with { CreatedUtc = referral.CreatedUtc.AddSeconds(1) }, Ct);

        var rows = await outbox.ListAsync(referral.Reference, Ct);
        Assert.Equal(["clinic-inbox", "records"], rows.Select(r => r.Destination));
        Assert.All(rows, r => Assert.Equal((OutboxStates.Pending, 0), (r.State, r.Attempts)));
        Assert.Equal(new OutboxCounts(2, 0, 0), await outbox.CountAsync(Ct));
    }

    [Fact]
    public async Task AReferenceAnotherPersonHas_IsRefused_AndQueuesNothingForThem()
    {
        var (store, outbox) = await OpenAsync();
        var theirs = New("subject-them");
        await store.AddAsync(theirs, Ct);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.AddAsync(theirs with { SubjectHash = "subject-me" }, Ct));

        Assert.Equal(new OutboxCounts(2, 0, 0), await outbox.CountAsync(Ct));
    }

    [Fact]
    public async Task AClaimedEntry_IsNotClaimedAgainWhileLeased_AndEachClaimCountsAnAttempt()
    {
        var (store, outbox) = await OpenAsync();
        await store.AddAsync(New("subject-a"), Ct);

        var first = await outbox.ClaimDueAsync(Now, Lease, 10, Ct);
        var second = await outbox.ClaimDueAsync(Now.AddSeconds(59), Lease, 10, Ct);

        Assert.Equal(2, first.Count);
        Assert.All(first, e => Assert.Equal(1, e.Attempt));
        Assert.Empty(second);
    }

    [Fact]
    public async Task AClaimerThatDied_LetsTheLeaseRunOut_ThenTheEntryIsClaimedAgain_AndTheStaleMarkChangesNothing()
    {
        var (store, outbox) = await OpenAsync();
        var referral = New("subject-a");
        await store.AddAsync(referral, Ct);
        var died = (await outbox.ClaimDueAsync(Now, DyingLease, 1, Ct)).Single();

        await LetTheLeaseRunOutAsync(DyingLease);
        var again = (await outbox.ClaimDueAsync(Now + DyingLease, Lease, 1, Ct)).Single();

        Assert.Equal((died.Reference, died.Destination, 2), (again.Reference, again.Destination, again.Attempt));
        Assert.False(await outbox.MarkDeliveredAsync(died, Now + DyingLease, Ct));
        Assert.True(await outbox.MarkDeliveredAsync(again, Now + DyingLease, Ct));
        Assert.Equal(new OutboxCounts(1, 1, 0), await outbox.CountAsync(Ct));
    }

    [Fact]
    public async Task AFailedEntry_IsDueAgainAtItsNextAttempt_NotBefore_WithItsReason()
    {
        var (store, outbox) = await OpenAsync();
        var referral = New("subject-a");
        await store.AddAsync(referral, Ct);
        var claimed = await outbox.ClaimDueAsync(Now, Lease, 10, Ct);
        var next = Now.AddMinutes(5);
        foreach (var entry in claimed)
        {
            Assert.True(await outbox.MarkFailedAsync(entry, "http-503", next, Ct));
        }

        Assert.Empty(await outbox.ClaimDueAsync(next.AddMilliseconds(-1), Lease, 10, Ct));
        var retried = await outbox.ClaimDueAsync(next, Lease, 10, Ct);

        Assert.All(retried, e => Assert.Equal(2, e.Attempt));
        Assert.All(await outbox.ListAsync(referral.Reference, Ct), r => Assert.Equal("http-503", r.LastError));
    }

    [Fact]
    public async Task ADeliveredEntry_IsNeverClaimedAgain()
    {
        var (store, outbox) = await OpenAsync();
        await store.AddAsync(New("subject-a"), Ct);
        foreach (var entry in await outbox.ClaimDueAsync(Now, Lease, 10, Ct))
        {
            Assert.True(await outbox.MarkDeliveredAsync(entry, Now, Ct));
        }

        Assert.Empty(await outbox.ClaimDueAsync(Now.AddDays(1), Lease, 10, Ct));
        Assert.Equal(new OutboxCounts(0, 2, 0), await outbox.CountAsync(Ct));
    }

    [Fact]
    public async Task ADeadLetteredEntry_KeepsItsReason_IsCounted_AndIsNeverClaimedAgain()
    {
        var (store, outbox) = await OpenAsync();
        var referral = New("subject-a");
        await store.AddAsync(referral, Ct);
        var entry = (await outbox.ClaimDueAsync(Now, Lease, 1, Ct)).Single();

        Assert.True(await outbox.DeadLetterAsync(entry, "http-410", Now, Ct));

        var row = Assert.Single(await outbox.ListAsync(referral.Reference, Ct), r => r.Destination == entry.Destination);
        Assert.Equal((OutboxStates.Dead, "http-410"), (row.State, row.LastError));
        Assert.Equal(new OutboxCounts(1, 0, 1), await outbox.CountAsync(Ct));
        Assert.DoesNotContain(await outbox.ClaimDueAsync(Now.AddDays(1), Lease, 10, Ct), e => e.Destination == entry.Destination);
    }

    [Fact]
    public async Task HoldingADestination_MakesItsWholeQueueDueTogether_UndoesThisPassesUntriedClaims_AndLeavesOthersLeasesAlone()
    {
        var (store, outbox) = await OpenAsync();
        var (othersLease, tried, untried, waiting) = (New("subject-a", 0), New("subject-b", 1), New("subject-c", 2), New("subject-d", 3));
        foreach (var referral in new[] { othersLease, tried, untried })
        {
            await store.AddAsync(referral, Ct);
        }

        var theirs = (await outbox.ClaimDueAsync(Now, Lease, 1, Ct)).Single();
        var mine = await outbox.ClaimDueAsync(Now, Lease, 10, Ct);
        var triedEntry = mine.Single(e => e.Reference == tried.Reference && e.Destination == "clinic-inbox");
        Assert.True(await outbox.MarkFailedAsync(triedEntry, "http-429", Now.AddSeconds(30), Ct));
        await store.AddAsync(waiting, Ct);
        var until = Now.AddMinutes(2);

        var held = await outbox.HoldAsync("clinic-inbox", until, triedEntry.LeaseToken, Now, Ct);

        Assert.Equal(3, held);
        Assert.True(await outbox.MarkDeliveredAsync(theirs, Now, Ct));
        Assert.DoesNotContain((await outbox.ClaimDueAsync(until.AddMilliseconds(-1), Lease, 10, Ct)), e => e.Destination == "clinic-inbox");
        var resumed = (await outbox.ClaimDueAsync(until, Lease, 10, Ct)).Where(e => e.Destination == "clinic-inbox").ToList();
        Assert.Equal([(tried.Reference, 2), (untried.Reference, 1), (waiting.Reference, 1)], resumed.Select(e => (e.Reference, e.Attempt)));
        Assert.Equal(othersLease.Reference, theirs.Reference);
        Assert.True((await outbox.ListAsync(untried.Reference, Ct)).Single(r => r.Destination == "records").NextAttemptUtc < until);
    }

    [Fact]
    public async Task ManyDispatchersClaimingAtOnce_NeverGetTheSameEntry()
    {
        var (store, outbox) = await OpenAsync();

        await AssertEightClaimersAtOnceShareOutTwentyEntriesAsync(store, _ => outbox);
    }

    [Fact]
    public async Task DeletingAPersonsReferrals_DeletesTheirOutboxEntries()
    {
        var (store, outbox) = await OpenAsync();
        var mine = New("subject-me");
        var theirs = New("subject-them");
        await store.AddAsync(mine, Ct);
        await store.AddAsync(theirs, Ct);

        await store.DeleteBySubjectAsync("subject-me", Ct);

        Assert.Empty(await outbox.ListAsync(mine.Reference, Ct));
        Assert.Equal(2, (await outbox.ListAsync(theirs.Reference, Ct)).Count);
    }

    [Fact]
    public async Task ClaimArgumentsOutOfRange_AreRefused()
    {
        var (_, outbox) = await OpenAsync();
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => outbox.ClaimDueAsync(Now, TimeSpan.Zero, 1, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => outbox.ClaimDueAsync(Now, Lease, 0, Ct));
    }

    /// <summary>
    /// Queues 10 referrals (20 entries) in <paramref name="store"/>, then 8 dispatchers claim up to 5 each at once,
    /// dispatcher <c>i</c> through <paramref name="outboxOf"/>(i) (one outbox, or several instances on one database):
    /// every entry is claimed, none twice.
    /// </summary>
    protected static async Task AssertEightClaimersAtOnceShareOutTwentyEntriesAsync(IReferralStore store, Func<int, IReferralOutbox> outboxOf)
    {
        for (var i = 0; i < 10; i++)
        {
            await store.AddAsync(New("subject-a"), Ct);
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => outboxOf(i).ClaimDueAsync(Now, Lease, 5, Ct))));

        var all = claims.SelectMany(c => c).Select(e => (e.Reference, e.Destination)).ToList();
        Assert.Equal(20, all.Count);
        Assert.Equal(all.Count, all.Distinct().Count());
    }

    protected static ReferralRecord New(string subject, int minutesLater = 0) => new(
        $"TB-{Guid.NewGuid():N}"[..11].ToUpperInvariant(),
        subject,
        new DateTimeOffset(2026, 12, 7, 8, minutesLater, 0, TimeSpan.Zero),
        "2026.12.07",
        "routine",
        "{}",
        "CfDJ8-protected-bytes");
}

public sealed class InMemoryReferralOutboxTests : ReferralOutboxContract
{
    protected override Task<(IReferralStore Store, IReferralOutbox Outbox)> OpenAsync()
    {
        var store = new InMemoryReferralStore(Routes);
        return Task.FromResult<(IReferralStore, IReferralOutbox)>((store, store));
    }
}

public sealed class SqliteReferralOutboxTests(SqliteFileFixture fixture) : ReferralOutboxContract, IClassFixture<SqliteFileFixture>, IAsyncDisposable
{
    private readonly List<SqliteStateStore> _opened = [];

    protected override Task<(IReferralStore Store, IReferralOutbox Outbox)> OpenAsync()
    {
        var database = new SqliteStateStore(fixture.NewDatabasePath());
        _opened.Add(database);
        return Task.FromResult<(IReferralStore, IReferralOutbox)>((new SqliteReferralStore(database, Routes), new SqliteReferralOutbox(database)));
    }

    [Fact]
    public async Task TwoProcessesOnOneFile_NeverClaimTheSameEntry()
    {
        var path = fixture.NewDatabasePath();
        await using var first = new SqliteStateStore(path);
        await using var second = new SqliteStateStore(path);
        var store = new SqliteReferralStore(first, Routes);

        await AssertEightClaimersAtOnceShareOutTwentyEntriesAsync(store, i => new SqliteReferralOutbox(i % 2 == 0 ? first : second));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var database in _opened)
        {
            await database.DisposeAsync();
        }
    }
}
