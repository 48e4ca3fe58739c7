using TriageBot.Schema.Tests.Support;

namespace TriageBot.Schema.Tests;

/// <summary>Reply addressing (protocol §3): a reply goes back where the incoming activity came from.</summary>
public sealed class ActivityExtensionsTests
{
    [Fact]
    public void CreateReply_ToTeamsMessage_SwapsFromAndRecipient()
    {
        var incoming = Fixtures.Load(Fixtures.TeamsPersonalMessage);

        var reply = incoming.CreateReply("Which department?");

        Assert.Equal(incoming.Recipient, reply.From);
        Assert.Equal(incoming.From, reply.Recipient);
        Assert.Equal("28:6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b", reply.From?.Id);
    }

    [Theory]
    [InlineData(Fixtures.TeamsPersonalMessage)]
    [InlineData(Fixtures.TeamsChannelMention)]
    [InlineData(Fixtures.EmulatorMessage)]
    [InlineData(Fixtures.WebChatDirectLineMessage)]
    public void CreateReply_ToMessage_CopiesConversationChannelAndServiceUrl(string fixture)
    {
        var incoming = Fixtures.Load(fixture);

        var reply = incoming.CreateReply("Thanks.");

        Assert.Equal(incoming.Conversation, reply.Conversation);
        Assert.Equal(incoming.ChannelId, reply.ChannelId);
        Assert.Equal(incoming.ServiceUrl, reply.ServiceUrl);
    }

    [Theory]
    [InlineData(Fixtures.TeamsPersonalMessage, "1712345678901")]
    [InlineData(Fixtures.EmulatorMessage, "c3d4e5f1-07b5-11ef-9a3c-3d5f0b6a1c2e")]
    [InlineData(Fixtures.WebChatDirectLineMessage, "Kx2Bq9fL0aD3hN6rT8vW1y-eu|0000001")]
    public void CreateReply_ToMessage_ReplyToIdIsIncomingId(string fixture, string incomingId)
    {
        var reply = Fixtures.Load(fixture).CreateReply("Thanks.");

        Assert.Equal(incomingId, reply.ReplyToId);
    }

    [Fact]
    public void CreateReply_ToMessage_CopiesLocaleAndHasNoId()
    {
        var incoming = Fixtures.Load(Fixtures.TeamsPersonalMessage) with { Locale = "de-DE" };

        var reply = incoming.CreateReply("Danke.");

        Assert.Equal("de-DE", reply.Locale);
        Assert.Null(reply.Id);
        Assert.Equal(ActivityTypes.Message, reply.Type);
        Assert.Equal("Danke.", reply.Text);
    }

    [Theory]
    [InlineData(ChannelIds.DirectLine, null)]
    [InlineData(ChannelIds.WebChat, null)]
    [InlineData(ChannelIds.Emulator, "9a0b1c21-07b5-11ef-9a3c-3d5f0b6a1c2e")]
    [InlineData(ChannelIds.MsTeams, "9a0b1c21-07b5-11ef-9a3c-3d5f0b6a1c2e")]
    public void CreateReply_ToConversationUpdate_ReplyToIdOnlyWhereChannelKnowsIt(string channelId, string? replyToId)
    {
        var incoming = Fixtures.Load(Fixtures.EmulatorConversationUpdate) with { ChannelId = channelId };

        var welcome = incoming.CreateReply("Welcome to the clinic triage assistant.");

        Assert.Equal(replyToId, welcome.ReplyToId);
    }

    [Fact]
    public void ApplyConversationReference_OutgoingWithIdReplyToIdAndLocale_ClearsIdKeepsTheRest()
    {
        var reference = Fixtures.Load(Fixtures.EmulatorMessage).GetConversationReference();
        var outgoing = new Activity { Type = ActivityTypes.Message, Id = "stale", ReplyToId = "earlier-message", Locale = "fr-FR" };

        var addressed = outgoing.ApplyConversationReference(reference);

        Assert.Null(addressed.Id);
        Assert.Equal("earlier-message", addressed.ReplyToId);
        Assert.Equal("fr-FR", addressed.Locale);
    }

    [Fact]
    public void GetConversationReference_TeamsMessage_HoldsEverythingNeededToReplyLater()
    {
        var incoming = Fixtures.Load(Fixtures.TeamsPersonalMessage);

        var reference = incoming.GetConversationReference();

        Assert.Equal(
            new ConversationReference
            {
                ActivityId = incoming.Id,
                User = incoming.From,
                Bot = incoming.Recipient,
                Conversation = incoming.Conversation,
                ChannelId = ChannelIds.MsTeams,
                Locale = "en-US",
                ServiceUrl = "https://smba.trafficmanager.net/emea/",
            },
            reference);
    }
}
