using System.Security.Cryptography;
using System.Text.Json.Nodes;
using TriageBot.Channels.BotConnector.Authentication;
using TriageBot.Testing.Identity;
using static TriageBot.Channels.Tests.Authentication.AuthTestSupport;

namespace TriageBot.Channels.Tests.Authentication;

/// <summary>What is refused before any key is fetched: the header shape, JWE, unsigned and non-RSA algorithms.</summary>
public sealed class TokenFormatTests(IdentityServerFixture fixture) : IClassFixture<IdentityServerFixture>
{
    private readonly FakeIdentityServer _idp = fixture.Server;
    private readonly ManualTimeProvider _clock = new();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Basic x")]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    public async Task AuthorizationHeader_NotBearerToken_IsRejected(string? header)
    {
        var result = await AuthenticateRawAsync(header);

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task AuthorizationHeader_LowercaseScheme_IsRejected()
    {
        var result = await AuthenticateRawAsync("bearer " + ValidToken());

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task AuthorizationHeader_ThreeParts_IsRejected()
    {
        var result = await AuthenticateRawAsync("Bearer " + ValidToken() + " extra");

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task AuthorizationHeader_DoubleSpace_IsRejected()
    {
        var result = await AuthenticateRawAsync("Bearer  " + ValidToken());

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task Token_JweWithFiveParts_IsRejectedBeforeFetchingKeys()
    {
        var result = await AuthenticateWithoutKeysAsync(TestTokens.JweLike());

        Assert.False(result.Succeeded);
        Assert.Contains("JWE", result.FailureReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-a-jwt")]
    [InlineData("a.b")]
    [InlineData("a.b.c.d")]
    [InlineData("!!!.???.###")]
    public async Task Token_Malformed_IsRejectedBeforeFetchingKeys(string token)
    {
        var result = await AuthenticateWithoutKeysAsync(token);

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task Token_AlgNone_IsRejectedBeforeFetchingKeys()
    {
        var token = TestTokens.AlgNone(_idp.ChannelClaims(AppId, ServiceUrl), _idp.ChannelKey.Kid);

        var result = await AuthenticateWithoutKeysAsync(token);

        Assert.False(result.Succeeded);
        Assert.Contains("alg", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_Hs256WithPublicKeyAsSecret_IsRejectedBeforeFetchingKeys()
    {
        var token = TestTokens.Hs256WithPublicKey(_idp.ChannelKey, _idp.ChannelClaims(AppId, ServiceUrl));

        var result = await AuthenticateWithoutKeysAsync(token);

        Assert.False(result.Succeeded);
        Assert.Contains("HS256", result.FailureReason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PS256")]
    [InlineData("ES256")]
    [InlineData("rs256")]
    public async Task Token_OtherAlgorithm_IsRejectedBeforeFetchingKeys(string algorithm)
    {
        var token = TestTokens.Create(_idp.ChannelKey, _idp.ChannelClaims(AppId, ServiceUrl), algorithm);

        var result = await AuthenticateWithoutKeysAsync(token);

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task Token_WithoutKid_IsRejectedBeforeFetchingKeys()
    {
        var header = new JsonObject { ["alg"] = "RS256", ["typ"] = "JWT" };
        var token = TestTokens.CreateWithHeader(_idp.ChannelKey, header, _idp.ChannelClaims(AppId, ServiceUrl), HashAlgorithmName.SHA256);

        var result = await AuthenticateWithoutKeysAsync(token);

        Assert.False(result.Succeeded);
        Assert.Contains("kid", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_WithCriticalHeader_IsRejected()
    {
        var header = new JsonObject { ["alg"] = "RS256", ["kid"] = _idp.ChannelKey.Kid, ["crit"] = new JsonArray("exp") };
        var token = TestTokens.CreateWithHeader(_idp.ChannelKey, header, _idp.ChannelClaims(AppId, ServiceUrl), HashAlgorithmName.SHA256);

        var result = await AuthenticateWithoutKeysAsync(token);

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task Token_AlgHeaderSaysRs512ButSignedWithSha256_IsRejected()
    {
        var header = new JsonObject { ["alg"] = "RS512", ["kid"] = _idp.ChannelKey.Kid };
        var token = TestTokens.CreateWithHeader(_idp.ChannelKey, header, _idp.ChannelClaims(AppId, ServiceUrl), HashAlgorithmName.SHA256);

        var result = await AuthenticateRawAsync(Bearer(token));

        Assert.False(result.Succeeded);
        Assert.Contains("signature", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_DuplicateClaim_IsRejected()
    {
        // Two "aud" members: one parser might read the first, another the last.
        var claims = _idp.ChannelClaims(AppId, ServiceUrl).ToJsonString().Replace(
            "\"aud\":", "\"aud\":\"someone-else\",\"aud\":", StringComparison.Ordinal);
        var signingInput = System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(
                new JsonObject { ["alg"] = "RS256", ["kid"] = _idp.ChannelKey.Kid }.ToJsonString()))
            + "." + System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(claims));
        var signature = _idp.ChannelKey.Sign(System.Text.Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256);
        var token = signingInput + "." + System.Buffers.Text.Base64Url.EncodeToString(signature);

        var result = await AuthenticateWithoutKeysAsync(token);

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task Token_DuplicateHeaderAlg_IsRejectedBeforeFetchingKeys()
    {
        // IdentityModel reads the last "alg"; a token must not mean one thing to us and another to the library.
        var header = System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(
            $"{{\"alg\":\"HS256\",\"alg\":\"RS256\",\"kid\":\"{_idp.ChannelKey.Kid}\"}}"));
        var genuine = ValidToken().Split('.');

        var result = await AuthenticateWithoutKeysAsync(string.Join('.', header, genuine[1], genuine[2]));

        Assert.False(result.Succeeded);
    }

    private string ValidToken() => _idp.ChannelToken(AppId, ServiceUrl);

    private async Task<InboundAuthResult> AuthenticateRawAsync(string? header)
    {
        var authenticator = Authenticator(_idp, _clock);
        return await authenticator.AuthenticateAsync(header, Message(), CancellationToken.None);
    }

    /// <summary>Authenticates against a metadata URL nobody serves: the refusal must come before any fetch.</summary>
    private async Task<InboundAuthResult> AuthenticateWithoutKeysAsync(string token)
    {
        var before = _idp.ChannelMetadataRequests + _idp.ChannelKeysRequests;
        var authenticator = Authenticator(_idp, _clock);

        var result = await authenticator.AuthenticateAsync(Bearer(token), Message(), CancellationToken.None);

        Assert.Equal(before, _idp.ChannelMetadataRequests + _idp.ChannelKeysRequests);
        return result;
    }
}
