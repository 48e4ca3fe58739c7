using System.Text;
using System.Text.Json;
using TriageBot.Channels.BotConnector.Authentication;

namespace TriageBot.Channels.Tests.Authentication;

/// <summary>Token responses: AAD numbers, IMDS strings, <c>expires_on</c> only.</summary>
public sealed class AccessTokenResponseTests
{
    private static readonly DateTimeOffset RequestedAt = new(2025, 1, 15, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("""{"access_token":"t","expires_in":3599}""")]
    [InlineData("""{"access_token":"t","expires_in":"3599"}""")]
    [InlineData("""{"access_token":"t","expires_on":"1736945999"}""")]
    [InlineData("""{"access_token":"t","expires_on":1736945999}""")]
    public void Parse_ExpiryAsNumberStringOrEpoch_GivesSameExpiry(string json)
    {
        var token = AccessTokenResponse.Parse(Encoding.UTF8.GetBytes(json), RequestedAt);

        Assert.Equal("t", token.Value);
        Assert.Equal(RequestedAt.AddSeconds(3599), token.ExpiresOn);
    }

    [Theory]
    [InlineData("""{"expires_in":3599}""")]
    [InlineData("""{"access_token":"","expires_in":3599}""")]
    [InlineData("""{"access_token":"t"}""")]
    [InlineData("""{"access_token":"t","expires_in":"soon"}""")]
    [InlineData("""{"access_token":"t","expires_in":-5}""")]
    [InlineData("""[]""")]
    public void Parse_Unusable_Throws(string json)
    {
        Assert.ThrowsAny<JsonException>(() => AccessTokenResponse.Parse(Encoding.UTF8.GetBytes(json), RequestedAt));
    }

    [Fact]
    public void ReadErrorCode_OAuthError_GivesCode()
    {
        Assert.Equal("invalid_client", AccessTokenResponse.ReadErrorCode(
            Encoding.UTF8.GetBytes("""{"error":"invalid_client","error_description":"AADSTS7000215"}""")));
    }
}
