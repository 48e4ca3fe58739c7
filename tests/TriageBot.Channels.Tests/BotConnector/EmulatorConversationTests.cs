using System.Net;
using TriageBot.Schema;
using TriageBot.Testing;

namespace TriageBot.Channels.Tests.BotConnector;

/// <summary>A tester opens http://localhost:3978/api/messages in the Emulator (no app id) and talks to the bot.</summary>
public sealed class EmulatorConversationTests : IAsyncLifetime
{
    private BotHost _bot = null!;
    private FakeChannel _channel = null!;

    public async Task InitializeAsync()
    {
        _channel = await FakeChannel.StartAsync();
        _bot = await BotHost.StartEchoAsync();
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _channel.DisposeAsync();
    }

    [Fact]
    public async Task EmulatorOpensConversation_BotWelcomesTheUserOnce()
    {
        var user = new EmulatorUser(_bot, _channel);

        using var response = await user.StartAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var welcome = Assert.Single(_channel.Received);
        Assert.Equal(EchoBot.Welcome, welcome.Activity.Text);
    }

    [Fact]
    public async Task Welcome_IsAddressedLikeBotBuilderAddressesIt()
    {
        var user = new EmulatorUser(_bot, _channel);

        await user.StartAsync();

        var welcome = Assert.Single(_channel.Received);
        var escapedConversation = Uri.EscapeDataString(user.ConversationId);
        Assert.StartsWith($"/v3/conversations/{escapedConversation}/activities", welcome.RawPath, StringComparison.Ordinal);
        Assert.Contains("%7Clivechat", welcome.RawPath, StringComparison.Ordinal);
        Assert.Equal(ActivityTypes.Message, welcome.Activity.Type);
        Assert.Equal(user.Bot.Id, welcome.Activity.From?.Id);
        Assert.Equal(user.User.Id, welcome.Activity.Recipient?.Id);
        Assert.Equal(user.ConversationId, welcome.Activity.Conversation?.Id);
        Assert.Equal(ChannelIds.Emulator, welcome.Activity.ChannelId);
        Assert.Equal("en-US", welcome.Activity.Locale);
        Assert.Null(welcome.Activity.Id);
        Assert.Null(welcome.Authorization);
        Assert.Equal("application/json", welcome.ContentType?.Split(';')[0]);
    }

    [Fact]
    public async Task UserSaysSomething_ReplyGoesToReplyToActivityWithEscapedIds()
    {
        var user = new EmulatorUser(_bot, _channel);

        using var response = await user.SaysAsync("lower back");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(_channel.Received);
        var inboundId = $"{user.ConversationId.Split('|')[0]}|0000001";
        Assert.Equal(
            $"/v3/conversations/{Uri.EscapeDataString(user.ConversationId)}/activities/{Uri.EscapeDataString(inboundId)}",
            reply.RawPath);
        Assert.Equal(inboundId, reply.Activity.ReplyToId);
        Assert.Equal("You said: lower back", reply.Activity.Text);
    }

    [Fact]
    public async Task WholeConversation_RepliesArriveInOrder()
    {
        var user = new EmulatorUser(_bot, _channel);

        await user.StartAsync();
        await user.SaysAsync("lower back");
        await user.SaysAsync("7");
        await user.SaysAsync("about three months");

        Assert.Equal(
            [EchoBot.Welcome, "You said: lower back", "You said: 7", "You said: about three months"],
            user.BotMessages());
    }

    [Fact]
    public async Task ConversationUpdateWithTwoPeople_WelcomesEachOnce_AndNeverTheBot()
    {
        var user = new EmulatorUser(_bot, _channel);
        var second = new ChannelAccount { Id = "second-user", Name = "Second" };

        await user.PostAsync(user.Stamp(new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            MembersAdded = [user.Bot, user.User, second],
        }));

        Assert.Equal([EchoBot.Welcome, EchoBot.Welcome], user.BotMessages());
    }

    [Fact]
    public async Task ConversationUpdateAddingOnlyTheBot_SendsNothing()
    {
        var user = new EmulatorUser(_bot, _channel);

        await user.PostAsync(user.Stamp(new Activity { Type = ActivityTypes.ConversationUpdate, MembersAdded = [user.Bot] }));

        Assert.Empty(_channel.Requests);
    }

    [Theory]
    [InlineData("19:abc@thread.tacv2;messageid=1712345678901", "19%3Aabc%40thread.tacv2%3Bmessageid%3D1712345678901")]
    [InlineData("a:1pL-xyz", "a%3A1pL-xyz")]
    public async Task TeamsConversationIds_AreEscapedInThePath(string conversationId, string escaped)
    {
        var user = new EmulatorUser(_bot, _channel, conversationId);

        await user.SaysAsync("hello");

        var reply = Assert.Single(_channel.Received);
        Assert.StartsWith($"/v3/conversations/{escaped}/activities/", reply.RawPath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServiceUrlWithTrailingSlash_GetsExactlyOneSlashBeforeV3()
    {
        var user = new EmulatorUser(_bot, _channel);

        await user.PostAsync(user.Stamp(new Activity { Type = ActivityTypes.Message, Text = "hi", ServiceUrl = _channel.ServiceUrl + "/" }));

        var reply = Assert.Single(_channel.Received);
        Assert.StartsWith("/v3/conversations/", reply.RawPath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamsChannelMessage_BotMentionIsStrippedBeforeTheBotReadsIt()
    {
        var user = new EmulatorUser(_bot, _channel, "19:abc@thread.tacv2");
        var botMention = new Mention(new ChannelAccount { Id = user.Bot.Id, Name = "Clinic Bot" }, "<at>Clinic Bot</at>");
        var otherMention = new Mention(new ChannelAccount { Id = "29:someone", Name = "Ada" }, "<at>Ada</at>");

        await user.PostAsync(user.Stamp(new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = ChannelIds.MsTeams,
            Text = "<at>Clinic Bot</at> lower back, ask <at>Ada</at>",
            Entities = [botMention.ToEntity(), otherMention.ToEntity()],
            Conversation = new ConversationAccount { Id = user.ConversationId, ConversationType = "channel", IsGroup = true },
        }));

        Assert.Equal(["You said: lower back, ask <at>Ada</at>"], user.BotMessages());
    }
}
