using TriageBot.Runtime.Turns;

namespace TriageBot.Runtime.Tests.Turns;

public sealed class KeyedLockTests
{
    [Fact]
    public async Task SameKey_SecondWaitsUntilFirstReleases()
    {
        var locks = new KeyedLock();
        var first = await locks.AcquireAsync("c1", CancellationToken.None);

        var second = locks.AcquireAsync("c1", CancellationToken.None);
        Assert.False(second.IsCompleted);

        first.Dispose();
        (await second).Dispose();
        Assert.Equal(0, locks.Count);
    }

    [Fact]
    public async Task DifferentKeys_DoNotWaitForEachOther()
    {
        var locks = new KeyedLock();
        using var a = await locks.AcquireAsync("c1", CancellationToken.None);

        var b = locks.AcquireAsync("c2", CancellationToken.None);

        Assert.True(b.IsCompleted);
        (await b).Dispose();
    }

    [Fact]
    public async Task CancelledWaiter_LeavesNoEntryBehind()
    {
        var locks = new KeyedLock();
        var held = await locks.AcquireAsync("c1", CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = locks.AcquireAsync("c1", cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        held.Dispose();
        Assert.Equal(0, locks.Count);
    }

    [Fact]
    public async Task ThousandsOfFinishedConversations_LeaveNoLockBehind()
    {
        var locks = new KeyedLock();

        // Two turns of each conversation overlap (a double-send), then both finish.
        for (var i = 0; i < 5_000; i++)
        {
            var first = await locks.AcquireAsync($"emulator/conversations/c{i}", CancellationToken.None);
            var second = locks.AcquireAsync($"emulator/conversations/c{i}", CancellationToken.None);
            first.Dispose();
            (await second).Dispose();
        }

        Assert.Equal(0, locks.Count);
    }
}
