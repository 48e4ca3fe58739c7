using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace TriageBot.Channels.BotConnector.Authentication;

/// <summary>
/// The signing keys of one OpenID metadata URL, kept by IdentityModel's <see cref="ConfigurationManager{T}"/>:
/// fetched once (single-flight), refreshed every <see cref="AutomaticRefreshInterval"/>, stale keys kept when a
/// refresh fails (retried after <see cref="RefreshInterval"/>). A token with an unknown <c>kid</c> asks for one early
/// refresh (keys rotate), at most once per <see cref="RefreshInterval"/>, so forged kids cannot make us hammer the
/// identity provider; then the lookup is tried once more.
/// </summary>
internal sealed class OpenIdSigningKeys
{
    public static readonly TimeSpan AutomaticRefreshInterval = TimeSpan.FromHours(24);
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(5);

    /// <summary>Keys shorter than this are ignored: nobody should sign Bot Framework tokens with them.</summary>
    private const int MinimumKeySizeInBits = 2048;

    private readonly ILogger _logger;
    private OpenIdConnectConfiguration? _seen;

    static OpenIdSigningKeys()
    {
        // By default a refresh runs in the background and the caller gets the old keys, so the retry after an unknown
        // kid would miss a rotated key. Blocking mode makes the refresh happen inside the next GetConfigurationAsync
        // (still single-flight). IdentityModel reads the switch once, when a ConfigurationManager first needs it;
        // in this process only this class creates them, so setting it here is always in time.
        AppContext.SetSwitch("Switch.Microsoft.IdentityModel.UpdateConfigAsBlocking", true);
    }

    public OpenIdSigningKeys(string metadataUrl, IDocumentRetriever retriever, ILogger logger, TimeSpan refreshInterval)
    {
        _logger = logger;
        Manager = new ConfigurationManager<OpenIdConnectConfiguration>(metadataUrl, new OpenIdConnectConfigurationRetriever(), retriever)
        {
            AutomaticRefreshInterval = AutomaticRefreshInterval,
            RefreshInterval = refreshInterval,
        };
    }

    /// <summary>Exposed for tests that check the refresh schedule.</summary>
    internal ConfigurationManager<OpenIdConnectConfiguration> Manager { get; }

    /// <summary>The key, or null with the reason it could not be found.</summary>
    public async Task<(SigningKey? Key, string? Error)> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        if (await GetAsync(unknownKid: false, cancellationToken) is not { } configuration)
        {
            return (null, "Signing keys are unavailable (OpenID metadata could not be fetched)");
        }

        if (Find(configuration, keyId) is { } key)
        {
            return (key, null);
        }

        Manager.RequestRefresh();
        var refreshed = await GetAsync(unknownKid: true, cancellationToken);
        if (refreshed is null || ReferenceEquals(refreshed, configuration))
        {
            AuthLog.UnknownSigningKeyNoNewKeys(_logger, Manager.MetadataAddress);
            return (null, "Token kid is not among the signing keys");
        }

        return Find(refreshed, keyId) is { } rotated ? (rotated, null) : (null, "Token kid is not among the signing keys");
    }

    /// <summary>Null when no keys were ever fetched (failures are logged by the document retriever).</summary>
    private async Task<OpenIdConnectConfiguration?> GetAsync(bool unknownKid, CancellationToken cancellationToken)
    {
        try
        {
            var configuration = await Manager.GetConfigurationAsync(cancellationToken);
            if (!ReferenceEquals(Interlocked.Exchange(ref _seen, configuration), configuration))
            {
                AuthLog.SigningKeysRefreshed(_logger, Manager.MetadataAddress, configuration.JsonWebKeySet?.Keys.Count ?? 0, unknownKid);
            }

            return configuration;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The first usable RSA signing key with this kid (a duplicated kid is ambiguous: the first one wins).</summary>
    private static SigningKey? Find(OpenIdConnectConfiguration configuration, string keyId)
    {
        foreach (var jwk in configuration.JsonWebKeySet?.Keys ?? [])
        {
            if (jwk.Kid == keyId
                && jwk.Kty == JsonWebAlgorithmsKeyTypes.RSA
                && jwk.Use is null or JsonWebKeyUseNames.Sig
                && jwk.KeySize >= MinimumKeySizeInBits
                && TryReadEndorsements(jwk, out var endorsements))
            {
                return new SigningKey(jwk, endorsements);
            }
        }

        return null;
    }

    /// <summary>Bot Connector keys list the channels they may sign for; IdentityModel keeps that unknown member as a
    /// JSON element. A key whose list is not an array of strings is not used at all.</summary>
    private static bool TryReadEndorsements(JsonWebKey jwk, out IReadOnlyList<string>? endorsements)
    {
        endorsements = null;
        if (!jwk.AdditionalData.TryGetValue("endorsements", out var value))
        {
            return true;
        }

        if (value is not JsonElement { ValueKind: JsonValueKind.Array } list)
        {
            return false;
        }

        endorsements = [.. list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)];
        return true;
    }
}
