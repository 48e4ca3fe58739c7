using System.Buffers.Text;
using System.Net;
using System.Text.Json;
using TriageBot.Channels.DirectLine;
using TriageBot.Channels.Tests.DirectLine.Support;
using TriageBot.Testing.DirectLine;

namespace TriageBot.Channels.Tests.DirectLine;

/// <summary>
/// Tokens that end: a chain of refreshed tokens keeps its original issue time and never outlives the retention
/// period, and a token for a conversation the service no longer holds opens nothing.
/// </summary>
public sealed class DirectLineTokenLifetimeTests : DirectLineTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Channels:DirectLine:Retention"] = "01:00:00",
        ["Channels:DirectLine:TokenLifetime"] = "00:30:00",
    };

    private DateTimeOffset Start { get; set; }

    private DirectLineConversationStore Store => Host.Get<DirectLineConversationStore>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Start = Clock.GetUtcNow();
    }

    [Fact]
    public async Task FirstToken_CarriesItsOriginalIssueTime()
    {
        var conversation = await Client.StartWithTokenAsync();

        Assert.Equal(Start.ToUnixTimeSeconds(), Claims(conversation.Token).GetProperty("oit").GetInt64());
    }

    [Fact]
    public async Task Refresh_KeepsTheOriginalIssueTime()
    {
        var conversation = await Client.StartWithTokenAsync();
        Clock.Advance(TimeSpan.FromMinutes(20));

        var refreshed = Claims((await Client.RefreshTokenAsync(conversation.Token)).Json.GetProperty("token").GetString()!);

        Assert.Equal(Start.ToUnixTimeSeconds(), refreshed.GetProperty("oit").GetInt64());
        Assert.Equal(Clock.GetUtcNow().ToUnixTimeSeconds(), refreshed.GetProperty("iat").GetInt64());
    }

    [Fact]
    public async Task Refresh_NearTheRetentionPeriod_EndsAtItNotLater()
    {
        var token = (await Client.StartWithTokenAsync()).Token;
        Clock.Advance(TimeSpan.FromMinutes(20));
        token = (await Client.RefreshTokenAsync(token)).Json.GetProperty("token").GetString()!;
        Clock.Advance(TimeSpan.FromMinutes(20));

        var answer = await Client.RefreshTokenAsync(token);

        // now + 30 min would be 70 min after the first token; the chain ends at 60.
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(20 * 60, answer.Json.GetProperty("expires_in").GetInt32());
        Assert.Equal(Start.AddHours(1).ToUnixTimeSeconds(), Claims(answer.Json.GetProperty("token").GetString()!).GetProperty("exp").GetInt64());
    }

    [Fact]
    public async Task Refresh_AfterTheTotalLifetime_Returns403TokenExpired()
    {
        var token = (await Client.StartWithTokenAsync()).Token;
        for (var minutes = 20; minutes <= 59; minutes += 13)
        {
            Clock.UtcNow = Start.AddMinutes(minutes);
            token = (await Client.RefreshTokenAsync(token)).Json.GetProperty("token").GetString()!;
        }

        Clock.UtcNow = Start.AddHours(1);
        var refresh = await Client.RefreshTokenAsync(token);
        var reconnect = await Client.ReconnectAsync(Claims(token).GetProperty("conv").GetString()!, token);

        Assert.Equal((HttpStatusCode.Forbidden, "TokenExpired"), (refresh.Status, refresh.ErrorCode));
        Assert.Equal((HttpStatusCode.Forbidden, "TokenExpired"), (reconnect.Status, reconnect.ErrorCode));
    }

    [Fact]
    public async Task Reconnect_StaysInTheChainOfTheTokenItWasGiven()
    {
        var conversation = await Client.StartWithTokenAsync();
        Clock.Advance(TimeSpan.FromMinutes(20));
        var refreshed = (await Client.RefreshTokenAsync(conversation.Token)).Json.GetProperty("token").GetString();
        Clock.Advance(TimeSpan.FromMinutes(25));

        var answer = await Client.ReconnectAsync(conversation.ConversationId, refreshed!);

        var token = Claims(answer.Json.GetProperty("token").GetString()!);
        var stream = Claims(Uri.UnescapeDataString(new Uri(answer.Json.GetProperty("streamUrl").GetString()!).Query.Split("t=")[1].Split('&')[0]));
        Assert.Equal(Start.ToUnixTimeSeconds(), token.GetProperty("oit").GetInt64());
        Assert.Equal(Start.AddHours(1).ToUnixTimeSeconds(), token.GetProperty("exp").GetInt64());
        Assert.Equal(Start.ToUnixTimeSeconds(), stream.GetProperty("oit").GetInt64());
    }

    [Fact]
    public async Task Refresh_ForAConversationNeverStarted_Returns404()
    {
        var token = (await Client.GenerateTokenAsync(DirectLineHost.Secret)).Json.GetProperty("token").GetString()!;

        var answer = await Client.RefreshTokenAsync(token);

        Assert.Equal((HttpStatusCode.NotFound, "NotFound"), (answer.Status, answer.ErrorCode));
    }

    [Fact]
    public async Task PurgedConversation_ItsLiveTokenAndStreamUrl_OpenNothing()
    {
        var conversation = await Client.StartWithTokenAsync();
        Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));

        // The site's backend hands out a new chain just before the retention job runs: its token is still valid after.
        var fresh = (await Client.ReconnectAsync(conversation.ConversationId, DirectLineHost.Secret)).Json;
        var token = fresh.GetProperty("token").GetString()!;
        var streamUrl = new Uri(fresh.GetProperty("streamUrl").GetString()!);
        Assert.Equal(1, Store.Purge().Conversations);

        Assert.Equal(HttpStatusCode.NotFound, (await Client.RefreshTokenAsync(token)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.ReconnectAsync(conversation.ConversationId, token)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetActivitiesAsync(conversation.ConversationId, token)).Status);
        Assert.Equal(HttpStatusCode.NotFound, await DirectLineSocket.RefusedStatusAsync(streamUrl, Guard));
    }

    [Fact]
    public async Task PurgedConversation_IsNotStartedAgainByItsToken()
    {
        var conversation = await Client.StartWithTokenAsync();
        Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        var token = (await Client.ReconnectAsync(conversation.ConversationId, DirectLineHost.Secret)).Json.GetProperty("token").GetString()!;
        Store.Purge();
        var botTurns = Bot.Received.Count;

        var restart = await Client.StartAsync(token);

        Assert.Equal((HttpStatusCode.NotFound, "NotFound"), (restart.Status, restart.ErrorCode));
        Assert.False(Store.Contains(conversation.ConversationId));
        Assert.Equal(botTurns, Bot.Received.Count);
    }

    private static JsonElement Claims(string jwt) => JsonDocument.Parse(Base64Url.DecodeFromChars(jwt.Split('.')[1])).RootElement;
}
