using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace TriageBot.Channels.BotConnector.Authentication;

/// <summary>
/// A compact JWS read strictly but NOT verified: everything here is the sender's claim until IdentityModel has
/// checked the signature. This gate refuses, before any key is fetched, what Bot Framework never sends and
/// IdentityModel would let through or only refuse after fetching keys: JWE (5 segments), algorithms other than
/// RS256/384/512 (so <c>none</c> and HS256 key confusion never reach a key), no <c>kid</c>, a <c>crit</c> header,
/// duplicate members (IdentityModel keeps the last), an array <c>aud</c>, and a non-numeric <c>exp</c>/<c>nbf</c>.
/// </summary>
internal sealed class UnverifiedJwt
{
    public static readonly IReadOnlyList<string> AllowedAlgorithms = ["RS256", "RS384", "RS512"];

    private static readonly JsonDocumentOptions StrictJson = new()
    {
        // Duplicate claims would let two parsers read one token differently.
        AllowDuplicateProperties = false,
        MaxDepth = 16,
    };

    private UnverifiedJwt(string keyId, JsonElement claims)
    {
        KeyId = keyId;
        Claims = claims;
    }

    public string KeyId { get; }

    /// <summary>The claims object (a detached clone). Trust it only after the library validated the same token.</summary>
    public JsonElement Claims { get; }

    public static bool TryRead(string token, [NotNullWhen(true)] out UnverifiedJwt? jwt, [NotNullWhen(false)] out string? error)
    {
        jwt = null;
        var segments = token.Split('.');
        if (segments.Length != 3)
        {
            error = segments.Length == 5
                ? "Token is a JWE (5 segments); only signed JWS tokens are accepted"
                : $"Token has {segments.Length} segments; a JWS has 3";
            return false;
        }

        if (!TryDecodeObject(segments[0], out var header))
        {
            error = "Token header is not a Base64Url-encoded JSON object";
            return false;
        }

        if (!TryReadHeader(header, out var keyId, out error))
        {
            return false;
        }

        if (!TryDecodeObject(segments[1], out var claims))
        {
            error = "Token payload is not a Base64Url-encoded JSON object";
            return false;
        }

        error = CheckClaimTypes(claims);
        if (error is not null)
        {
            return false;
        }

        jwt = new UnverifiedJwt(keyId, claims);
        return true;
    }

    /// <summary>A string claim; null when absent or not a string (so a number never passes for an id).</summary>
    public string? GetString(string claim) =>
        Claims.TryGetProperty(claim, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public bool HasClaim(string claim) => Claims.TryGetProperty(claim, out _);

    private static bool TryReadHeader(JsonElement header, out string keyId, [NotNullWhen(false)] out string? error)
    {
        keyId = string.Empty;
        if (!header.TryGetProperty("alg", out var alg) || alg.ValueKind != JsonValueKind.String)
        {
            error = "Token header has no alg";
            return false;
        }

        var algorithm = alg.GetString() ?? string.Empty;
        if (!AllowedAlgorithms.Contains(algorithm, StringComparer.Ordinal))
        {
            error = $"Token alg '{Printable(algorithm)}' is not allowed; only RS256, RS384 and RS512 are";
            return false;
        }

        // We understand no JWS extensions, and RFC 7515 says to reject tokens that require one (IdentityModel ignores crit).
        if (header.TryGetProperty("crit", out _))
        {
            error = "Token header has a 'crit' parameter";
            return false;
        }

        if (!header.TryGetProperty("kid", out var kid) || kid.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(kid.GetString()))
        {
            error = "Token header has no kid";
            return false;
        }

        keyId = kid.GetString()!;
        error = null;
        return true;
    }

    /// <summary>IdentityModel reads a one-element <c>aud</c> array as a string and a numeric string as a date; Bot
    /// Framework sends neither, so neither is accepted.</summary>
    private static string? CheckClaimTypes(JsonElement claims)
    {
        if (claims.TryGetProperty("aud", out var audience) && audience.ValueKind != JsonValueKind.String)
        {
            return "Token aud is not a single string";
        }

        if (claims.TryGetProperty("exp", out var expires) && expires.ValueKind != JsonValueKind.Number)
        {
            return "Token has no valid exp";
        }

        return claims.TryGetProperty("nbf", out var notBefore) && notBefore.ValueKind != JsonValueKind.Number
            ? "Token nbf is malformed"
            : null;
    }

    private static bool TryDecodeObject(string segment, out JsonElement element)
    {
        element = default;
        try
        {
            using var document = JsonDocument.Parse(Base64Url.DecodeFromChars(segment), StrictJson);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            element = document.RootElement.Clone();
            return true;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return false;
        }
    }

    /// <summary>The alg goes into a log line: show it only when it is short and plain, never arbitrary input.</summary>
    private static string Printable(string value) =>
        value.Length <= 10 && value.All(char.IsAsciiLetterOrDigit) ? value : "(unprintable)";
}
