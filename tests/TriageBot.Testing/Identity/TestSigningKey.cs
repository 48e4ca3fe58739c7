using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace TriageBot.Testing.Identity;

/// <summary>
/// An RSA key pair with a <c>kid</c>, standing in for a Bot Framework or AAD signing key. Its public half is served
/// as a JWK (with the channels it is endorsed for, when given); the private half signs tokens.
/// </summary>
public sealed class TestSigningKey : IDisposable
{
    private readonly RSA _rsa;

    /// <param name="kid">Defaults to a fresh random id.</param>
    /// <param name="endorsements">Channel ids the key may sign for; null serves the JWK without an endorsements list.</param>
    public TestSigningKey(string? kid = null, IReadOnlyList<string>? endorsements = null, int keySizeInBits = 2048)
    {
        _rsa = RSA.Create(keySizeInBits);
        Kid = kid ?? "test-" + Guid.NewGuid().ToString("N")[..12];
        Endorsements = endorsements;
    }

    public string Kid { get; }

    public IReadOnlyList<string>? Endorsements { get; }

    /// <summary>The public key as PEM (SubjectPublicKeyInfo): what an attacker knows, used for the HS256 confusion attack.</summary>
    public string PublicKeyPem => _rsa.ExportSubjectPublicKeyInfoPem();

    /// <summary>RSA PKCS#1 v1.5, as RS256/384/512 require.</summary>
    public byte[] Sign(byte[] data, HashAlgorithmName hash) => _rsa.SignData(data, hash, RSASignaturePadding.Pkcs1);

    /// <summary>The public JWK: <c>kty</c>, <c>use</c>, <c>kid</c>, <c>n</c>, <c>e</c> and, if any, <c>endorsements</c>.</summary>
    public JsonObject ToJwk()
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = Kid,
            ["n"] = Base64Url.EncodeToString(parameters.Modulus),
            ["e"] = Base64Url.EncodeToString(parameters.Exponent),
        };
        if (Endorsements is not null)
        {
            jwk["endorsements"] = new JsonArray([.. Endorsements.Select(e => JsonValue.Create(e))]);
        }

        return jwk;
    }

    public void Dispose() => _rsa.Dispose();
}
