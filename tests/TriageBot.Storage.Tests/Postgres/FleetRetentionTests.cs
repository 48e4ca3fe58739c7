using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TriageBot.Host.Retention;
using TriageBot.Runtime.Jobs;
using TriageBot.Storage.Postgres;

namespace TriageBot.Storage.Tests.Postgres;

/// <summary>
/// The retention job on a fleet sharing one PostgreSQL database: only the lease holder purges; when the holder dies
/// (it stops renewing), another instance takes the job over once the term ends.
/// </summary>
public sealed class FleetRetentionTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task WhileAnotherInstanceHoldsTheRetentionLease_ThisInstanceAsksEachTick_AndNeverPurges()
    {
        await using var database = new PostgresDatabase(await fixture.Cluster.CreateDatabaseAsync());
        var holder = new PostgresJobLease(database);
        Assert.True(await holder.TryAcquireAsync(StateRetentionService.JobName, TimeSpan.FromMinutes(5), Ct));
        var lease = new CountingLease(new PostgresJobLease(database));
        var store = new PurgeWatchingStore(new PostgresStateStore(database));

        using (var job = await StartAsync(store, lease))
        {
            await WaitUntilAsync(() => lease.Attempts >= 5);
            await job.StopAsync(Ct);
        }

        Assert.Equal(0, store.Calls);
    }

    [Fact]
    public async Task WhenTheHolderDies_AnotherInstanceTakesTheJobOver_AfterTheTerm()
    {
        await using var database = new PostgresDatabase(await fixture.Cluster.CreateDatabaseAsync());
        var dead = new PostgresJobLease(database);
        Assert.True(await dead.TryAcquireAsync(StateRetentionService.JobName, TimeSpan.FromMilliseconds(300), Ct));
        var store = new PurgeWatchingStore(new PostgresStateStore(database));

        using var job = await StartAsync(store, new PostgresJobLease(database));

        Assert.True(await store.NextPurgeAsync());
        await job.StopAsync(Ct);
    }

    private static async Task<StateRetentionService> StartAsync(PurgeWatchingStore store, IJobLease lease)
    {
        var options = Options.Create(new StateRetentionOptions { Retention = TimeSpan.FromHours(24), PurgeInterval = TimeSpan.FromMilliseconds(20) });
        var service = new StateRetentionService(store, options, TimeProvider.System, NullLogger<StateRetentionService>.Instance, lease);
        await service.StartAsync(Ct);
        return service;
    }

    /// <summary>Waits for a condition, with a generous bound; never a timing assertion.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition never came true.");
            await Task.Delay(20);
        }
    }

    private sealed class CountingLease(IJobLease inner) : IJobLease
    {
        private int _attempts;

        public int Attempts => Volatile.Read(ref _attempts);

        public Task<bool> TryAcquireAsync(string job, TimeSpan term, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _attempts);
            return inner.TryAcquireAsync(job, term, cancellationToken);
        }
    }
}
