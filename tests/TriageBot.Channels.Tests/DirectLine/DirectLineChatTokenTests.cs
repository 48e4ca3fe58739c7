using System.Net;
using TriageBot.Channels.DirectLine;
using TriageBot.Channels.Tests.DirectLine.Support;
using TriageBot.Testing.DirectLine;

namespace TriageBot.Channels.Tests.DirectLine;

/// <summary>POST /api/chat/token: the page's backend mints a user token, so the secret never reaches a browser.</summary>
public sealed class DirectLineChatTokenTests : DirectLineTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Channels:DirectLine:ChatToken:PermitLimit"] = "3",
    };

    [Fact]
    public async Task ChatToken_NoCredential_MintsTokenForNewConversationAndDlUser()
    {
        var answer = await Client.SendAsync(HttpMethod.Post, DirectLineEndpoints.ChatTokenPath, credential: null);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var userId = answer.Json.GetProperty("userId").GetString()!;
        Assert.StartsWith("dl_", userId, StringComparison.Ordinal);
        Assert.Equal(1800, answer.Json.GetProperty("expires_in").GetInt32());
        Assert.DoesNotContain(DirectLineHost.Secret, answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChatToken_StartsConversationWhereTheUserIsKnown()
    {
        var minted = (await Client.SendAsync(HttpMethod.Post, DirectLineEndpoints.ChatTokenPath, credential: null)).Json;

        var started = await Client.StartAsync(minted.GetProperty("token").GetString()!);

        Assert.Equal(HttpStatusCode.Created, started.Status);
        Assert.Equal(minted.GetProperty("conversationId").GetString(), started.Json.GetProperty("conversationId").GetString());
        var joined = Bot.Received[^1];
        Assert.Equal(minted.GetProperty("userId").GetString(), Assert.Single(joined.MembersAdded!).Id);
    }

    [Fact]
    public async Task ChatToken_EachCall_NewConversationAndUser()
    {
        var first = (await Client.SendAsync(HttpMethod.Post, DirectLineEndpoints.ChatTokenPath, credential: null)).Json;
        var second = (await Client.SendAsync(HttpMethod.Post, DirectLineEndpoints.ChatTokenPath, credential: null)).Json;

        Assert.NotEqual(first.GetProperty("conversationId").GetString(), second.GetProperty("conversationId").GetString());
        Assert.NotEqual(first.GetProperty("userId").GetString(), second.GetProperty("userId").GetString());
    }

    [Fact]
    public async Task ChatToken_OverLimitFromOneAddress_Returns429WithRetryAfter()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Client.SendAsync(HttpMethod.Post, DirectLineEndpoints.ChatTokenPath, credential: null)).Status);
        }

        var refused = await Client.SendAsync(HttpMethod.Post, DirectLineEndpoints.ChatTokenPath, credential: null);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal("TooManyRequests", refused.ErrorCode);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        Assert.Single(Host.Logs.WithEvent("DirectLineChatTokenRateLimited"));
    }

    [Fact]
    public async Task ChatToken_Get_IsNotAllowed()
    {
        var answer = await Client.SendAsync(HttpMethod.Get, DirectLineEndpoints.ChatTokenPath, credential: null);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, answer.Status);
    }
}
