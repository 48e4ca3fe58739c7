using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace TriageBot.Channels.BotConnector.Authentication;

/// <summary>
/// A compact JWS (<c>header.payload.signature</c>) split and decoded, but NOT verified: everything here is the
/// sender's claim until <see cref="VerifySignature"/> says otherwise. Parsing refuses, before any crypto, what we
/// never accept: JWE (5 segments), unsigned tokens, algorithms other than RS256/384/512, critical headers.
/// </summary>
internal sealed class JwtToken
{
    private static readonly JsonDocumentOptions StrictJson = new()
    {
        // Duplicate claims would let two parsers read one token differently.
        AllowDuplicateProperties = false,
        MaxDepth = 16,
    };

    private readonly byte[] _signedPart;
    private readonly byte[] _signature;

    private JwtToken(string algorithm, string keyId, JsonElement payload, byte[] signedPart, byte[] signature)
    {
        Algorithm = algorithm;
        KeyId = keyId;
        Payload = payload;
        _signedPart = signedPart;
        _signature = signature;
    }

    public string Algorithm { get; }
    public string KeyId { get; }

    /// <summary>The claims object (a detached clone: no document to dispose).</summary>
    public JsonElement Payload { get; }

    public static bool TryParse(string token, [NotNullWhen(true)] out JwtToken? jwt, [NotNullWhen(false)] out string? error)
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
            error = "Token header is not Base64Url-encoded JSON object";
            return false;
        }

        if (!TryReadHeader(header, out var algorithm, out var keyId, out error))
        {
            return false;
        }

        if (!TryDecodeObject(segments[1], out var payload))
        {
            error = "Token payload is not a Base64Url-encoded JSON object";
            return false;
        }

        if (!TryDecode(segments[2], out var signature) || signature.Length == 0)
        {
            error = "Token signature is missing or not Base64Url";
            return false;
        }

        var signedPart = Encoding.ASCII.GetBytes(token, 0, segments[0].Length + 1 + segments[1].Length);
        jwt = new JwtToken(algorithm, keyId, payload, signedPart, signature);
        return true;
    }

    /// <summary>RSA PKCS#1 v1.5 over <c>header.payload</c> with the hash the (already allow-listed) alg names.</summary>
    public bool VerifySignature(RSAParameters key)
    {
        var hash = Algorithm switch
        {
            "RS256" => HashAlgorithmName.SHA256,
            "RS384" => HashAlgorithmName.SHA384,
            "RS512" => HashAlgorithmName.SHA512,
            _ => throw new InvalidOperationException("Algorithm was not allow-listed."),
        };

        try
        {
            using var rsa = RSA.Create(key);
            return rsa.VerifyData(_signedPart, _signature, hash, RSASignaturePadding.Pkcs1);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>A string claim; null when absent or not a string (so a number never passes for an id).</summary>
    public string? GetString(string claim) =>
        Payload.TryGetProperty(claim, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public bool HasClaim(string claim) => Payload.TryGetProperty(claim, out _);

    /// <summary>Reads a NumericDate (seconds since the epoch, possibly fractional). False when absent or malformed.</summary>
    public bool TryGetNumericDate(string claim, out DateTimeOffset value, out bool present)
    {
        value = default;
        present = Payload.TryGetProperty(claim, out var element);
        if (!present || element.ValueKind != JsonValueKind.Number || !element.TryGetDouble(out var seconds))
        {
            return false;
        }

        var min = DateTimeOffset.MinValue.ToUnixTimeSeconds();
        var max = DateTimeOffset.MaxValue.ToUnixTimeSeconds();
        if (double.IsNaN(seconds) || seconds < min || seconds > max)
        {
            return false;
        }

        value = DateTimeOffset.FromUnixTimeSeconds((long)Math.Floor(seconds));
        return true;
    }

    private static bool TryReadHeader(JsonElement header, out string algorithm, out string keyId, [NotNullWhen(false)] out string? error)
    {
        algorithm = string.Empty;
        keyId = string.Empty;
        if (!header.TryGetProperty("alg", out var alg) || alg.ValueKind != JsonValueKind.String)
        {
            error = "Token header has no alg";
            return false;
        }

        algorithm = alg.GetString() ?? string.Empty;
        if (algorithm is not ("RS256" or "RS384" or "RS512"))
        {
            error = $"Token alg '{Printable(algorithm)}' is not allowed; only RS256, RS384 and RS512 are";
            return false;
        }

        // We understand no JWS extensions, and RFC 7515 says to reject tokens that require one.
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

    private static bool TryDecodeObject(string segment, out JsonElement element)
    {
        element = default;
        if (!TryDecode(segment, out var bytes))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes, StrictJson);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            element = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool TryDecode(string segment, out byte[] bytes)
    {
        bytes = [];
        if (segment.Length == 0)
        {
            return true;
        }

        try
        {
            bytes = Base64Url.DecodeFromChars(segment);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>The alg goes into a log line: show it only when it is short and plain, never arbitrary input.</summary>
    private static string Printable(string value) =>
        value.Length <= 10 && value.All(char.IsAsciiLetterOrDigit) ? value : "(unprintable)";
}
