using System.Text;
using TriageBot.Runtime.State;

namespace TriageBot.Storage.Tests;

/// <summary>Keys and documents are stored verbatim, whatever characters and size.</summary>
public abstract partial class StateStoreContract
{
    [Theory]
    [InlineData("msteams/conversations/a:1HzZsM2Vx|messageid=1700000000000")]
    [InlineData("msteams/users/29:1abcDEF-ghiJKL@thread.tacv2")]
    [InlineData("emulator/conversations/5e1f0a30-81b1-11ee-b962-0242ac120002|livechat")]
    [InlineData("webchat/conversations/x;y=z/users/dl_123?a=b&c#frag")]
    [InlineData("directline/Kr1Qx7Z9sA0-eu/log")]
    [InlineData("unicode/ünïcödé/日本語/😀")]
    [InlineData("quotes/'single' \"double\" `back` \\ %_ *")]
    [InlineData("  spaces around  ")]
    public async Task Write_KeyWithSpecialCharacters_RoundTripsVerbatim(string suffix)
    {
        // The prefix keeps keys unique when a provider shares one store across this class's tests.
        var key = $"{NewKey()}/{suffix}";

        var eTag = await CreateAsync(key, Json);

        var stored = await Store.ReadAsync(key, Ct);
        Assert.Equal(new StoredState(key, Json, eTag), stored);
        Assert.True(await Store.DeleteAsync(key, Ct));
    }

    [Fact]
    public async Task Write_KeysDifferingOnlyInCase_AreDistinct()
    {
        var key = NewKey();
        var upper = key + "/Conversation";
        var lower = key + "/conversation";

        await CreateAsync(upper, Json);
        await CreateAsync(lower, OtherJson);

        Assert.Equal(Json, (await Store.ReadAsync(upper, Ct))?.Json);
        Assert.Equal(OtherJson, (await Store.ReadAsync(lower, Ct))?.Json);
    }

    [Fact]
    public async Task Write_LargeDocument_RoundTrips()
    {
        var key = NewKey();
        var json = LargeJson(200 * 1024);

        var eTag = await CreateAsync(key, json);

        Assert.Equal(new StoredState(key, json, eTag), await Store.ReadAsync(key, Ct));
    }

    [Fact]
    public async Task Write_NullOrEmptyKey_ThrowsArgumentException()
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.WriteAsync(null!, Json, null, Ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.WriteAsync("", Json, null, Ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.ReadAsync("", Ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.DeleteAsync("", Ct));
    }

    [Fact]
    public async Task Operations_CancelledToken_ThrowOperationCanceled()
    {
        var key = NewKey();
        await CreateAsync(key, Json);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.ReadAsync(key, cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.WriteAsync(key, OtherJson, ETags.Any, cancelled.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store.DeleteAsync(key, cancelled.Token));

        Assert.Equal(Json, (await Store.ReadAsync(key, Ct))?.Json);
    }

    /// <summary>A JSON document of at least <paramref name="minLength"/> characters, with non-ASCII text in it.</summary>
    private static string LargeJson(int minLength)
    {
        var builder = new StringBuilder("""{"answers":[""");
        for (var i = 0; builder.Length < minLength; i++)
        {
            builder.Append(i == 0 ? "" : ",")
                .Append("""{"step":"ask-duration","text":"about a fortnight, ça va – 痛み""")
                .Append(i)
                .Append("\"}");
        }

        return builder.Append("]}").ToString();
    }
}
