using TriageBot.Schema;

namespace TriageBot.Runtime.Tests;

/// <summary>Values a stranger chose, as they may appear in a log line: known, "other", hashed or cut short.</summary>
public sealed class LogValuesTests
{
    private static readonly string Forged = "x\r\n2026-12-07 crit: [FAKE]\u001b[2J\u0000" + new string('A', 10_000);

    [Theory]
    [InlineData(ChannelIds.Emulator)]
    [InlineData(ChannelIds.MsTeams)]
    [InlineData(ChannelIds.WebChat)]
    [InlineData(ChannelIds.DirectLine)]
    [InlineData("slack")]
    public void KnownChannelIds_AreKept(string channelId) => Assert.Equal(channelId, LogValues.ChannelId(channelId));

    [Theory]
    [InlineData("MSTEAMS")]
    [InlineData("emulator\r\n")]
    [InlineData("my-own-channel")]
    public void OtherChannelIds_AreOther(string channelId) => Assert.Equal(LogValues.Other, LogValues.ChannelId(channelId));

    [Fact]
    public void ActivityTypes_AreAllowListed()
    {
        Assert.Equal(ActivityTypes.ConversationUpdate, LogValues.ActivityType(ActivityTypes.ConversationUpdate));
        Assert.Equal(ActivityTypes.Invoke, LogValues.ActivityType(ActivityTypes.Invoke));
        Assert.Equal(LogValues.Other, LogValues.ActivityType("message" + Forged));
        Assert.Equal(LogValues.None, LogValues.ActivityType(null));
    }

    [Fact]
    public void Ids_BecomeAShortStableHash()
    {
        var hash = LogValues.Id(Forged);

        Assert.Matches("^[0-9a-f]{12}$", hash);
        Assert.Equal(hash, LogValues.Id(Forged));
        Assert.NotEqual(hash, LogValues.Id("another id"));
        Assert.Equal(LogValues.None, LogValues.Id(null));
    }

    [Theory]
    [InlineData("BadArgument")]
    [InlineData("invalid_client")]
    [InlineData("AADSTS7000215")]
    [InlineData("conversation.not-found")]
    public void CodesThatLookLikeCodes_AreKept(string code) => Assert.Equal(code, LogValues.Code(code));

    [Theory]
    [InlineData("Bad\r\nArgument")]
    [InlineData("code with spaces")]
    [InlineData("\u001b[31mred")]
    [InlineData("")]
    public void AnythingElseAsACode_IsOther(string code) => Assert.Equal(LogValues.Other, LogValues.Code(code));

    [Fact]
    public void LongCode_IsOther() => Assert.Equal(LogValues.Other, LogValues.Code(new string('A', 65)));

    [Fact]
    public void Reasons_KeepPrintableAsciiOnly_AndAreCut()
    {
        var reason = LogValues.Reason("Token rejected: " + Forged);

        Assert.StartsWith("Token rejected: x??2026-12-07 crit: [FAKE]?[2J?", reason, StringComparison.Ordinal);
        Assert.True(reason.Length <= 163, $"{reason.Length} characters");
        Assert.DoesNotContain(reason, char.IsControl);
        Assert.Equal("Signing key not found", LogValues.Reason("Signing key not found"));
    }
}
