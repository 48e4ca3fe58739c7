using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace TriageBot.Channels.BotConnector.Authentication;

/// <summary>
/// Signing keys per OpenID metadata URL. Keys are kept 24 h; a token with an unknown <c>kid</c> forces one early
/// refresh (keys rotate), at most once per 5 minutes per URL so forged kids cannot make us hammer the identity
/// provider. A failed refresh keeps the previous keys and tries again after 5 minutes; with no keys at all, every
/// token is refused. Fetches are single-flight per URL.
/// </summary>
internal sealed class OpenIdKeyCache(IHttpClientFactory httpClientFactory, TimeProvider timeProvider, ILogger logger) : IDisposable
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromHours(24);
    public static readonly TimeSpan UnknownKidRefreshInterval = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan FailedRefreshRetryInterval = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>The key, or null with the reason it could not be found.</summary>
    public async Task<(SigningKey? Key, string? Error)> GetKeyAsync(string metadataUrl, string keyId, CancellationToken cancellationToken)
    {
        var entry = _entries.GetOrAdd(metadataUrl, _ => new Entry());

        // Generation before keys: keys are published before the generation moves, so this pair is never newer
        // keys with an older generation, and a refresh that finished meanwhile is seen by RefreshAsync.
        var generation = entry.Generation;
        var keys = entry.Keys;
        if (keys is null || timeProvider.GetUtcNow() >= keys.RefreshAfter)
        {
            (keys, generation) = await RefreshAsync(entry, metadataUrl, generation, unknownKid: false, cancellationToken);
        }

        if (keys is null)
        {
            return (null, "Signing keys are unavailable (OpenID metadata could not be fetched)");
        }

        if (keys.Keys.TryGetValue(keyId, out var key))
        {
            return (key, null);
        }

        (keys, _) = await RefreshAsync(entry, metadataUrl, generation, unknownKid: true, cancellationToken);
        return keys is not null && keys.Keys.TryGetValue(keyId, out key)
            ? (key, null)
            : (null, "Token kid is not among the signing keys");
    }

    public void Dispose()
    {
        foreach (var entry in _entries.Values)
        {
            entry.Gate.Dispose();
        }
    }

    /// <param name="seenGeneration">The generation the caller's keys came from; a newer one means another caller
    /// fetched (or tried to) while this one waited, and its result is used rather than asking again.</param>
    private async Task<(SigningKeySet? Keys, int Generation)> RefreshAsync(
        Entry entry, string metadataUrl, int seenGeneration, bool unknownKid, CancellationToken cancellationToken)
    {
        await entry.Gate.WaitAsync(cancellationToken);
        try
        {
            if (entry.Generation != seenGeneration)
            {
                return (entry.Keys, entry.Generation);
            }

            var now = timeProvider.GetUtcNow();
            if (unknownKid)
            {
                if (entry.LastUnknownKidRefresh is { } last && now - last < UnknownKidRefreshInterval)
                {
                    AuthLog.UnknownSigningKeyRefreshSkipped(logger, metadataUrl);
                    return (entry.Keys, entry.Generation);
                }

                entry.LastUnknownKidRefresh = now;
            }

            var (fetched, error) = await FetchAsync(metadataUrl, cancellationToken);
            if (fetched is not null)
            {
                entry.Keys = new SigningKeySet(fetched, now + CacheLifetime);
                AuthLog.SigningKeysRefreshed(logger, metadataUrl, fetched.Count, unknownKid);
            }
            else
            {
                AuthLog.SigningKeysUnavailable(logger, metadataUrl, error ?? "unknown", entry.Keys is not null);
                if (entry.Keys is { } stale)
                {
                    entry.Keys = stale with { RefreshAfter = now + FailedRefreshRetryInterval };
                }
            }

            // After the keys: a reader that sees this generation also sees these keys.
            entry.Generation++;
            return (entry.Keys, entry.Generation);
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    private async Task<(System.Collections.Frozen.FrozenDictionary<string, SigningKey>? Keys, string? Error)> FetchAsync(
        string metadataUrl, CancellationToken cancellationToken)
    {
        using var client = httpClientFactory.CreateClient(BotAuthenticationServiceCollectionExtensions.HttpClientName);
        try
        {
            var metadata = await GetAsync(client, new Uri(metadataUrl, UriKind.Absolute), cancellationToken);
            if (metadata.Body is null)
            {
                return (null, $"metadata answered {metadata.Status}");
            }

            var jwks = await GetAsync(client, OpenIdDocuments.ReadJwksUri(metadata.Body), cancellationToken);
            return jwks.Body is null
                ? (null, $"jwks_uri answered {jwks.Status}")
                : (OpenIdDocuments.ReadKeys(jwks.Body), null);
        }
        catch (HttpRequestException e)
        {
            return (null, $"request failed ({e.HttpRequestError})");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, "request timed out");
        }
        catch (JsonException)
        {
            return (null, "document is not valid OpenID metadata / JWKS");
        }
    }

    private static async Task<(byte[]? Body, int Status)> GetAsync(HttpClient client, Uri uri, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(uri, cancellationToken);
        return response.IsSuccessStatusCode
            ? (await response.Content.ReadAsByteArrayAsync(cancellationToken), (int)response.StatusCode)
            : (null, (int)response.StatusCode);
    }

    /// <summary>Mutable state of one URL; written only under <see cref="Gate"/>, read lock-free.</summary>
    private sealed class Entry
    {
        private volatile SigningKeySet? _keys;
        private int _generation;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public SigningKeySet? Keys
        {
            get => _keys;
            set => _keys = value;
        }

        public int Generation
        {
            get => Volatile.Read(ref _generation);
            set => Volatile.Write(ref _generation, value);
        }

        public DateTimeOffset? LastUnknownKidRefresh { get; set; }
    }
}
