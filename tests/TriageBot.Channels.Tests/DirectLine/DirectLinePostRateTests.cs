using System.Net;
using TriageBot.Channels.Tests.DirectLine.Support;
using TriageBot.Testing.DirectLine;

namespace TriageBot.Channels.Tests.DirectLine;

/// <summary>The post rate per conversation: a burst, then 429 with Retry-After; other conversations are unaffected.</summary>
public sealed class DirectLinePostRateTests : DirectLineTest
{
    private const int Burst = 3;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        // Nothing comes back during the test, so the count is exact however slow the machine is.
        ["Channels:DirectLine:PostRateLimit:TokenLimit"] = $"{Burst}",
        ["Channels:DirectLine:PostRateLimit:TokensPerPeriod"] = "1",
        ["Channels:DirectLine:PostRateLimit:ReplenishmentPeriod"] = "01:00:00",
    };

    [Fact]
    public async Task Posts_BeyondTheBurst_Refused429WithRetryAfter_OtherConversationUnaffected()
    {
        var flooding = await Client.StartWithTokenAsync("dl_flood");
        var other = await Client.StartWithTokenAsync("dl_other");
        for (var i = 1; i <= Burst; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync(flooding.ConversationId, flooding.Token, DirectLineClient.WebChatMessage($"m{i}", $"c{i}", "dl_flood"))).Status);
        }

        var refused = await Client.PostAsync(flooding.ConversationId, flooding.Token, DirectLineClient.WebChatMessage("again", "c9", "dl_flood"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal("TooManyRequests", refused.ErrorCode);
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "Retry-After must say when to come back.");
        Assert.Equal(HttpStatusCode.OK, (await Client.PostAsync(other.ConversationId, other.Token, DirectLineClient.WebChatMessage("hello", "o1", "dl_other"))).Status);
        Assert.DoesNotContain(Bot.Received, a => a.Text == "again");
    }

    [Fact]
    public async Task FreshTokenForTheSameConversation_SharesItsBucket()
    {
        var conversation = await Client.StartWithTokenAsync();
        for (var i = 1; i <= Burst; i++)
        {
            await Client.PostAsync(conversation.ConversationId, conversation.Token, DirectLineClient.WebChatMessage($"m{i}", $"c{i}"));
        }

        var fresh = (await Client.ReconnectAsync(conversation.ConversationId, conversation.Token)).Json.GetProperty("token").GetString()!;
        var refused = await Client.PostAsync(conversation.ConversationId, fresh, DirectLineClient.WebChatMessage("again", "c9"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
    }
}
