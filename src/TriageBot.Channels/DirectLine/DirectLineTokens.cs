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
/// <c>streamUrl</c>), <c>iat</c>, <c>exp</c>, a random <c>jti</c> (so two tokens are never equal, and a stream token
/// can be used once), and <c>oit</c>: when the first token of the chain was issued. Refreshing and reconnecting keep
/// <c>oit</c>, and no token of a chain lives past <c>oit</c> + <see cref="DirectLineOptions.Retention"/>: a token
/// cannot keep a conversation reachable for longer than its data may be kept.
/// </summary>
internal sealed class DirectLineTokens(DirectLineSecret secret, DirectLineOptions options, TimeProvider timeProvider)
{
    public const string ConversationScope = "conversation";
    public const string StreamScope = "stream";

    /// <summary>Anything longer is not one of ours; refuse before decoding.</summary>
    private const int MaxTokenLength = 2048;

    private static readonly string Header = Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8);

    /// <summary>The first token of a new chain (its <c>oit</c> is now).</summary>
    public IssuedToken IssueConversationToken(string conversationId, string? userId) =>
        Issue(conversationId, userId, ConversationScope, options.TokenLifetime, timeProvider.GetUtcNow())
        ?? throw new InvalidOperationException($"{DirectLineOptions.SectionName}:Retention is too short to issue a token.");

    /// <summary>
    /// The next token of <paramref name="current"/>'s chain: same conversation, user and <c>oit</c>; it expires at
    /// now + <see cref="DirectLineOptions.TokenLifetime"/> or at the chain's end, whichever is first. Null once the
    /// chain has ended (<c>oit</c> + <see cref="DirectLineOptions.Retention"/> has passed).
    /// </summary>
    public IssuedToken? Renew(TokenClaims current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return Issue(current.ConversationId, current.UserId, ConversationScope, options.TokenLifetime, current.OriginalIssuedAt);
    }

    /// <summary>A <c>streamUrl</c> credential for the conversation a valid <paramref name="token"/> opens, in the same chain.</summary>
    public IssuedToken IssueStreamToken(TokenClaims token)
    {
        ArgumentNullException.ThrowIfNull(token);

        // The chain outlives the valid token (its exp is at most oit + Retention, both whole seconds), so this is never null.
        return Issue(token.ConversationId, token.UserId, StreamScope, options.StreamUrlLifetime, token.OriginalIssuedAt)
            ?? throw new InvalidOperationException("A stream token was asked for a chain that has ended.");
    }

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

    private IssuedToken? Issue(string conversationId, string? userId, string scope, TimeSpan lifetime, DateTimeOffset originalIssuedAt)
    {
        var now = timeProvider.GetUtcNow();

        // exp and oit have whole seconds; compute with what the token will really say.
        var oit = DateTimeOffset.FromUnixTimeSeconds(originalIssuedAt.ToUnixTimeSeconds());
        var expires = DateTimeOffset.FromUnixTimeSeconds(Min(now + lifetime, oit + options.Retention).ToUnixTimeSeconds());
        if (expires <= now)
        {
            return null;
        }

        var id = DirectLineIds.NewNonce();
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
            writer.WriteNumber("oit", oit.ToUnixTimeSeconds());
            writer.WriteString("jti", id);
            writer.WriteEndObject();
        }

        var unsigned = $"{Header}.{Base64Url.EncodeToString(payload.WrittenSpan)}";
        var signature = HMACSHA256.HashData(secret.SigningKey, Encoding.ASCII.GetBytes(unsigned));
        var token = $"{unsigned}.{Base64Url.EncodeToString(signature)}";

        return new IssuedToken(token, new TokenClaims(conversationId, userId, scope, expires, oit, id));
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static TokenClaims? ReadClaims(string payload)
    {
        try
        {
            using var json = JsonDocument.Parse(Base64Url.DecodeFromChars(payload));
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("conv", out var conv) || conv.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("scp", out var scope) || scope.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("exp", out var exp) || !exp.TryGetInt64(out var expSeconds)
                || !root.TryGetProperty("oit", out var oit) || !oit.TryGetInt64(out var oitSeconds)
                || !root.TryGetProperty("jti", out var jti) || jti.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            var user = root.TryGetProperty("user", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
            return new TokenClaims(conv.GetString()!, user, scope.GetString()!, DateTimeOffset.FromUnixTimeSeconds(expSeconds),
                DateTimeOffset.FromUnixTimeSeconds(oitSeconds), jti.GetString()!);
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}

/// <summary>
/// What a token says: its conversation, user (when it has one), scope, expiry, when its chain began
/// (<c>oit</c>, kept across refreshes) and its own random id (<c>jti</c>).
/// </summary>
internal sealed record TokenClaims(string ConversationId, string? UserId, string Scope, DateTimeOffset ExpiresAt, DateTimeOffset OriginalIssuedAt, string Id);

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
