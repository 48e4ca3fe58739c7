using TriageBot.Runtime.Tests.Support;
using TriageBot.Runtime.Turns;
using TriageBot.Schema;

namespace TriageBot.Runtime.Tests;

public sealed class TurnContextTests
{
    [Theory]
    [InlineData("emulator", 1)]
    [InlineData("msteams", 0)]
    [InlineData("directline", 0)]
    [InlineData("webchat", 0)]
    [InlineData("Emulator", 0)]
    public void SendActivity_Trace_QueuedOnlyOnTheEmulator(string channelId, int queued)
    {
        var turn = new TurnContext(Chat.Message("hello", channelId));

        turn.SendActivity(new Activity { Type = ActivityTypes.Trace, Name = "Triage", Label = "Urgency", ValueType = "https://clinic/urgency" });

        Assert.Equal(queued, turn.Replies.Count);
    }

    [Fact]
    public void SendActivity_Text_QueuedAsAddressedReply()
    {
        var turn = new TurnContext(Chat.Message("lower back pain"));

        turn.SendActivity("How long have you had it?");

        var reply = Assert.Single(turn.Replies);
        Assert.Equal((ActivityTypes.Message, "How long have you had it?", InputHints.AcceptingInput), (reply.Type, reply.Text, reply.InputHint));
        Assert.Equal((Chat.Bot, Chat.User, Chat.Conversation), (reply.From, reply.Recipient, reply.Conversation));
        Assert.Equal((ChannelIds.MsTeams, Chat.ServiceUrl, "1712345678901", "en-US"), (reply.ChannelId, reply.ServiceUrl, reply.ReplyToId, reply.Locale));
        Assert.Null(reply.Id);
    }

    [Fact]
    public void SendActivity_SeveralReplies_KeptInOrder()
    {
        var turn = new TurnContext(Chat.Message("hello"));

        turn.SendActivity("Hi, I'm the clinic triage assistant.");
        turn.SendActivity(MessageFactory.Text("What brings you here today?", InputHints.ExpectingInput));

        Assert.Equal(["Hi, I'm the clinic triage assistant.", "What brings you here today?"], turn.Replies.Select(r => r.Text));
        Assert.Equal(InputHints.ExpectingInput, turn.Replies[1].InputHint);
    }

    [Fact]
    public void Responded_BeforeAndAfterAReply_FalseThenTrue()
    {
        var turn = new TurnContext(Chat.Message("hello"));
        var before = turn.Responded;

        turn.SendActivity("Hi!");

        Assert.Equal((false, true), (before, turn.Responded));
    }

    [Fact]
    public void ClearReplies_AfterReplies_NothingQueued()
    {
        var turn = new TurnContext(Chat.Message("hello"));
        turn.SendActivity("half an answer");

        turn.ClearReplies();

        Assert.Empty(turn.Replies);
        Assert.False(turn.Responded);
    }

    [Fact]
    public void Address_Typing_AddressedButNotQueued()
    {
        var turn = new TurnContext(Chat.Message("hello"));

        var typing = turn.Address(MessageFactory.Typing());

        Assert.Equal((ActivityTypes.Typing, Chat.Bot, Chat.User, Chat.Conversation), (typing.Type, typing.From, typing.Recipient, typing.Conversation));
        Assert.Empty(turn.Replies);
    }

    [Fact]
    public void SendActivity_AfterMiddlewareReplacedTheActivity_StillAddressedFromTheArrivedActivity()
    {
        var turn = new TurnContext(Chat.Message("<at>Clinic Bot</at> hello"));
        turn.Activity = turn.Activity with { Text = "hello", Id = "rewritten", From = null };

        turn.SendActivity("Hi!");

        Assert.Equal(("1712345678901", Chat.User), (turn.Replies[0].ReplyToId, turn.Replies[0].Recipient));
    }

    [Fact]
    public void Reference_ConversationUpdateOnDirectLine_HasNoActivityId()
    {
        var turn = new TurnContext(Chat.Inbound(ActivityTypes.ConversationUpdate, ChannelIds.DirectLine));

        turn.SendActivity("Welcome!");

        Assert.Null(turn.Replies[0].ReplyToId);
    }
}
