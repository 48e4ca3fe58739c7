using TriageBot.Storage.Postgres;

namespace TriageBot.Storage.Tests.Postgres;

/// <summary>One holder per job across instances; the holder renews; a dead holder's lease ends with its term.</summary>
public sealed class PostgresJobLeaseTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task InstancesAskingTogether_ExactlyOneGetsTheJob_AndKeepsItByRenewing()
    {
        var job = $"job-{Guid.NewGuid():N}";
        var instances = Enumerable.Range(0, 8).Select(_ => new PostgresJobLease(fixture.Database)).ToList();

        var granted = await Task.WhenAll(instances.Select(i => Task.Run(() => i.TryAcquireAsync(job, TimeSpan.FromMinutes(5), Ct))));

        var holder = Assert.Single(instances.Where((_, i) => granted[i]));
        Assert.True(await holder.TryAcquireAsync(job, TimeSpan.FromMinutes(5), Ct));
        Assert.False(await instances.First(i => i != holder).TryAcquireAsync(job, TimeSpan.FromMinutes(5), Ct));
    }

    [Fact]
    public async Task AHolderThatStopsRenewing_LosesTheJobWhenItsTermEnds()
    {
        var job = $"job-{Guid.NewGuid():N}";
        var dead = new PostgresJobLease(fixture.Database);
        var survivor = new PostgresJobLease(fixture.Database);
        Assert.True(await dead.TryAcquireAsync(job, TimeSpan.FromMilliseconds(200), Ct));

        // Waiting for an event (the term ending on the database's clock), with a generous bound, not a timing assertion.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await survivor.TryAcquireAsync(job, TimeSpan.FromMinutes(5), Ct))
        {
            Assert.True(DateTime.UtcNow < deadline, "The survivor never got the job after the holder's term.");
            await Task.Delay(50);
        }

        Assert.False(await dead.TryAcquireAsync(job, TimeSpan.FromMinutes(5), Ct));
    }
}
