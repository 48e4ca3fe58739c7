using System.Net;
using System.Net.WebSockets;
using TriageBot.Channels.Tests.DirectLine.Support;
using TriageBot.Testing.DirectLine;

namespace TriageBot.Channels.Tests.DirectLine;

/// <summary>
/// The cap on conversations held: a newcomer evicts the least recently used idle conversation, never one in use
/// (an open stream, a recent request); when none is idle long enough it is refused with 503 and Retry-After. An open
/// stream holds a conversation only for <c>StreamHoldsIdleConversationFor</c> after its last post.
/// </summary>
public sealed class DirectLineConversationCapTests : DirectLineTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Channels:DirectLine:MaxConversations"] = "2",
        ["Channels:DirectLine:EvictAfterIdle"] = "00:01:00",
        ["Channels:DirectLine:StreamHoldsIdleConversationFor"] = "00:10:00",
        ["Channels:DirectLine:TokenLifetime"] = "1.00:00:00",
    };

    [Fact]
    public async Task NewConversation_AtTheCap_EvictsTheLeastRecentlyUsedIdleOne()
    {
        var older = await Client.StartWithTokenAsync("dl_older");
        var newer = await Client.StartWithTokenAsync("dl_newer");
        Clock.Advance(TimeSpan.FromMinutes(2));

        // The older one is read now, so the newer one is the least recently used.
        await Client.GetActivitiesAsync(older.ConversationId, older.Token);
        var third = await Client.StartWithTokenAsync("dl_third");

        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetActivitiesAsync(newer.ConversationId, newer.Token)).Status);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetActivitiesAsync(older.ConversationId, older.Token)).Status);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetActivitiesAsync(third.ConversationId, third.Token)).Status);
        Assert.Single(Host.Logs.WithEvent("DirectLineConversationEvicted"));
    }

    [Fact]
    public async Task NewConversation_AtTheCapWithNoneIdle_Refused503WithRetryAfterAndNothingLost()
    {
        var first = await Client.StartWithTokenAsync("dl_first");
        var second = await Client.StartWithTokenAsync("dl_second");
        var token = await NewTokenAsync("dl_third");

        var refused = await Client.StartAsync(token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.Status);
        Assert.Equal("ServiceUnavailable", refused.ErrorCode);
        Assert.Equal(TimeSpan.FromMinutes(1), refused.Headers.RetryAfter?.Delta);
        Assert.Single((await Client.GetActivitiesAsync(first.ConversationId, first.Token)).Activities);
        Assert.Single((await Client.GetActivitiesAsync(second.ConversationId, second.Token)).Activities);
    }

    [Fact]
    public async Task ConversationWithAnOpenStream_IsNotEvictedWhileItsUserRecentlyPosted()
    {
        var streaming = await Client.StartWithTokenAsync("dl_streaming");
        await using var socket = await DirectLineSocket.ConnectAsync(streaming.StreamUrl, Guard);
        await socket.ReceiveActivitiesAsync(1, Guard);
        var idle = await Client.StartWithTokenAsync("dl_idle");
        Clock.Advance(TimeSpan.FromMinutes(5));

        await Client.StartWithTokenAsync("dl_newcomer");
        var token = await NewTokenAsync("dl_another");
        var refused = await Client.StartAsync(token);

        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetActivitiesAsync(idle.ConversationId, idle.Token)).Status);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.Status);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetActivitiesAsync(streaming.ConversationId, streaming.Token)).Status);
    }

    [Fact]
    public async Task ConversationWithAnOpenStreamButNoPostForLongerThanTheHold_IsEvictedForANewcomerAndItsStreamClosed()
    {
        var abandoned = await Client.StartWithTokenAsync("dl_abandoned");
        await using var abandonedSocket = await DirectLineSocket.ConnectAsync(abandoned.StreamUrl, Guard);
        await abandonedSocket.ReceiveActivitiesAsync(1, Guard);
        var reading = await Client.StartWithTokenAsync("dl_reading");
        await using var readingSocket = await DirectLineSocket.ConnectAsync(reading.StreamUrl, Guard);
        await readingSocket.ReceiveActivitiesAsync(1, Guard);
        Clock.Advance(TimeSpan.FromMinutes(9));

        // Both streams are still within the hold: refused, told to come back when the first hold ends.
        var tooEarly = await Client.StartAsync(await NewTokenAsync("dl_early"));
        await Client.PostAsync(reading.ConversationId, reading.Token, DirectLineClient.WebChatMessage("still here", "c1", "dl_reading"));
        Clock.Advance(TimeSpan.FromMinutes(2));
        var newcomer = await Client.StartAsync(await NewTokenAsync("dl_newcomer"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, tooEarly.Status);
        Assert.Equal(TimeSpan.FromMinutes(1), tooEarly.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.Created, newcomer.Status);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, (await abandonedSocket.ReceiveCloseAsync(Guard)).CloseStatus);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetActivitiesAsync(abandoned.ConversationId, abandoned.Token)).Status);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetActivitiesAsync(reading.ConversationId, reading.Token)).Status);
    }
}
