using TriageBot.Runtime.State;

namespace TriageBot.Storage.Tests;

/// <summary>
/// What every <see cref="IStateStore"/> must do. One subclass per provider supplies the store; a provider passes when
/// its subclass passes every test here. A provider may share one store across a class's tests (SQLite shares a
/// file), so each test works on fresh keys.
/// </summary>
public abstract partial class StateStoreContract
{
    protected const string Json = """{"dialogStack":[{"id":"triage.pain","step":"ask-duration"}]}""";

    protected const string OtherJson = """{"dialogStack":[]}""";

    protected static CancellationToken Ct => CancellationToken.None;

    protected abstract IStateStore Store { get; }

    protected static string NewKey() => $"test/conversations/{Guid.NewGuid():N}";

    [Fact]
    public async Task Read_MissingKey_ReturnsNull() =>
        Assert.Null(await Store.ReadAsync(NewKey(), Ct));

    [Fact]
    public async Task Write_CreateOnlyOnMissingKey_ReadReturnsSameJsonAndETag()
    {
        var key = NewKey();

        var eTag = await CreateAsync(key, Json);

        Assert.Equal(new StoredState(key, Json, eTag), await Store.ReadAsync(key, Ct));
    }

    [Fact]
    public async Task Write_CreateOnlyOnExistingKey_ConflictsAndKeepsValue()
    {
        var key = NewKey();
        var eTag = await CreateAsync(key, Json);

        var result = await Store.WriteAsync(key, OtherJson, expectedETag: null, Ct);

        Assert.IsType<StateWrite.Conflict>(result);
        Assert.Equal(new StoredState(key, Json, eTag), await Store.ReadAsync(key, Ct));
    }

    [Fact]
    public async Task Write_MatchingETag_WritesWithNewETag()
    {
        var key = NewKey();
        var eTag = await CreateAsync(key, Json);

        var written = Assert.IsType<StateWrite.Written>(await Store.WriteAsync(key, OtherJson, eTag, Ct));

        Assert.NotEqual(eTag, written.ETag);
        Assert.Equal(new StoredState(key, OtherJson, written.ETag), await Store.ReadAsync(key, Ct));
    }

    [Fact]
    public async Task Write_StaleETag_ConflictsAndKeepsValue()
    {
        var key = NewKey();
        var stale = await CreateAsync(key, Json);
        var current = Assert.IsType<StateWrite.Written>(await Store.WriteAsync(key, OtherJson, stale, Ct)).ETag;

        var result = await Store.WriteAsync(key, """{"late":true}""", stale, Ct);

        Assert.IsType<StateWrite.Conflict>(result);
        Assert.Equal(new StoredState(key, OtherJson, current), await Store.ReadAsync(key, Ct));
    }

    [Fact]
    public async Task Write_AnyOnExistingKey_OverwritesWithNewETag()
    {
        var key = NewKey();
        var eTag = await CreateAsync(key, Json);

        var written = Assert.IsType<StateWrite.Written>(await Store.WriteAsync(key, OtherJson, ETags.Any, Ct));

        Assert.NotEqual(eTag, written.ETag);
        Assert.Equal(new StoredState(key, OtherJson, written.ETag), await Store.ReadAsync(key, Ct));
    }

    [Fact]
    public async Task Write_AnyOnMissingKey_Creates()
    {
        var key = NewKey();

        var written = Assert.IsType<StateWrite.Written>(await Store.WriteAsync(key, Json, ETags.Any, Ct));

        Assert.Equal(new StoredState(key, Json, written.ETag), await Store.ReadAsync(key, Ct));
    }

    [Fact]
    public async Task Write_MatchingETagOnMissingKey_ConflictsAndCreatesNothing()
    {
        var other = NewKey();
        var eTag = await CreateAsync(other, Json);
        var key = NewKey();

        var result = await Store.WriteAsync(key, Json, eTag, Ct);

        Assert.IsType<StateWrite.Conflict>(result);
        Assert.Null(await Store.ReadAsync(key, Ct));
    }

    [Fact]
    public async Task Write_EmptyETag_ThrowsArgumentExceptionAndKeepsValue()
    {
        var key = NewKey();
        var eTag = await CreateAsync(key, Json);

        await Assert.ThrowsAsync<ArgumentException>(() => Store.WriteAsync(key, OtherJson, "", Ct));

        Assert.Equal(new StoredState(key, Json, eTag), await Store.ReadAsync(key, Ct));
    }

    [Fact]
    public async Task Delete_ExistingKey_ReturnsTrueAndReadReturnsNull()
    {
        var key = NewKey();
        await CreateAsync(key, Json);

        Assert.True(await Store.DeleteAsync(key, Ct));

        Assert.Null(await Store.ReadAsync(key, Ct));
    }

    [Fact]
    public async Task Delete_MissingKey_ReturnsFalse() =>
        Assert.False(await Store.DeleteAsync(NewKey(), Ct));

    [Fact]
    public async Task Write_AfterDelete_OldETagConflictsAndCreateOnlySucceeds()
    {
        var key = NewKey();
        var eTag = await CreateAsync(key, Json);
        await Store.DeleteAsync(key, Ct);

        Assert.IsType<StateWrite.Conflict>(await Store.WriteAsync(key, OtherJson, eTag, Ct));
        var recreated = await CreateAsync(key, OtherJson);

        Assert.Equal(new StoredState(key, OtherJson, recreated), await Store.ReadAsync(key, Ct));
    }

    /// <summary>Creates <paramref name="key"/> and returns its eTag, failing the test if the store refuses.</summary>
    protected async Task<string> CreateAsync(string key, string json) =>
        Assert.IsType<StateWrite.Written>(await Store.WriteAsync(key, json, expectedETag: null, Ct)).ETag;
}
