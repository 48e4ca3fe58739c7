using TriageBot.Runtime.Middleware;
using TriageBot.Runtime.Tests.Support;
using TriageBot.Runtime.Turns;

namespace TriageBot.Runtime.Tests;

/// <summary>Teams channel messages start with "@Clinic Bot"; the bot must read what follows (protocol §7.2).</summary>
public sealed class RemoveRecipientMentionMiddlewareTests
{
    [Theory]
    [InlineData("<at>Clinic Bot</at> lower back", "lower back")]
    [InlineData("<at>Clinic Bot</at>  book ", "book")]
    [InlineData("<AT>clinic bot</AT> lower back", "lower back")]
    [InlineData("lower back <at>Clinic Bot</at>", "lower back")]
    [InlineData("<at>Clinic Bot</at> pain since Monday <at>Clinic Bot</at>", "pain since Monday")]
    [InlineData("<at>Clinic Bot</at>", "")]
    public void RemoveRecipientMention_MentionOfTheBot_RemovedAndTrimmed(string text, string expected)
    {
        var activity = Chat.MessageWithMentions(text, Chat.MentionOf(Chat.Bot));

        Assert.Equal(expected, RemoveRecipientMentionMiddleware.RemoveRecipientMention(activity).Text);
    }

    [Fact]
    public void RemoveRecipientMention_MentionWithoutText_RemovesAtMarkupOfTheName()
    {
        var activity = Chat.MessageWithMentions("<at>Clinic Bot</at> lower back", Chat.MentionOf(Chat.Bot, includeText: false));

        Assert.Equal("lower back", RemoveRecipientMentionMiddleware.RemoveRecipientMention(activity).Text);
    }

    [Fact]
    public void RemoveRecipientMention_NameWithRegexCharacters_MatchedLiterally()
    {
        var bot = Chat.Bot with { Name = "Clinic Bot (beta)+" };
        var activity = Chat.MessageWithMentions("<at>Clinic Bot (beta)+</at> lower back", Chat.MentionOf(bot)) with { Recipient = bot };

        Assert.Equal("lower back", RemoveRecipientMentionMiddleware.RemoveRecipientMention(activity).Text);
    }

    [Theory]
    [InlineData("<at>Nurse Kim</at> please call the patient back")]
    [InlineData("ask <at>Nurse Kim</at>")]
    public void RemoveRecipientMention_MentionOfAnotherUser_TextUnchanged(string text)
    {
        var activity = Chat.MessageWithMentions(text, Chat.MentionOf(Chat.Nurse));

        Assert.Equal(text, RemoveRecipientMentionMiddleware.RemoveRecipientMention(activity).Text);
    }

    [Fact]
    public void RemoveRecipientMention_BotAndAnotherUserMentioned_OnlyTheBotRemoved()
    {
        var activity = Chat.MessageWithMentions(
            "<at>Clinic Bot</at> ask <at>Nurse Kim</at> to call back", Chat.MentionOf(Chat.Bot), Chat.MentionOf(Chat.Nurse));

        Assert.Equal("ask <at>Nurse Kim</at> to call back", RemoveRecipientMentionMiddleware.RemoveRecipientMention(activity).Text);
    }

    [Fact]
    public void RemoveRecipientMention_NoEntities_ReturnsTheSameActivity()
    {
        var activity = Chat.Message("<at>Clinic Bot</at> lower back");

        Assert.Same(activity, RemoveRecipientMentionMiddleware.RemoveRecipientMention(activity));
    }

    [Fact]
    public void RemoveRecipientMention_NoRecipient_ReturnsTheSameActivity()
    {
        var activity = Chat.MessageWithMentions("<at>Clinic Bot</at> lower back", Chat.MentionOf(Chat.Bot)) with { Recipient = null };

        Assert.Same(activity, RemoveRecipientMentionMiddleware.RemoveRecipientMention(activity));
    }

    [Fact]
    public void RemoveRecipientMention_CardSubmitWithoutText_ReturnsTheSameActivity()
    {
        var activity = Chat.MessageWithMentions("ignored", Chat.MentionOf(Chat.Bot)) with { Text = null };

        Assert.Same(activity, RemoveRecipientMentionMiddleware.RemoveRecipientMention(activity));
    }

    [Fact]
    public async Task OnTurnAsync_ChannelMessageMentioningBot_BotReadsTextWithoutMention()
    {
        var heard = new List<string?>();
        var turn = new TurnContext(Chat.MessageWithMentions("<at>Clinic Bot</at> lower back", Chat.MentionOf(Chat.Bot)));

        await new RemoveRecipientMentionMiddleware().OnTurnAsync(turn, (t, _) =>
        {
            heard.Add(t.Activity.Text);
            return Task.CompletedTask;
        }, CancellationToken.None);

        Assert.Equal(["lower back"], heard);
        Assert.Single(turn.Activity.Entities!);
    }
}
