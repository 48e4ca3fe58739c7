using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using TriageBot.Channels.Tests.DirectLine.Support;
using TriageBot.Schema;
using TriageBot.Testing.DirectLine;

namespace TriageBot.Channels.Tests.DirectLine;

/// <summary>Sending (POST activities) and polling (GET activities with a watermark), with Web Chat's exact bodies.</summary>
public sealed class DirectLineActivityTests : DirectLineTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Channels:DirectLine:MaxActivityBytes"] = "4096",
    };

    [Fact]
    public async Task Post_WebChatMessage_Returns200WithIdInDirectLineFormat()
    {
        var conversation = await Client.StartWithTokenAsync();

        var answer = await Client.PostAsync(conversation.ConversationId, conversation.Token, DirectLineClient.WebChatMessage("hello", "2cr196ovhak"));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Matches($"^{Regex.Escape(conversation.ConversationId)}\\|\\d{{7}}$", answer.Json.GetProperty("id").GetString()!);
    }

    [Fact]
    public async Task Post_EchoInLog_HasSameIdAndClientActivityId()
    {
        var conversation = await Client.StartWithTokenAsync();

        var id = (await Client.PostAsync(conversation.ConversationId, conversation.Token, DirectLineClient.WebChatMessage("hello", "2cr196ovhak"))).Json.GetProperty("id").GetString();

        var echo = (await Client.GetActivitiesAsync(conversation.ConversationId, conversation.Token)).Activities.Single(a => a.Id == id);
        Assert.Equal("hello", echo.Text);
        Assert.Equal("2cr196ovhak", echo.ChannelData?.GetProperty("clientActivityID").GetString());
        Assert.Equal(RoleTypes.User, echo.From?.Role);
        Assert.Equal(ChannelIds.DirectLine, echo.ChannelId);
        Assert.Equal(conversation.ConversationId, echo.Conversation?.Id);
        Assert.NotNull(echo.Timestamp);
        Assert.Null(echo.ServiceUrl);
    }

    [Fact]
    public async Task Post_BotReceivesActivityAddressedByTheService()
    {
        var conversation = await Client.StartWithTokenAsync("dl_pat");

        // Web Chat says channelId "webchat" and its own from.id; the service decides both.
        var id = (await Client.PostAsync(conversation.ConversationId, conversation.Token, DirectLineClient.WebChatMessage("hello", "c1", fromId: "someone-else")))
            .Json.GetProperty("id").GetString();

        var inbound = Bot.Received.Single(a => a.Type == ActivityTypes.Message);
        Assert.Equal(id, inbound.Id);
        Assert.Equal(ChannelIds.DirectLine, inbound.ChannelId);
        Assert.Equal(Host.BaseAddress.ToString(), inbound.ServiceUrl);
        Assert.Equal(conversation.ConversationId, inbound.Conversation?.Id);
        Assert.Equal(new ChannelAccount { Id = "triagebot", Name = "Clinic Bot" }, inbound.Recipient);
        Assert.Equal("dl_pat", inbound.From?.Id);
        Assert.Equal(RoleTypes.User, inbound.From?.Role);
        Assert.Equal("c1", inbound.ChannelData?.GetProperty("clientActivityID").GetString());

        // The bot sees the time the service stamped on the echo (never before the clock's now).
        var log = (await Client.GetActivitiesAsync(conversation.ConversationId, conversation.Token)).Json.GetProperty("activities");
        var echo = log.EnumerateArray().Single(a => a.GetProperty("id").GetString() == id);
        Assert.Equal(echo.GetProperty("timestamp").GetDateTimeOffset(), inbound.Timestamp);
        Assert.True(inbound.Timestamp >= Clock.GetUtcNow());
    }

    [Fact]
    public async Task Post_BotReply_RepliesToTheEchoedIdAsBot()
    {
        var conversation = await Client.StartWithTokenAsync();

        var id = (await Client.PostAsync(conversation.ConversationId, conversation.Token, DirectLineClient.WebChatMessage("hello", "c1"))).Json.GetProperty("id").GetString();

        var reply = (await Client.GetActivitiesAsync(conversation.ConversationId, conversation.Token)).Activities[^1];
        Assert.Equal("You said: hello", reply.Text);
        Assert.Equal(id, reply.ReplyToId);
        Assert.Equal(RoleTypes.Bot, reply.From?.Role);
        Assert.Equal("triagebot", reply.From?.Id);
        Assert.Equal("Clinic Bot", reply.From?.Name);
        Assert.Null(reply.ServiceUrl);
    }

    [Fact]
    public async Task Get_WithPreviousWatermark_ReturnsOnlyNewActivities()
    {
        var conversation = await Client.StartWithTokenAsync();
        var first = await Client.GetActivitiesAsync(conversation.ConversationId, conversation.Token, "");
        await Client.PostAsync(conversation.ConversationId, conversation.Token, DirectLineClient.WebChatMessage("hello", "c1"));

        var next = await Client.GetActivitiesAsync(conversation.ConversationId, conversation.Token, first.Watermark);

        Assert.Equal(["hello", "You said: hello"], next.Activities.Select(a => a.Text));
        Assert.Equal("3", next.Watermark);
    }

    [Fact]
    public async Task Get_WithLatestWatermark_ReturnsNothingAndTheSameWatermark()
    {
        var conversation = await Client.StartWithTokenAsync();
        await Client.PostAsync(conversation.ConversationId, conversation.Token, DirectLineClient.WebChatMessage("hello", "c1"));
        var latest = (await Client.GetActivitiesAsync(conversation.ConversationId, conversation.Token)).Watermark;

        var answer = await Client.GetActivitiesAsync(conversation.ConversationId, conversation.Token, latest);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Empty(answer.Activities);
        Assert.Equal(latest, answer.Watermark);
    }

    [Fact]
    public async Task Get_NeverReturnsConversationUpdateOrTyping()
    {
        var conversation = await Client.StartWithTokenAsync();

        await Client.PostAsync(conversation.ConversationId, conversation.Token, DirectLineClient.WebChatMessage("typing", "c1"));

        var log = await Client.GetActivitiesAsync(conversation.ConversationId, conversation.Token);
        Assert.Equal([ActivityTypes.Message], log.Activities.Select(a => a.Type).Distinct());
        Assert.Equal([RecordingBot.Welcome, "typing", "done typing"], log.Activities.Select(a => a.Text));
    }

    [Fact]
    public async Task Get_ActivitiesAreInIdAndTimestampOrder()
    {
        var conversation = await Client.StartWithTokenAsync();
        for (var i = 0; i < 3; i++)
        {
            Clock.Advance(TimeSpan.FromSeconds(1));
            await Client.PostAsync(conversation.ConversationId, conversation.Token, DirectLineClient.WebChatMessage($"m{i}", $"c{i}"));
        }

        var log = (await Client.GetActivitiesAsync(conversation.ConversationId, conversation.Token)).Activities;

        Assert.Equal(log.OrderBy(a => a.Id, StringComparer.Ordinal), log);
        Assert.Equal(log.OrderBy(a => a.Timestamp), log);
    }

    [Fact]
    public async Task Post_UserTyping_ReachesTheBotButIsNotStored()
    {
        var conversation = await Client.StartWithTokenAsync();

        var answer = await Client.PostAsync(conversation.ConversationId, conversation.Token, """{"type":"typing","from":{"id":"dl_test-user"}}""");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(ActivityTypes.Typing, Bot.Received[^1].Type);
        Assert.Equal(answer.Json.GetProperty("id").GetString(), Bot.Received[^1].Id);
        Assert.Single((await Client.GetActivitiesAsync(conversation.ConversationId, conversation.Token)).Activities);
    }

    [Fact]
    public async Task Post_BotThrows_Returns200AndTheApologyIsDelivered()
    {
        var conversation = await Client.StartWithTokenAsync();

        var answer = await Client.PostAsync(conversation.ConversationId, conversation.Token, DirectLineClient.WebChatMessage("throw", "c1"));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var reply = (await Client.GetActivitiesAsync(conversation.ConversationId, conversation.Token)).Activities[^1];
        Assert.StartsWith("Sorry, something went wrong", reply.Text, StringComparison.Ordinal);
        Assert.Equal(answer.Json.GetProperty("id").GetString(), reply.ReplyToId);
    }

    [Fact]
    public async Task Post_StateStoreFails_Returns502BotErrorAndEchoStays()
    {
        var store = new SwitchableStateStore();
        await Host.DisposeAsync();
        Host = await StartHostAsync(Settings, s => s.AddSingleton<Runtime.State.IStateStore>(store));
        var conversation = await Client.StartWithTokenAsync();
        store.Failing = true;

        var answer = await Client.PostAsync(conversation.ConversationId, conversation.Token, DirectLineClient.WebChatMessage("hello", "c1"));

        Assert.Equal(HttpStatusCode.BadGateway, answer.Status);
        Assert.Equal("BotError", answer.ErrorCode);
        var failed = Assert.Single(Host.Logs.WithEvent("DirectLineTurnFailed"));
        Assert.Contains("IOException", failed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hello", Host.Logs.AllText, StringComparison.Ordinal);

        // The echo is in the log, so Web Chat shows the message as sent; the bot will not have answered it.
        var log = await Client.GetActivitiesAsync(conversation.ConversationId, conversation.Token);
        Assert.Equal("hello", log.Activities[^1].Text);
    }

    [Fact]
    public async Task Post_UnknownConversation_Returns404()
    {
        var answer = await Client.PostAsync("no-such-conversation", DirectLineHost.Secret, DirectLineClient.WebChatMessage("hello", "c1"));

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal("NotFound", answer.ErrorCode);
    }

    [Fact]
    public async Task Post_WithSecretAndNoFromId_Returns400()
    {
        var conversationId = (await Client.StartAsync(DirectLineHost.Secret)).Json.GetProperty("conversationId").GetString()!;

        var answer = await Client.PostAsync(conversationId, DirectLineHost.Secret, """{"type":"message","text":"hi"}""");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("BadArgument", answer.ErrorCode);
    }

    [Theory]
    [InlineData("""{"type":"conversationUpdate","from":{"id":"u"}}""")]
    [InlineData("""{"type":"invoke","from":{"id":"u"}}""")]
    [InlineData("""{"text":"no type","from":{"id":"u"}}""")]
    [InlineData("""{"type":"message","text":""")]
    public async Task Post_NotAClientActivity_Returns400(string body)
    {
        var conversation = await Client.StartWithTokenAsync();

        var answer = await Client.PostAsync(conversation.ConversationId, conversation.Token, body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("BadArgument", answer.ErrorCode);
    }

    [Fact]
    public async Task Post_AboveSizeLimit_Returns413()
    {
        var conversation = await Client.StartWithTokenAsync();

        var answer = await Client.PostAsync(conversation.ConversationId, conversation.Token, DirectLineClient.WebChatMessage(new string('a', 5000), "c1"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.Status);
        Assert.Equal("MessageSizeTooBig", answer.ErrorCode);
    }

    [Fact]
    public async Task Post_NotJson_Returns415()
    {
        var conversation = await Client.StartWithTokenAsync();

        var answer = await Client.SendAsync(HttpMethod.Post, $"{DirectLineClient.Root}/conversations/{conversation.ConversationId}/activities", conversation.Token,
            new StringContent("hello", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, answer.Status);
    }

    [Fact]
    public async Task Post_MessageText_NeverReachesTheLog()
    {
        var conversation = await Client.StartWithTokenAsync();

        await Client.PostAsync(conversation.ConversationId, conversation.Token, DirectLineClient.WebChatMessage("my private symptom", "c1"));

        Assert.DoesNotContain("private symptom", Host.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(conversation.ConversationId, Host.Logs.AllText, StringComparison.Ordinal);
    }
}
