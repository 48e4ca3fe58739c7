using System.Net;
using TriageBot.Channels.DirectLine;
using TriageBot.Channels.Tests.DirectLine.Support;
using TriageBot.Testing.DirectLine;

namespace TriageBot.Channels.Tests.DirectLine;

/// <summary>
/// The cap on conversations one client holds: at its cap a client evicts its own least recently used idle
/// conversation, never another client's, or is refused with 429 and Retry-After while others still start; its
/// count comes back whichever way a conversation ends. Loopback callers are this host and are not capped.
/// </summary>
public sealed class DirectLinePerClientCapTests : DirectLineTest
{
    private DirectLineClient _flooder = null!;
    private DirectLineClient _neighbour = null!;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Channels:DirectLine:MaxConversationsPerClient"] = "2",
        ["Channels:DirectLine:EvictAfterIdle"] = "00:01:00",
        ["Channels:DirectLine:TokenLifetime"] = "1.00:00:00",
        ["Channels:DirectLine:Retention"] = "02:00:00",
    };

    private DirectLineConversationStore Store => Host.Get<DirectLineConversationStore>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _flooder = new DirectLineClient(Host.BaseAddress, forwardedFor: "203.0.113.10");
        _neighbour = new DirectLineClient(Host.BaseAddress, forwardedFor: "198.51.100.20");
    }

    [Fact]
    public async Task ClientAtItsCap_EvictsItsOwnLeastRecentlyUsedIdleConversation_NotAnotherClients()
    {
        var neighbours = await _neighbour.StartWithTokenAsync("dl_neighbour");
        var older = await _flooder.StartWithTokenAsync("dl_older");
        var newer = await _flooder.StartWithTokenAsync("dl_newer");
        Clock.Advance(TimeSpan.FromMinutes(2));

        // The older one is read now, so the newer one is this client's least recently used.
        await _flooder.GetActivitiesAsync(older.ConversationId, older.Token);
        var third = await _flooder.StartWithTokenAsync("dl_third");
        var fourth = await _flooder.StartAsync(await NewTokenAsync("dl_fourth"));

        Assert.Equal(HttpStatusCode.NotFound, (await _flooder.GetActivitiesAsync(newer.ConversationId, newer.Token)).Status);
        Assert.Equal(HttpStatusCode.OK, (await _flooder.GetActivitiesAsync(older.ConversationId, older.Token)).Status);
        Assert.Equal(HttpStatusCode.OK, (await _flooder.GetActivitiesAsync(third.ConversationId, third.Token)).Status);
        Assert.Equal(HttpStatusCode.OK, (await _neighbour.GetActivitiesAsync(neighbours.ConversationId, neighbours.Token)).Status);
        Assert.Single(Host.Logs.WithEvent("DirectLineConversationEvicted"));

        // The eviction made room for one, not more: the count stayed at the cap.
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.Status);
    }

    [Fact]
    public async Task ClientAtItsCapWithNoneIdle_Refused429WithRetryAfter_WhileAnotherClientStarts()
    {
        var first = await _flooder.StartWithTokenAsync("dl_first");
        var second = await _flooder.StartWithTokenAsync("dl_second");

        var refused = await _flooder.StartAsync(await NewTokenAsync("dl_third"));
        var neighbour = await _neighbour.StartAsync(await NewTokenAsync("dl_neighbour"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal("TooManyRequests", refused.ErrorCode);
        Assert.Equal(TimeSpan.FromMinutes(1), refused.Headers.RetryAfter?.Delta);
        Assert.Single(Host.Logs.WithEvent("DirectLineClientConversationRefused"));
        Assert.Equal(HttpStatusCode.Created, neighbour.Status);
        Assert.Equal(HttpStatusCode.OK, (await _flooder.GetActivitiesAsync(first.ConversationId, first.Token)).Status);
        Assert.Equal(HttpStatusCode.OK, (await _flooder.GetActivitiesAsync(second.ConversationId, second.Token)).Status);
    }

    [Fact]
    public async Task ClientAtItsCap_GetsItsPlacesBackWhenConversationsAreDeletedOrPurged()
    {
        var deleted = await _flooder.StartWithTokenAsync("dl_deleted");
        var kept = await _flooder.StartWithTokenAsync("dl_kept");

        Store.Delete(deleted.ConversationId);
        var afterDelete = await _flooder.StartAsync(await NewTokenAsync("dl_after-delete"));
        Clock.Advance(TimeSpan.FromHours(3));
        Store.Purge();
        var afterPurge = new[]
        {
            await _flooder.StartAsync(await NewTokenAsync("dl_after-purge-1")),
            await _flooder.StartAsync(await NewTokenAsync("dl_after-purge-2")),
        };

        Assert.Equal(HttpStatusCode.Created, afterDelete.Status);
        Assert.All(afterPurge, answer => Assert.Equal(HttpStatusCode.Created, answer.Status));
        Assert.Equal(HttpStatusCode.NotFound, (await _flooder.GetActivitiesAsync(kept.ConversationId, DirectLineHost.Secret)).Status);
        Assert.Empty(Host.Logs.WithEvent("DirectLineConversationEvicted"));
    }

    [Fact]
    public async Task LoopbackCaller_IsNotCappedPerClient()
    {
        var started = new List<StartedConversation>();
        for (var i = 0; i < 3; i++)
        {
            started.Add(await Client.StartWithTokenAsync($"dl_local-{i}"));
        }

        Assert.Equal(3, started.Select(s => s.ConversationId).Distinct().Count());
        Assert.Empty(Host.Logs.WithEvent("DirectLineClientConversationRefused"));
    }

    public override async Task DisposeAsync()
    {
        _flooder.Dispose();
        _neighbour.Dispose();
        await base.DisposeAsync();
    }
}
