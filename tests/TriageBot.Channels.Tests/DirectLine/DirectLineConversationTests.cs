using System.Net;
using System.Text.RegularExpressions;
using TriageBot.Channels.Tests.DirectLine.Support;
using TriageBot.Schema;
using TriageBot.Testing.DirectLine;

namespace TriageBot.Channels.Tests.DirectLine;

/// <summary>Starting a conversation and reconnecting to it (endpoints 1 and 5 of the client surface).</summary>
public sealed class DirectLineConversationTests : DirectLineTest
{
    [Fact]
    public async Task Start_WithGeneratedToken_Returns201WithTokenAndStreamUrl()
    {
        var generated = (await Client.GenerateTokenAsync(DirectLineHost.Secret, "dl_pat")).Json;
        var token = generated.GetProperty("token").GetString()!;

        var answer = await Client.StartAsync(token);

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.Equal(generated.GetProperty("conversationId").GetString(), answer.Json.GetProperty("conversationId").GetString());
        Assert.Equal(token, answer.Json.GetProperty("token").GetString());
        Assert.True(answer.Json.GetProperty("expires_in").GetInt32() > 0);
        var streamUrl = new Uri(answer.Json.GetProperty("streamUrl").GetString()!);
        Assert.Equal("ws", streamUrl.Scheme);
        Assert.Equal(Host.BaseAddress.Authority, streamUrl.Authority);
        Assert.StartsWith("?t=", streamUrl.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_SameTokenAgain_Returns200ForTheSameConversation()
    {
        var token = (await Client.GenerateTokenAsync(DirectLineHost.Secret, "dl_pat")).Json.GetProperty("token").GetString()!;
        var first = await Client.StartAsync(token);

        var again = await Client.StartAsync(token);

        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(first.Json.GetProperty("conversationId").GetString(), again.Json.GetProperty("conversationId").GetString());
        Assert.Equal(2, Bot.Received.Count);
    }

    [Fact]
    public async Task Start_TokenWithUser_BotGetsConversationUpdateForBotThenUser()
    {
        var conversation = await Client.StartWithTokenAsync("dl_pat");

        Assert.Collection(Bot.Received,
            botJoined =>
            {
                Assert.Equal(ActivityTypes.ConversationUpdate, botJoined.Type);
                Assert.Equal("triagebot", Assert.Single(botJoined.MembersAdded!).Id);
                Assert.Equal(conversation.ConversationId, botJoined.From?.Id);
            },
            userJoined =>
            {
                Assert.Equal(ActivityTypes.ConversationUpdate, userJoined.Type);
                Assert.Equal("dl_pat", Assert.Single(userJoined.MembersAdded!).Id);
                Assert.Equal("dl_pat", userJoined.From?.Id);
            });
    }

    [Fact]
    public async Task Start_ConversationUpdate_IsAddressedAsDirectLineAddressesIt()
    {
        var conversation = await Client.StartWithTokenAsync();

        foreach (var update in Bot.Received)
        {
            Assert.Equal(ChannelIds.DirectLine, update.ChannelId);
            Assert.Equal(Host.BaseAddress.ToString(), update.ServiceUrl);
            Assert.Equal(conversation.ConversationId, update.Conversation?.Id);
            Assert.Equal("triagebot", update.Recipient?.Id);
            Assert.Equal("Clinic Bot", update.Recipient?.Name);
            Assert.False(string.IsNullOrEmpty(update.Id));
        }
    }

    [Fact]
    public async Task Start_WithSecretAndUserInBody_NewConversationWithUserToken()
    {
        var answer = await Client.StartAsync(DirectLineHost.Secret, "web-user");

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.Equal("web-user", Bot.Received[^1].MembersAdded![0].Id);
        var token = answer.Json.GetProperty("token").GetString()!;
        var reconnect = await Client.ReconnectAsync(answer.Json.GetProperty("conversationId").GetString()!, token);
        Assert.Equal(HttpStatusCode.OK, reconnect.Status);
    }

    [Fact]
    public async Task Start_WithSecretTwice_TwoConversations()
    {
        var first = await Client.StartAsync(DirectLineHost.Secret);
        var second = await Client.StartAsync(DirectLineHost.Secret);

        Assert.Equal(HttpStatusCode.Created, second.Status);
        Assert.NotEqual(first.Json.GetProperty("conversationId").GetString(), second.Json.GetProperty("conversationId").GetString());
    }

    [Fact]
    public async Task Start_UserUnknown_UserAnnouncedJustBeforeFirstMessage()
    {
        var start = await Client.StartAsync(DirectLineHost.Secret);
        var conversationId = start.Json.GetProperty("conversationId").GetString()!;
        Assert.Single(Bot.Received);

        await Client.PostAsync(conversationId, DirectLineHost.Secret, DirectLineClient.WebChatMessage("hi", "c1", "anon-1"));
        await Client.PostAsync(conversationId, DirectLineHost.Secret, DirectLineClient.WebChatMessage("again", "c2", "anon-1"));

        Assert.Equal(
            [ActivityTypes.ConversationUpdate, ActivityTypes.ConversationUpdate, ActivityTypes.Message, ActivityTypes.Message],
            Bot.Received.Select(a => a.Type));
        Assert.Equal("anon-1", Bot.Received[1].MembersAdded![0].Id);
    }

    [Fact]
    public async Task Start_WelcomeIsInTheLogBeforeTheClientAsks()
    {
        var conversation = await Client.StartWithTokenAsync();

        var log = await Client.GetActivitiesAsync(conversation.ConversationId, conversation.Token);

        var welcome = Assert.Single(log.Activities);
        Assert.Equal(RecordingBot.Welcome, welcome.Text);
        Assert.Equal(RoleTypes.Bot, welcome.From?.Role);
        Assert.Equal("triagebot", welcome.From?.Id);
        Assert.Null(welcome.ReplyToId);
        Assert.Matches($"^{Regex.Escape(conversation.ConversationId)}\\|0000001$", welcome.Id!);
    }

    [Fact]
    public async Task Start_BadJsonBody_Returns400()
    {
        var answer = await Client.SendAsync(HttpMethod.Post, $"{DirectLineClient.Root}/conversations", DirectLineHost.Secret,
            new StringContent("{\"user\":", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("BadArgument", answer.ErrorCode);
    }

    [Fact]
    public async Task Reconnect_WithWatermark_ReturnsFreshTokenAndStreamUrlResumingThere()
    {
        var conversation = await Client.StartWithTokenAsync();
        Clock.Advance(TimeSpan.FromMinutes(10));

        var answer = await Client.ReconnectAsync(conversation.ConversationId, conversation.Token, "1");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(conversation.ConversationId, answer.Json.GetProperty("conversationId").GetString());
        Assert.NotEqual(conversation.Token, answer.Json.GetProperty("token").GetString());
        Assert.Equal(1800, answer.Json.GetProperty("expires_in").GetInt32());
        var streamUrl = answer.Json.GetProperty("streamUrl").GetString()!;
        Assert.NotEqual(conversation.StreamUrl.ToString(), streamUrl);
        Assert.EndsWith("&watermark=1", streamUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconnect_UnknownConversation_Returns404()
    {
        var answer = await Client.ReconnectAsync("no-such-conversation", DirectLineHost.Secret);

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal("NotFound", answer.ErrorCode);
    }

    [Fact]
    public async Task Reconnect_TokenGeneratedButNeverStarted_Returns404()
    {
        var generated = (await Client.GenerateTokenAsync(DirectLineHost.Secret)).Json;

        var answer = await Client.ReconnectAsync(generated.GetProperty("conversationId").GetString()!, generated.GetProperty("token").GetString()!);

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
    }

    [Fact]
    public async Task SessionId_WithToken_ReturnsEmptySession()
    {
        var conversation = await Client.StartWithTokenAsync();

        var answer = await Client.SendAsync(HttpMethod.Get, $"{DirectLineClient.Root}/session/getsessionid", conversation.Token);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("", answer.Json.GetProperty("sessionId").GetString());
    }
}
