using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace TriageBot.Testing.Identity;

/// <summary>Mints compact JWTs, good and deliberately bad, from a claims object.</summary>
public static class TestTokens
{
    /// <summary>A signed JWS. The hash follows <paramref name="algorithm"/> (RS256/384/512); any other alg string
    /// is written into the header as given but signed with SHA-256, for tests that lie about the alg.</summary>
    /// <param name="kid">Defaults to the key's kid.</param>
    /// <param name="type">The <c>typ</c> header; null leaves it out.</param>
    public static string Create(TestSigningKey key, JsonObject claims, string algorithm = "RS256", string? kid = null, string? type = "JWT")
    {
        ArgumentNullException.ThrowIfNull(key);
        var header = new JsonObject { ["alg"] = algorithm, ["kid"] = kid ?? key.Kid };
        if (type is not null)
        {
            header["typ"] = type;
        }

        return CreateWithHeader(key, header, claims, HashFor(algorithm));
    }

    /// <summary>Full control of the header (e.g. no kid, extra parameters), signed with <paramref name="key"/>.</summary>
    public static string CreateWithHeader(TestSigningKey key, JsonObject header, JsonObject claims, HashAlgorithmName hash)
    {
        ArgumentNullException.ThrowIfNull(key);
        var signingInput = SigningInput(header, claims);
        return signingInput + "." + Base64Url.EncodeToString(key.Sign(Encoding.ASCII.GetBytes(signingInput), hash));
    }

    /// <summary>An unsigned token: <c>alg: none</c> and an empty signature segment.</summary>
    public static string AlgNone(JsonObject claims, string kid = "none") =>
        SigningInput(new JsonObject { ["alg"] = "none", ["kid"] = kid, ["typ"] = "JWT" }, claims) + ".";

    /// <summary>The algorithm-confusion attack: HS256 with the key's public PEM as the HMAC secret, so a verifier
    /// that lets the token pick the algorithm would accept it with the "key" it already has.</summary>
    public static string Hs256WithPublicKey(TestSigningKey key, JsonObject claims)
    {
        ArgumentNullException.ThrowIfNull(key);
        var signingInput = SigningInput(new JsonObject { ["alg"] = "HS256", ["kid"] = key.Kid, ["typ"] = "JWT" }, claims);
        var mac = HMACSHA256.HashData(Encoding.ASCII.GetBytes(key.PublicKeyPem), Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64Url.EncodeToString(mac);
    }

    /// <summary>Five segments shaped like a compact JWE (header, encrypted key, IV, ciphertext, tag).</summary>
    public static string JweLike()
    {
        var header = Encode(new JsonObject { ["alg"] = "RSA-OAEP", ["enc"] = "A256GCM", ["kid"] = "jwe" }.ToJsonString());
        return string.Join('.', header, Random(256), Random(12), Random(64), Random(16));
    }

    /// <summary>A JWT NumericDate: whole seconds since the Unix epoch.</summary>
    public static long NumericDate(DateTimeOffset time) => time.ToUnixTimeSeconds();

    public static HashAlgorithmName HashFor(string algorithm) => algorithm switch
    {
        "RS384" => HashAlgorithmName.SHA384,
        "RS512" => HashAlgorithmName.SHA512,
        _ => HashAlgorithmName.SHA256,
    };

    private static string SigningInput(JsonObject header, JsonObject claims)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(claims);
        return Encode(header.ToJsonString()) + "." + Encode(claims.ToJsonString());
    }

    private static string Encode(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));

    private static string Random(int bytes) => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(bytes));
}
