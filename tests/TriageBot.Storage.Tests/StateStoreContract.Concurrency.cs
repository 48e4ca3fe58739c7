using TriageBot.Runtime.State;

namespace TriageBot.Storage.Tests;

/// <summary>Concurrent writers: conditional writes are atomic, so exactly one writer wins each race.</summary>
public abstract partial class StateStoreContract
{
    private const int Writers = 20;

    [Fact]
    public async Task Write_ConcurrentWritersWithSameETag_ExactlyOneWins()
    {
        var key = NewKey();
        var eTag = await CreateAsync(key, Json);

        var results = await RaceAsync(Writers, i => Store.WriteAsync(key, Document(i), eTag, Ct));

        AssertOneWinnerStored(key, results, await Store.ReadAsync(key, Ct));
    }

    [Fact]
    public async Task Write_ConcurrentCreateOnlyWriters_ExactlyOneWins()
    {
        var key = NewKey();

        var results = await RaceAsync(Writers, i => Store.WriteAsync(key, Document(i), expectedETag: null, Ct));

        AssertOneWinnerStored(key, results, await Store.ReadAsync(key, Ct));
    }

    [Fact]
    public async Task Write_ConcurrentWritersToDifferentKeys_AllSucceed()
    {
        var prefix = NewKey();

        var results = await RaceAsync(50, i => Store.WriteAsync($"{prefix}/{i}", Document(i), expectedETag: null, Ct));

        for (var i = 0; i < results.Length; i++)
        {
            var written = Assert.IsType<StateWrite.Written>(results[i]);
            Assert.Equal(new StoredState($"{prefix}/{i}", Document(i), written.ETag), await Store.ReadAsync($"{prefix}/{i}", Ct));
        }
    }

    protected static string Document(int writer) => $$"""{"writer":{{writer}}}""";

    /// <summary>
    /// Starts <paramref name="count"/> writes on the thread pool, released together by one gate so they overlap as
    /// much as the machine allows; returns the results in writer order.
    /// </summary>
    protected static async Task<StateWrite[]> RaceAsync(int count, Func<int, Task<StateWrite>> write)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writers = Enumerable.Range(0, count)
            .Select(i => Task.Run(async () =>
            {
                await gate.Task;
                return await write(i);
            }))
            .ToArray();
        gate.SetResult();
        return await Task.WhenAll(writers);
    }

    /// <summary>Exactly one writer got Written, the rest Conflict, and the store holds the winner's document and eTag.</summary>
    protected static void AssertOneWinnerStored(string key, StateWrite[] results, StoredState? stored)
    {
        var winners = results
            .Select((result, writer) => (result, writer))
            .Where(r => r.result is StateWrite.Written)
            .ToList();
        var (result, writer) = Assert.Single(winners);
        Assert.All(results.Where(r => r is not StateWrite.Written), r => Assert.IsType<StateWrite.Conflict>(r));
        Assert.Equal(new StoredState(key, Document(writer), ((StateWrite.Written)result).ETag), stored);
    }
}
