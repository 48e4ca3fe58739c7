using System.Net;
using System.Net.WebSockets;
using TriageBot.Channels.Tests.DirectLine.Support;
using TriageBot.Schema;
using TriageBot.Testing.DirectLine;

namespace TriageBot.Channels.Tests.DirectLine;

/// <summary>The WebSocket stream, over a real socket: backlog, live frames, keep-alives, reconnects, collisions.</summary>
public sealed class DirectLineStreamTests : DirectLineTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        // Short, so a keep-alive arrives while a test waits for one; no test measures it.
        ["Channels:DirectLine:KeepAliveInterval"] = "00:00:00.200",
        ["Channels:DirectLine:AllowedOrigins:0"] = "https://clinic.example",

        // The bot's own typing indicators only: a slow machine must not add the runtime's "taking a while" ones.
        ["Runtime:ShowTyping:Delay"] = "01:00:00",
    };

    [Fact]
    public async Task Connect_SendsBacklogWithTheWelcomeFirst()
    {
        var conversation = await Client.StartWithTokenAsync();

        await using var socket = await DirectLineSocket.ConnectAsync(conversation.StreamUrl, Guard);
        var frame = await socket.ReceiveAsync(Guard);

        var welcome = Assert.Single(frame.Activities);
        Assert.Equal(RecordingBot.Welcome, welcome.Text);
        Assert.Equal("1", frame.Watermark);
    }

    [Fact]
    public async Task UserMessage_EchoAndReplyArriveAsActivitySets()
    {
        var conversation = await Client.StartWithTokenAsync();
        await using var socket = await DirectLineSocket.ConnectAsync(conversation.StreamUrl, Guard);
        await socket.ReceiveActivitiesAsync(1, Guard);

        var id = (await Client.PostAsync(conversation.ConversationId, conversation.Token, DirectLineClient.WebChatMessage("hello", "c1")))
            .Json.GetProperty("id").GetString();

        var activities = await socket.ReceiveActivitiesAsync(2, Guard);
        Assert.Equal(id, activities[0].Id);
        Assert.Equal("c1", activities[0].ChannelData?.GetProperty("clientActivityID").GetString());
        Assert.Equal("You said: hello", activities[1].Text);
        Assert.Equal(id, activities[1].ReplyToId);
    }

    [Fact]
    public async Task BotTyping_IsOnTheSocketButNotInPolling()
    {
        var conversation = await Client.StartWithTokenAsync();
        await using var socket = await DirectLineSocket.ConnectAsync(conversation.StreamUrl, Guard);
        await socket.ReceiveActivitiesAsync(1, Guard);

        await Client.PostAsync(conversation.ConversationId, conversation.Token, DirectLineClient.WebChatMessage("typing", "c1"));

        var streamed = await socket.ReceiveUntilAsync(a => a.Text == "done typing", Guard);
        Assert.Equal(
            [ActivityTypes.Message, ActivityTypes.Typing, ActivityTypes.Typing, ActivityTypes.Message],
            streamed.Select(a => a.Type));
        Assert.All(streamed.Where(a => a.Type == ActivityTypes.Typing), t => Assert.Equal(RoleTypes.Bot, t.From?.Role));
        var polled = await Client.GetActivitiesAsync(conversation.ConversationId, conversation.Token);
        Assert.DoesNotContain(polled.Activities, a => a.Type == ActivityTypes.Typing);
    }

    [Fact]
    public async Task IdleSocket_GetsEmptyKeepAliveFrames()
    {
        var conversation = await Client.StartWithTokenAsync();
        await using var socket = await DirectLineSocket.ConnectAsync(conversation.StreamUrl, Guard);
        await socket.ReceiveActivitiesAsync(1, Guard);

        var frame = await socket.ReceiveAsync(Guard);

        Assert.True(frame.IsKeepAlive);
    }

    [Fact]
    public async Task ClientSendsEmptyFrames_StreamCarriesOn()
    {
        var conversation = await Client.StartWithTokenAsync();
        await using var socket = await DirectLineSocket.ConnectAsync(conversation.StreamUrl, Guard);
        await socket.ReceiveActivitiesAsync(1, Guard);

        await socket.SendTextAsync("", Guard);
        await socket.SendTextAsync("", Guard);
        await Client.PostAsync(conversation.ConversationId, conversation.Token, DirectLineClient.WebChatMessage("still there?", "c1"));

        var activities = await socket.ReceiveUntilAsync(a => a.Text == "You said: still there?", Guard);
        Assert.Equal(WebSocketState.Open, socket.State);
        Assert.Contains(activities, a => a.Text == "still there?");
    }

    [Fact]
    public async Task Reconnect_WithWatermark_ReplaysExactlyWhatWasMissed()
    {
        var conversation = await Client.StartWithTokenAsync();
        string? watermark;
        await using (var first = await DirectLineSocket.ConnectAsync(conversation.StreamUrl, Guard))
        {
            await first.ReceiveActivitiesAsync(1, Guard);
            await Client.PostAsync(conversation.ConversationId, conversation.Token, DirectLineClient.WebChatMessage("one", "c1"));
            Assert.Equal(["one", "You said: one"], (await first.ReceiveActivitiesAsync(2, Guard)).Select(a => a.Text));
            watermark = first.LastWatermark;
        }

        // While no socket is open, the conversation goes on.
        await Client.PostAsync(conversation.ConversationId, conversation.Token, DirectLineClient.WebChatMessage("two", "c2"));
        await Client.PostAsync(conversation.ConversationId, conversation.Token, DirectLineClient.WebChatMessage("three", "c3"));
        var reconnect = await Client.ReconnectAsync(conversation.ConversationId, conversation.Token, watermark);
        await using var second = await DirectLineSocket.ConnectAsync(new Uri(reconnect.Json.GetProperty("streamUrl").GetString()!), Guard);

        var backlog = await second.ReceiveAsync(Guard);

        Assert.Equal(["two", "You said: two", "three", "You said: three"], backlog.Activities.Select(a => a.Text));
        Assert.Equal("7", backlog.Watermark);
        await Client.PostAsync(conversation.ConversationId, conversation.Token, DirectLineClient.WebChatMessage("four", "c4"));
        Assert.Equal(["four", "You said: four"], (await second.ReceiveActivitiesAsync(2, Guard)).Select(a => a.Text));
    }

    [Fact]
    public async Task SecondSocket_ClosesTheFirstWithCollisionAndTakesOver()
    {
        var conversation = await Client.StartWithTokenAsync();
        await using var first = await DirectLineSocket.ConnectAsync(conversation.StreamUrl, Guard);
        await first.ReceiveActivitiesAsync(1, Guard);
        var reconnect = await Client.ReconnectAsync(conversation.ConversationId, conversation.Token, "1");

        await using var second = await DirectLineSocket.ConnectAsync(new Uri(reconnect.Json.GetProperty("streamUrl").GetString()!), Guard);

        var closed = await first.ReceiveCloseAsync(Guard);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, closed.CloseStatus);
        Assert.Equal("collision", closed.CloseDescription);
        await Client.PostAsync(conversation.ConversationId, conversation.Token, DirectLineClient.WebChatMessage("hello", "c1"));
        Assert.Equal(["hello", "You said: hello"], (await second.ReceiveActivitiesAsync(2, Guard)).Select(a => a.Text));
    }

    [Fact]
    public async Task StreamUrl_UsedTwice_SecondConnectRefused403()
    {
        var conversation = await Client.StartWithTokenAsync();
        await using (var first = await DirectLineSocket.ConnectAsync(conversation.StreamUrl, Guard))
        {
            await first.ReceiveActivitiesAsync(1, Guard);
        }

        Assert.Equal(HttpStatusCode.Forbidden, await DirectLineSocket.RefusedStatusAsync(conversation.StreamUrl, Guard));
        Assert.Single(Host.Logs.WithEvent("DirectLineCredentialRejected"), e => e.Message.Contains("stream-url-used", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StreamUrl_Replayed_DoesNotDisplaceTheLiveStream()
    {
        var conversation = await Client.StartWithTokenAsync();
        await using var live = await DirectLineSocket.ConnectAsync(conversation.StreamUrl, Guard);
        await live.ReceiveActivitiesAsync(1, Guard);

        Assert.Equal(HttpStatusCode.Forbidden, await DirectLineSocket.RefusedStatusAsync(conversation.StreamUrl, Guard));

        await Client.PostAsync(conversation.ConversationId, conversation.Token, DirectLineClient.WebChatMessage("still mine", "c1"));
        Assert.Equal(["still mine", "You said: still mine"], (await live.ReceiveActivitiesAsync(2, Guard)).Select(a => a.Text));
    }

    [Fact]
    public async Task StreamUrl_Used_ReconnectGivesAFreshOneThatWorks()
    {
        var conversation = await Client.StartWithTokenAsync();
        await using (var first = await DirectLineSocket.ConnectAsync(conversation.StreamUrl, Guard))
        {
            await first.ReceiveActivitiesAsync(1, Guard);
        }

        // What DirectLineJS does after any close: GET conversations/{id}?watermark=, then the new streamUrl.
        var reconnect = await Client.ReconnectAsync(conversation.ConversationId, conversation.Token, "1");
        await using var second = await DirectLineSocket.ConnectAsync(new Uri(reconnect.Json.GetProperty("streamUrl").GetString()!), Guard);

        await Client.PostAsync(conversation.ConversationId, conversation.Token, DirectLineClient.WebChatMessage("again", "c1"));
        Assert.Equal(["again", "You said: again"], (await second.ReceiveActivitiesAsync(2, Guard)).Select(a => a.Text));
    }

    [Fact]
    public async Task StreamUrl_Expired_Refused403()
    {
        var conversation = await Client.StartWithTokenAsync();
        Clock.Advance(TimeSpan.FromSeconds(61));

        var refused = await Client.SendAsync(HttpMethod.Get, conversation.StreamUrl.PathAndQuery, credential: null);

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal("TokenExpired", refused.ErrorCode);
    }

    [Fact]
    public async Task StreamUrl_ConversationTokenInsteadOfStreamToken_Refused403()
    {
        var conversation = await Client.StartWithTokenAsync();
        var path = $"{conversation.StreamUrl.AbsolutePath}?t={Uri.EscapeDataString(conversation.Token)}";

        var refused = await Client.SendAsync(HttpMethod.Get, path, credential: null);

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
    }

    [Fact]
    public async Task StreamUrl_ForAnotherConversation_Refused403()
    {
        var mine = await Client.StartWithTokenAsync("dl_a");
        var theirs = await Client.StartWithTokenAsync("dl_b");
        var path = $"{DirectLineClient.Root}/conversations/{theirs.ConversationId}/stream{mine.StreamUrl.Query}";

        var refused = await Client.SendAsync(HttpMethod.Get, path, credential: null);

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
    }

    [Fact]
    public async Task StreamUrl_WithoutToken_Refused401()
    {
        var conversation = await Client.StartWithTokenAsync();

        var refused = await Client.SendAsync(HttpMethod.Get, conversation.StreamUrl.AbsolutePath, credential: null);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
    }

    [Fact]
    public async Task StreamUrl_PlainHttpRequest_Returns400()
    {
        var conversation = await Client.StartWithTokenAsync();

        var refused = await Client.SendAsync(HttpMethod.Get, conversation.StreamUrl.PathAndQuery, credential: null);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
    }

    [Theory]
    [InlineData("https://clinic.example")]
    [InlineData(null)]
    public async Task Connect_FromAllowedOriginOrNoBrowser_Accepted(string? origin)
    {
        var conversation = await Client.StartWithTokenAsync();

        await using var socket = await DirectLineSocket.ConnectAsync(conversation.StreamUrl, Guard, origin);

        Assert.Single((await socket.ReceiveAsync(Guard)).Activities);
    }

    [Fact]
    public async Task Connect_FromOtherOrigin_Refused()
    {
        var conversation = await Client.StartWithTokenAsync();

        var error = await Assert.ThrowsAsync<WebSocketException>(() => DirectLineSocket.ConnectAsync(conversation.StreamUrl, Guard, "https://evil.example"));

        Assert.Contains("403", error.Message, StringComparison.Ordinal);
        Assert.Single(Host.Logs.WithEvent("DirectLineStreamOriginRefused"));
    }
}
