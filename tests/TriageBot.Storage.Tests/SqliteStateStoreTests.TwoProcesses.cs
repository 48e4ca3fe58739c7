using TriageBot.Runtime.State;

namespace TriageBot.Storage.Tests;

/// <summary>Two store instances on one file stand in for two processes: eTags hold between them.</summary>
public sealed partial class SqliteStateStoreTests
{
    [Fact]
    public async Task TwoStoresOnOneFile_StaleETagFromOther_Conflicts()
    {
        var path = fixture.NewDatabasePath();
        await using var first = Open(path);
        await using var second = Open(path);
        var key = NewKey();
        var eTag = Assert.IsType<StateWrite.Written>(await first.WriteAsync(key, Json, null, Ct)).ETag;
        Assert.Equal(eTag, (await second.ReadAsync(key, Ct))?.ETag);

        var winner = Assert.IsType<StateWrite.Written>(await second.WriteAsync(key, OtherJson, eTag, Ct));
        var loser = await first.WriteAsync(key, """{"late":true}""", eTag, Ct);

        Assert.IsType<StateWrite.Conflict>(loser);
        Assert.Equal(new StoredState(key, OtherJson, winner.ETag), await first.ReadAsync(key, Ct));
        Assert.IsType<StateWrite.Conflict>(await first.WriteAsync(key, Json, null, Ct));
    }

    [Fact]
    public async Task TwoStoresOnOneFile_ConcurrentWritersWithSameETag_ExactlyOneWins()
    {
        var path = fixture.NewDatabasePath();
        await using var first = Open(path);
        await using var second = Open(path);
        var key = NewKey();
        var eTag = Assert.IsType<StateWrite.Written>(await first.WriteAsync(key, Json, null, Ct)).ETag;

        var results = await RaceAsync(20, i => (i % 2 == 0 ? first : second).WriteAsync(key, Document(i), eTag, Ct));

        AssertOneWinnerStored(key, results, await second.ReadAsync(key, Ct));
    }

    [Fact]
    public async Task TwoStoresOnOneFile_OpenedTogether_BothInitializeSchema()
    {
        var path = fixture.NewDatabasePath();
        await using var first = Open(path);
        await using var second = Open(path);

        var results = await RaceAsync(2, i => (i == 0 ? first : second).WriteAsync(NewKey(), Json, null, Ct));

        Assert.All(results, r => Assert.IsType<StateWrite.Written>(r));
    }
}
