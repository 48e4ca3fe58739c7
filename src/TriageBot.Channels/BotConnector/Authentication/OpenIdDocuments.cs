using System.Buffers.Text;
using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text.Json;

namespace TriageBot.Channels.BotConnector.Authentication;

/// <summary>Reads the two documents of key discovery: OpenID metadata (for <c>jwks_uri</c>) and the JWKS itself.</summary>
internal static class OpenIdDocuments
{
    /// <summary>Keys shorter than this are ignored: nobody should sign Bot Framework tokens with them.</summary>
    private const int MinimumModulusBytes = 2048 / 8;

    /// <exception cref="JsonException">The document is not metadata with an absolute http(s) <c>jwks_uri</c>.</exception>
    public static Uri ReadJwksUri(byte[] metadata)
    {
        using var document = JsonDocument.Parse(metadata);
        if (document.RootElement.ValueKind == JsonValueKind.Object
            && document.RootElement.TryGetProperty("jwks_uri", out var value)
            && value.ValueKind == JsonValueKind.String
            && Uri.TryCreate(value.GetString(), UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            return uri;
        }

        throw new JsonException("OpenID metadata has no absolute http(s) jwks_uri.");
    }

    /// <summary>The usable RSA signing keys by kid; other key types, encryption keys and malformed entries are skipped.</summary>
    /// <exception cref="JsonException">The document is not a JWKS.</exception>
    public static FrozenDictionary<string, SigningKey> ReadKeys(byte[] jwks)
    {
        using var document = JsonDocument.Parse(jwks);
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("keys", out var keys)
            || keys.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("JWKS has no 'keys' array.");
        }

        var result = new Dictionary<string, SigningKey>(StringComparer.Ordinal);
        foreach (var jwk in keys.EnumerateArray())
        {
            if (TryReadKey(jwk, out var key))
            {
                // A duplicated kid is ambiguous; the first one wins rather than the last silently replacing it.
                result.TryAdd(key.KeyId, key);
            }
        }

        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static bool TryReadKey(JsonElement jwk, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SigningKey? key)
    {
        key = null;
        if (jwk.ValueKind != JsonValueKind.Object
            || String(jwk, "kty") != "RSA"
            || String(jwk, "use") is { } use && use != "sig"
            || String(jwk, "kid") is not { Length: > 0 } kid
            || !TryDecode(String(jwk, "n"), out var modulus)
            || !TryDecode(String(jwk, "e"), out var exponent)
            || modulus.Length < MinimumModulusBytes)
        {
            return false;
        }

        IReadOnlyList<string>? endorsements = null;
        if (jwk.TryGetProperty("endorsements", out var list))
        {
            if (list.ValueKind != JsonValueKind.Array)
            {
                return false;
            }

            endorsements = [.. list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)];
        }

        key = new SigningKey(kid, new RSAParameters { Modulus = modulus, Exponent = exponent }, endorsements);
        return true;
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool TryDecode(string? value, out byte[] bytes)
    {
        bytes = [];
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        try
        {
            bytes = Base64Url.DecodeFromChars(value);

            // The JWK carries an unsigned big-endian integer; a leading zero byte would throw off the size check.
            var start = 0;
            while (start < bytes.Length - 1 && bytes[start] == 0)
            {
                start++;
            }

            bytes = start == 0 ? bytes : bytes[start..];
            return bytes.Length > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
