using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace TriageBot.Channels.DirectLine;

/// <summary>
/// Issues and checks Direct Line tokens: compact HS256 JWTs scoped to one conversation. DirectLineJS decodes the
/// payload and reads its <c>user</c> claim, so the user id travels in the clear; nothing else sensitive does.
/// Claims: <c>conv</c>, <c>user</c> (optional), <c>scp</c> (<c>conversation</c> for REST, <c>stream</c> for a
/// <c>streamUrl</c>), <c>iat</c>, <c>exp</c> and a random <c>jti</c>, so two tokens are never equal.
/// </summary>
internal sealed class DirectLineTokens(DirectLineSecret secret, DirectLineOptions options, TimeProvider timeProvider)
{
    public const string ConversationScope = "conversation";
    public const string StreamScope = "stream";

    /// <summary>Anything longer is not one of ours; refuse before decoding.</summary>
    private const int MaxTokenLength = 2048;

    private static readonly string Header = Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8);

    public IssuedToken IssueConversationToken(string conversationId, string? userId) =>
        Issue(conversationId, userId, ConversationScope, options.TokenLifetime);

    public IssuedToken IssueStreamToken(string conversationId, string? userId) =>
        Issue(conversationId, userId, StreamScope, options.StreamUrlLifetime);

    /// <summary>Checks signature first, then expiry, so a forger learns nothing from the answer.</summary>
    public TokenCheck Validate(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token.Length > MaxTokenLength || token.Split('.') is not [var header, var payload, var signature] || header != Header)
        {
            return TokenCheck.Invalid;
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(secret.SigningKey, Encoding.ASCII.GetBytes($"{header}.{payload}"), expected);
        if (!Base64Url.IsValid(signature) || !CryptographicOperations.FixedTimeEquals(expected, Base64Url.DecodeFromChars(signature)))
        {
            return TokenCheck.Invalid;
        }

        var claims = ReadClaims(payload);
        if (claims is null)
        {
            return TokenCheck.Invalid;
        }

        return claims.ExpiresAt <= timeProvider.GetUtcNow() ? TokenCheck.Expired(claims) : TokenCheck.Valid(claims);
    }

    private IssuedToken Issue(string conversationId, string? userId, string scope, TimeSpan lifetime)
    {
        var now = timeProvider.GetUtcNow();
        var expires = now + lifetime;
        var payload = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(payload))
        {
            writer.WriteStartObject();
            writer.WriteString("conv", conversationId);
            if (userId is not null)
            {
                writer.WriteString("user", userId);
            }

            writer.WriteString("scp", scope);
            writer.WriteNumber("iat", now.ToUnixTimeSeconds());
            writer.WriteNumber("exp", expires.ToUnixTimeSeconds());
            writer.WriteString("jti", DirectLineIds.NewNonce());
            writer.WriteEndObject();
        }

        var unsigned = $"{Header}.{Base64Url.EncodeToString(payload.WrittenSpan)}";
        var signature = HMACSHA256.HashData(secret.SigningKey, Encoding.ASCII.GetBytes(unsigned));
        var token = $"{unsigned}.{Base64Url.EncodeToString(signature)}";

        // exp has whole seconds; report the lifetime the token really has.
        var claims = new TokenClaims(conversationId, userId, scope, DateTimeOffset.FromUnixTimeSeconds(expires.ToUnixTimeSeconds()));
        return new IssuedToken(token, claims);
    }

    private static TokenClaims? ReadClaims(string payload)
    {
        try
        {
            using var json = JsonDocument.Parse(Base64Url.DecodeFromChars(payload));
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("conv", out var conv) || conv.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("scp", out var scope) || scope.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("exp", out var exp) || !exp.TryGetInt64(out var expSeconds))
            {
                return null;
            }

            var user = root.TryGetProperty("user", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
            return new TokenClaims(conv.GetString()!, user, scope.GetString()!, DateTimeOffset.FromUnixTimeSeconds(expSeconds));
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}

/// <summary>What a token says: its conversation, user (when it has one), scope and expiry.</summary>
internal sealed record TokenClaims(string ConversationId, string? UserId, string Scope, DateTimeOffset ExpiresAt);

/// <summary>A freshly signed token and its claims.</summary>
internal sealed record IssuedToken(string Token, TokenClaims Claims)
{
    /// <summary>Seconds left, as <c>expires_in</c> reports it.</summary>
    public int ExpiresIn(TimeProvider timeProvider) =>
        (int)Math.Max(0, Math.Ceiling((Claims.ExpiresAt - timeProvider.GetUtcNow()).TotalSeconds));
}

/// <summary>The outcome of checking a token: invalid (forged, malformed, not ours), expired, or valid.</summary>
internal sealed record TokenCheck(TokenStatus Status, TokenClaims? Claims)
{
    public static readonly TokenCheck Invalid = new(TokenStatus.Invalid, null);

    public static TokenCheck Expired(TokenClaims claims) => new(TokenStatus.Expired, claims);

    public static TokenCheck Valid(TokenClaims claims) => new(TokenStatus.Valid, claims);
}

internal enum TokenStatus
{
    Invalid,
    Expired,
    Valid,
}
