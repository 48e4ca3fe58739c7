using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using TriageBot.Channels.Tests.DirectLine.Support;
using TriageBot.Testing.DirectLine;

namespace TriageBot.Channels.Tests.DirectLine;

/// <summary>What each credential may do: the secret everything, a token its own conversation until it expires, a forgery nothing.</summary>
public sealed class DirectLineAuthorizationTests : DirectLineTest
{
    /// <summary>Uploads on, so that the upload route is one of those checked.</summary>
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Channels:DirectLine:UploadsEnabled"] = "true",
    };

    /// <summary>Every conversation route, as (method, path after the conversation id).</summary>
    public static TheoryData<string, string> ConversationRoutes => new()
    {
        { "GET", "" },
        { "GET", "/activities?watermark=" },
        { "POST", "/activities" },
        { "POST", "/upload?userId=dl_a" },
    };

    [Theory]
    [MemberData(nameof(ConversationRoutes))]
    public async Task TokenForAnotherConversation_Refused403(string method, string route)
    {
        var mine = await Client.StartWithTokenAsync("dl_a");
        var theirs = await Client.StartWithTokenAsync("dl_b");

        var answer = await SendAsync(method, theirs.ConversationId, route, mine.Token);

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("Forbidden", answer.ErrorCode);
        Assert.DoesNotContain(RecordingBot.Welcome, answer.Body, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ConversationRoutes))]
    public async Task ExpiredToken_Refused403TokenExpired(string method, string route)
    {
        var conversation = await Client.StartWithTokenAsync();
        Clock.Advance(TimeSpan.FromMinutes(30));

        var answer = await SendAsync(method, conversation.ConversationId, route, conversation.Token);

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("TokenExpired", answer.ErrorCode);
    }

    /// <summary>Every conversation route with the status Direct Line answers on success.</summary>
    public static TheoryData<string, string, HttpStatusCode> ConversationRoutesAndSuccess => new()
    {
        { "GET", "", HttpStatusCode.OK },
        { "GET", "/activities?watermark=", HttpStatusCode.OK },
        { "POST", "/activities", HttpStatusCode.OK },
        { "POST", "/upload?userId=dl_a", HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(ConversationRoutesAndSuccess))]
    public async Task Secret_OnEveryConversationRoute_GetsThatRoutesSuccessStatus(string method, string route, HttpStatusCode success)
    {
        var conversation = await Client.StartWithTokenAsync();

        var answer = await SendAsync(method, conversation.ConversationId, route, DirectLineHost.Secret);

        Assert.Equal(success, answer.Status);
    }

    [Fact]
    public async Task ForgedToken_ClaimsChangedForAnotherConversation_Refused401WithNoData()
    {
        var mine = await Client.StartWithTokenAsync("dl_a");
        var theirs = await Client.StartWithTokenAsync("dl_b");
        var parts = mine.Token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1])).Replace(mine.ConversationId, theirs.ConversationId, StringComparison.Ordinal);
        var forged = $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}.{parts[2]}";

        var answer = await Client.GetActivitiesAsync(theirs.ConversationId, forged);

        AssertRefusedWithoutData(answer);
    }

    [Fact]
    public async Task ForgedToken_SignedWithAnotherKey_Refused401WithNoData()
    {
        var theirs = await Client.StartWithTokenAsync("dl_b");
        var forged = Jwt("""{"alg":"HS256","typ":"JWT"}""", $$"""{"conv":"{{theirs.ConversationId}}","scp":"conversation","exp":9999999999}""", RandomNumberGenerator.GetBytes(32));

        var answer = await Client.GetActivitiesAsync(theirs.ConversationId, forged);

        AssertRefusedWithoutData(answer);
    }

    [Fact]
    public async Task ForgedToken_AlgNone_Refused401WithNoData()
    {
        var theirs = await Client.StartWithTokenAsync("dl_b");
        var header = Base64Url.EncodeToString("""{"alg":"none","typ":"JWT"}"""u8);
        var payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes($$"""{"conv":"{{theirs.ConversationId}}","scp":"conversation","exp":9999999999}"""));

        var answer = await Client.GetActivitiesAsync(theirs.ConversationId, $"{header}.{payload}.");

        AssertRefusedWithoutData(answer);
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("a.b.c")]
    [InlineData("a.b.c.d.e")]
    public async Task MalformedCredential_Refused401(string credential)
    {
        var conversation = await Client.StartWithTokenAsync();

        var answer = await Client.GetActivitiesAsync(conversation.ConversationId, credential);

        AssertRefusedWithoutData(answer);
    }

    [Fact]
    public async Task NoCredential_Refused401()
    {
        var conversation = await Client.StartWithTokenAsync();

        var answer = await Client.GetActivitiesAsync(conversation.ConversationId, credential: null!);

        AssertRefusedWithoutData(answer);
    }

    [Fact]
    public async Task ForgeryAttempts_AreLoggedWithoutTheCredential()
    {
        var conversation = await Client.StartWithTokenAsync();

        await Client.GetActivitiesAsync(conversation.ConversationId, "forged-credential-value");

        var refused = Assert.Single(Host.Logs.WithEvent("DirectLineCredentialRejected"));
        Assert.Contains("invalid", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("forged-credential-value", Host.Logs.AllText, StringComparison.Ordinal);
    }

    private static void AssertRefusedWithoutData(DirectLineAnswer answer)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("Unauthorized", answer.ErrorCode);
        Assert.DoesNotContain("activities", answer.Body, StringComparison.Ordinal);
    }

    private static string Jwt(string header, string payload, byte[] key)
    {
        var unsigned = $"{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header))}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}";
        return $"{unsigned}.{Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(unsigned)))}";
    }

    private Task<DirectLineAnswer> SendAsync(string method, string conversationId, string route, string credential)
    {
        var path = $"{DirectLineClient.Root}/conversations/{conversationId}{route}";
        HttpContent? content = method == "GET" ? null : route.StartsWith("/upload", StringComparison.Ordinal)
            ? Uploads.Form(DirectLineClient.WebChatMessage("hi", "c1"), ("a.txt", "text/plain", "hello"u8.ToArray()))
            : new StringContent(DirectLineClient.WebChatMessage("hi", "c1"), Encoding.UTF8, "application/json");
        return Client.SendAsync(new HttpMethod(method), path, credential, content);
    }
}
