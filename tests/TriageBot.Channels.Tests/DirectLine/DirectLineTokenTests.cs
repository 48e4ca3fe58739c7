using System.Buffers.Text;
using System.Net;
using System.Text.Json;
using TriageBot.Channels.Tests.DirectLine.Support;
using TriageBot.Testing.DirectLine;

namespace TriageBot.Channels.Tests.DirectLine;

/// <summary>tokens/generate and tokens/refresh, as a web site's backend and DirectLineJS call them.</summary>
public sealed class DirectLineTokenTests : DirectLineTest
{
    [Fact]
    public async Task Generate_WithSecret_ReturnsConversationTokenAndLifetime()
    {
        var answer = await Client.GenerateTokenAsync(DirectLineHost.Secret);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.False(string.IsNullOrEmpty(answer.Json.GetProperty("conversationId").GetString()));
        Assert.False(string.IsNullOrEmpty(answer.Json.GetProperty("token").GetString()));
        Assert.Equal(1800, answer.Json.GetProperty("expires_in").GetInt32());
        Assert.False(answer.Json.TryGetProperty("streamUrl", out _));
        Assert.Contains("no-store", answer.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_DoesNotContactTheBot()
    {
        await Client.GenerateTokenAsync(DirectLineHost.Secret, "dl_someone");

        Assert.Empty(Bot.Received);
    }

    [Fact]
    public async Task Generate_TokenIsJwtWithUserConversationAndExpiry()
    {
        var answer = await Client.GenerateTokenAsync(DirectLineHost.Secret, "dl_pat");

        // DirectLineJS decodes the token and reads "user"; the rest is what scopes and expires it.
        var claims = Payload(answer.Json.GetProperty("token").GetString()!);
        Assert.Equal("dl_pat", claims.GetProperty("user").GetString());
        Assert.Equal(answer.Json.GetProperty("conversationId").GetString(), claims.GetProperty("conv").GetString());
        Assert.Equal(Clock.GetUtcNow().AddMinutes(30).ToUnixTimeSeconds(), claims.GetProperty("exp").GetInt64());
    }

    [Fact]
    public async Task Generate_WithToken_Returns403()
    {
        var token = (await Client.GenerateTokenAsync(DirectLineHost.Secret)).Json.GetProperty("token").GetString()!;

        var answer = await Client.GenerateTokenAsync(token);

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("Forbidden", answer.ErrorCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-the-secret-and-not-a-token")]
    public async Task Generate_WithoutValidCredential_Returns401(string? credential)
    {
        var answer = await Client.GenerateTokenAsync(credential!);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("Unauthorized", answer.ErrorCode);
        Assert.Equal("Bearer", answer.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task Generate_UserIdWithControlCharacters_Returns400()
    {
        var answer = await Client.GenerateTokenAsync(DirectLineHost.Secret, "dl_bad\nid");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("BadArgument", answer.ErrorCode);
    }

    [Fact]
    public async Task Refresh_WithToken_ReturnsNewTokenForSameConversationAndUser()
    {
        var conversation = await Client.StartWithTokenAsync("dl_pat");
        var token = conversation.Token;
        Clock.Advance(TimeSpan.FromMinutes(15));

        var answer = await Client.RefreshTokenAsync(token);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var refreshed = answer.Json.GetProperty("token").GetString()!;
        Assert.NotEqual(token, refreshed);
        Assert.Equal(conversation.ConversationId, answer.Json.GetProperty("conversationId").GetString());
        Assert.Equal("dl_pat", Payload(refreshed).GetProperty("user").GetString());
        Assert.Equal(1800, answer.Json.GetProperty("expires_in").GetInt32());
    }

    [Fact]
    public async Task Refresh_RefreshedTokenOutlivesTheOriginal()
    {
        var token = (await Client.StartWithTokenAsync()).Token;
        Clock.Advance(TimeSpan.FromMinutes(20));
        var refreshed = (await Client.RefreshTokenAsync(token)).Json.GetProperty("token").GetString()!;
        Clock.Advance(TimeSpan.FromMinutes(20));

        Assert.Equal(HttpStatusCode.Forbidden, (await Client.RefreshTokenAsync(token)).Status);
        Assert.Equal(HttpStatusCode.OK, (await Client.RefreshTokenAsync(refreshed)).Status);
    }

    [Fact]
    public async Task Refresh_ExpiredToken_Returns403TokenExpired()
    {
        var token = (await Client.GenerateTokenAsync(DirectLineHost.Secret)).Json.GetProperty("token").GetString()!;
        Clock.Advance(TimeSpan.FromMinutes(31));

        var answer = await Client.RefreshTokenAsync(token);

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("TokenExpired", answer.ErrorCode);
    }

    [Fact]
    public async Task Refresh_WithSecret_Returns403()
    {
        var answer = await Client.RefreshTokenAsync(DirectLineHost.Secret);

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
    }

    [Fact]
    public async Task Tokens_NeverAppearInTheLog()
    {
        var token = (await Client.GenerateTokenAsync(DirectLineHost.Secret)).Json.GetProperty("token").GetString()!;
        await Client.RefreshTokenAsync(token);
        await Client.RefreshTokenAsync(token + "x");

        Assert.DoesNotContain(token, Host.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(DirectLineHost.Secret, Host.Logs.AllText, StringComparison.Ordinal);
    }

    private static JsonElement Payload(string jwt) => JsonDocument.Parse(Base64Url.DecodeFromChars(jwt.Split('.')[1])).RootElement;
}
