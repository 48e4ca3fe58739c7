using TriageBot.Runtime.Choices;
using TriageBot.Schema;

namespace TriageBot.Runtime.Tests.Choices;

/// <summary>Bot Builder's ListStyle.Auto table (reference §9.6), row by row.</summary>
public sealed class ChoiceFactoryTests
{
    private static readonly Choice[] Five = [new("Neck"), new("Upper back"), new("Lower back"), new("Legs"), new("Arms")];

    [Theory]
    [InlineData(ChannelIds.Emulator, null, 5, ListStyle.SuggestedAction)]
    [InlineData(ChannelIds.WebChat, null, 5, ListStyle.SuggestedAction)]
    [InlineData(ChannelIds.DirectLine, null, 5, ListStyle.SuggestedAction)]
    [InlineData(ChannelIds.MsTeams, "personal", 2, ListStyle.SuggestedAction)]
    [InlineData(ChannelIds.MsTeams, "personal", 4, ListStyle.HeroCard)]
    [InlineData(ChannelIds.MsTeams, "channel", 2, ListStyle.HeroCard)]
    [InlineData(ChannelIds.MsTeams, "groupChat", 3, ListStyle.HeroCard)]
    [InlineData("sms", null, 3, ListStyle.Inline)]
    [InlineData("sms", null, 4, ListStyle.List)]
    public void ResolveAuto_PicksWhatTheChannelRenders(string channelId, string? conversationType, int count, ListStyle expected) =>
        Assert.Equal(expected, ChoiceFactory.ResolveAuto(channelId, conversationType, Five[..count]));

    [Fact]
    public void ResolveAuto_TitleLongerThan20_IsANumberedListEverywhere() =>
        Assert.Equal(ListStyle.List, ChoiceFactory.ResolveAuto(ChannelIds.WebChat, null, [new("Yes"), new("More than twenty characters")]));

    [Fact]
    public void SuggestedActions_AreImBackButtonsAddressedToTheUser()
    {
        var prompt = ChoiceFactory.AppendChoices(MessageFactory.Text("Where is the pain?"), Five[..2], ListStyle.Auto, Reference(ChannelIds.WebChat));

        Assert.Equal(["user-1"], prompt.SuggestedActions!.To);
        Assert.All(prompt.SuggestedActions.Actions!, a => Assert.Equal(ActionTypes.ImBack, a.Type));
        Assert.Equal(["Neck", "Upper back"], prompt.SuggestedActions.Actions!.Select(a => a.Title));
        Assert.Equal("Where is the pain?", prompt.Text);
    }

    [Fact]
    public void TeamsChannel_GetsAHeroCardCarryingTheQuestion()
    {
        var prompt = ChoiceFactory.AppendChoices(MessageFactory.Text("Where is the pain?"), Five[..2], ListStyle.Auto, Reference(ChannelIds.MsTeams, "channel"));

        var card = Assert.Single(prompt.Attachments!);
        Assert.Equal(HeroCard.ContentType, card.ContentType);
        Assert.Equal("Where is the pain?", card.Content!.Value.GetProperty("text").GetString());
        Assert.Equal(2, card.Content.Value.GetProperty("buttons").GetArrayLength());
        Assert.Null(prompt.Text);
    }

    [Theory]
    [InlineData(2, "Continue? (1) Yes or (2) No")]
    [InlineData(3, "Continue? (1) Yes, (2) No, or (3) Not sure")]
    public void Inline_ReadsLikeASentence(int count, string expected)
    {
        Choice[] choices = [new("Yes"), new("No"), new("Not sure")];

        var prompt = ChoiceFactory.AppendChoices(MessageFactory.Text("Continue?"), choices[..count], ListStyle.Inline, Reference("sms"));

        Assert.Equal(expected, prompt.Text);
    }

    [Fact]
    public void List_NumbersEachChoiceOnItsOwnLine()
    {
        var prompt = ChoiceFactory.AppendChoices(MessageFactory.Text("Where?"), Five[..2], ListStyle.List, Reference("sms"));

        Assert.Equal("Where?\n\n   1. Neck\n   2. Upper back", prompt.Text);
    }

    private static ConversationReference Reference(string channelId, string? conversationType = null) => new()
    {
        ChannelId = channelId,
        User = new ChannelAccount { Id = "user-1" },
        Conversation = new ConversationAccount { Id = "c1", ConversationType = conversationType },
    };
}
