using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TriageBot.Channels.BotConnector.Authentication;

namespace TriageBot.Testing.Identity;

/// <summary>
/// The Bot Framework's identity endpoints on a real loopback port: Bot Connector OpenID metadata and endorsed keys,
/// Emulator (AAD) metadata and keys, the AAD client-credentials token endpoint and a managed identity endpoint. Point a
/// bot at it with <see cref="BotConfiguration"/> and sign requests with <see cref="ChannelToken"/> /
/// <see cref="EmulatorToken"/>. Counts every request so tests can assert caching.
/// </summary>
public sealed class FakeIdentityServer : IAsyncDisposable
{
    public const string ChannelIssuer = "https://api.botframework.com";
    public const string BotFrameworkTenantId = "f8cdef31-a31e-4b4a-93e4-5f571e91255a";
    public const string EmulatorIssuerV1 = "https://sts.windows.net/" + BotFrameworkTenantId + "/";
    public const string EmulatorIssuerV2 = "https://login.microsoftonline.com/" + BotFrameworkTenantId + "/v2.0";
    public const string DefaultPassword = "test-app-password";

    /// <summary>The <c>error_description</c> of every error answer, like Entra's (free text with trace ids): must never reach a log.</summary>
    public const string ErrorDescription = "AADSTS-FAKE upstream detail (trace 4c1e) that must never be logged";

    private readonly WebApplication _app;
    private readonly Lock _lock = new();
    private readonly List<TestSigningKey> _channelKeys = [];
    private readonly List<TestSigningKey> _emulatorKeys = [];
    private readonly List<TestSigningKey> _owned = [];
    private readonly List<IdentityTokenRequest> _tokenRequests = [];
    private readonly List<ManagedIdentityTokenRequest> _managedIdentityRequests = [];
    private int _channelMetadataRequests;
    private int _channelKeysRequests;
    private int _emulatorMetadataRequests;
    private int _emulatorKeysRequests;
    private int _issuedTokens;
    private int _failuresToInject;
    private int _failureStatus = StatusCodes.Status503ServiceUnavailable;
    private string? _failureError;
    private string? _failureRetryAfter;
    private string? _lastSignedToken;

    private FakeIdentityServer(WebApplication app)
    {
        _app = app;
        ChannelKey = Own(new TestSigningKey(endorsements: DefaultEndorsements));
        EmulatorKey = Own(new TestSigningKey());
        AccessTokenKey = Own(new TestSigningKey());
        _channelKeys.Add(ChannelKey);
        _emulatorKeys.Add(EmulatorKey);
    }

    /// <summary>What the default channel key is endorsed for.</summary>
    public static IReadOnlyList<string> DefaultEndorsements { get; } = ["msteams", "webchat", "directline", "emulator", "test"];

    /// <summary>e.g. <c>http://127.0.0.1:41234</c>, no trailing slash.</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>For <c>ToBotFromChannelOpenIdMetadataUrl</c>.</summary>
    public string ChannelMetadataUrl => BaseUrl + "/channel/.well-known/openidconfiguration";

    /// <summary>For <c>ToBotFromEmulatorOpenIdMetadataUrl</c>.</summary>
    public string EmulatorMetadataUrl => BaseUrl + "/emulator/.well-known/openid-configuration";

    /// <summary>For <c>ToChannelFromBotLoginUrl</c>: the MultiTenant authority, <c>{BaseUrl}/botframework.com</c>.</summary>
    public string LoginUrl => LoginUrlFor("botframework.com");

    /// <summary>For <c>ManagedIdentityEndpoint</c>.</summary>
    public string ManagedIdentityEndpoint => BaseUrl + "/msi/token";

    /// <summary>The clock minted tokens are dated by (iat/nbf/exp). Use the bot's clock when it is not the system one.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The key <see cref="ChannelToken"/> signs with: the newest channel key.</summary>
    public TestSigningKey ChannelKey { get; private set; }

    /// <summary>The key <see cref="EmulatorToken"/> signs with (no endorsements, like AAD keys).</summary>
    public TestSigningKey EmulatorKey { get; private set; }

    /// <summary><c>expires_in</c> of issued tokens, in seconds.</summary>
    public int TokenExpiresInSeconds { get; set; } = 3599;

    /// <summary>When set, token requests with another client id get 401 <c>invalid_client</c>.</summary>
    public string? ExpectedClientId { get; set; }

    /// <summary>When set, token requests with another secret get 401 <c>invalid_client</c>.</summary>
    public string? ExpectedClientSecret { get; set; }

    /// <summary>
    /// When true, client-credentials tokens are real JWTs signed by <see cref="AccessTokenKey"/> (audience
    /// <see cref="BotFrameworkAudience"/>, the client id as <c>appid</c>), so a fake channel can check them as Teams does;
    /// otherwise they are the opaque <c>fake-token-N</c>.
    /// </summary>
    public bool SignedAccessTokens { get; set; }

    /// <summary>The key signed access tokens are signed with (the token endpoint's own key).</summary>
    public TestSigningKey AccessTokenKey { get; }

    public const string BotFrameworkAudience = "https://api.botframework.com";

    /// <summary>The issuer of signed access tokens for a tenant.</summary>
    public string AccessTokenIssuer(string tenant) => $"{BaseUrl}/{tenant}/v2.0";

    /// <summary>Both metadata documents answer 503 while true.</summary>
    public bool MetadataUnavailable { get; set; }

    public int ChannelMetadataRequests => Volatile.Read(ref _channelMetadataRequests);
    public int ChannelKeysRequests => Volatile.Read(ref _channelKeysRequests);
    public int EmulatorMetadataRequests => Volatile.Read(ref _emulatorMetadataRequests);
    public int EmulatorKeysRequests => Volatile.Read(ref _emulatorKeysRequests);

    /// <summary>Client-credentials requests received, failed ones included.</summary>
    public int TokenRequests
    {
        get
        {
            lock (_lock)
            {
                return _tokenRequests.Count;
            }
        }
    }

    public int ManagedIdentityRequests
    {
        get
        {
            lock (_lock)
            {
                return _managedIdentityRequests.Count;
            }
        }
    }

    public IReadOnlyList<IdentityTokenRequest> TokenRequestLog
    {
        get
        {
            lock (_lock)
            {
                return [.. _tokenRequests];
            }
        }
    }

    public IReadOnlyList<ManagedIdentityTokenRequest> ManagedIdentityRequestLog
    {
        get
        {
            lock (_lock)
            {
                return [.. _managedIdentityRequests];
            }
        }
    }

    /// <summary>The access tokens issued are <c>fake-token-1</c>, <c>fake-token-2</c>, …; this is the latest (null before any).</summary>
    public string? LastIssuedToken => Volatile.Read(ref _lastSignedToken) ?? (Volatile.Read(ref _issuedTokens) is var n and > 0 ? TokenValue(n) : null);

    public static async Task<FakeIdentityServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var server = new FakeIdentityServer(builder.Build());
        server.MapEndpoints();
        await server._app.StartAsync(cancellationToken);
        server.BaseUrl = server._app.Urls.First().TrimEnd('/');
        return server;
    }

    /// <summary>The authority for a tenant, <c>{BaseUrl}/{tenant}</c>, for SingleTenant bots.</summary>
    public string LoginUrlFor(string tenant) => $"{BaseUrl}/{tenant}";

    /// <summary>Configuration keys that point a MultiTenant bot with <paramref name="appId"/> at this server.</summary>
    public Dictionary<string, string?> BotConfiguration(string appId, string password = DefaultPassword) => new()
    {
        ["MicrosoftAppType"] = "MultiTenant",
        ["MicrosoftAppId"] = appId,
        ["MicrosoftAppPassword"] = password,
        ["ToBotFromChannelOpenIdMetadataUrl"] = ChannelMetadataUrl,
        ["ToBotFromEmulatorOpenIdMetadataUrl"] = EmulatorMetadataUrl,
        ["ToChannelFromBotLoginUrl"] = LoginUrl,
        ["ManagedIdentityEndpoint"] = ManagedIdentityEndpoint,
    };

    /// <summary>
    /// The service override a host pointed at this server needs: its OpenID metadata is served over plain http on
    /// loopback, which the app accepts only when told so.
    /// </summary>
    public static void TrustHttpMetadata(IServiceCollection services) => services.AddSingleton(new AllowHttpOpenIdMetadata());

    /// <summary>Claims of a Bot Connector token: <c>iss</c>, <c>aud</c>, <c>serviceurl</c>, <c>nbf</c>, <c>exp</c>.</summary>
    public JsonObject ChannelClaims(string appId, string serviceUrl, TimeSpan? lifetime = null)
    {
        var now = TimeProvider.GetUtcNow();
        return new JsonObject
        {
            ["serviceurl"] = serviceUrl,
            ["nbf"] = TestTokens.NumericDate(now),
            ["exp"] = TestTokens.NumericDate(now + (lifetime ?? TimeSpan.FromHours(1))),
            ["iss"] = ChannelIssuer,
            ["aud"] = appId,
        };
    }

    /// <summary>A Bot Connector token for a bot, signed with <see cref="ChannelKey"/> unless <paramref name="key"/> is given.</summary>
    /// <param name="customize">Edits the claims before signing (remove <c>serviceurl</c>, change <c>iss</c>, …).</param>
    public string ChannelToken(
        string appId,
        string serviceUrl,
        TimeSpan? lifetime = null,
        Action<JsonObject>? customize = null,
        TestSigningKey? key = null,
        string algorithm = "RS256")
    {
        var claims = ChannelClaims(appId, serviceUrl, lifetime);
        customize?.Invoke(claims);
        return TestTokens.Create(key ?? ChannelKey, claims, algorithm);
    }

    /// <summary>Claims of an Emulator token: AAD v1 (<c>appid</c>) for "1.0", v2 (<c>azp</c>) for "2.0", both otherwise.</summary>
    public JsonObject EmulatorClaims(string appId, string version = "1.0", TimeSpan? lifetime = null)
    {
        var now = TimeProvider.GetUtcNow();
        var claims = new JsonObject
        {
            ["aud"] = appId,
            ["iss"] = version == "2.0" ? EmulatorIssuerV2 : EmulatorIssuerV1,
            ["iat"] = TestTokens.NumericDate(now),
            ["nbf"] = TestTokens.NumericDate(now),
            ["exp"] = TestTokens.NumericDate(now + (lifetime ?? TimeSpan.FromHours(1))),
            ["tid"] = BotFrameworkTenantId,
            ["ver"] = version,
        };
        if (version != "2.0")
        {
            claims["appid"] = appId;
        }

        if (version != "1.0")
        {
            claims["azp"] = appId;
        }

        return claims;
    }

    /// <summary>An Emulator token for a bot, signed with <see cref="EmulatorKey"/> unless <paramref name="key"/> is given.</summary>
    public string EmulatorToken(
        string appId,
        string version = "1.0",
        TimeSpan? lifetime = null,
        Action<JsonObject>? customize = null,
        TestSigningKey? key = null)
    {
        var claims = EmulatorClaims(appId, version, lifetime);
        customize?.Invoke(claims);
        return TestTokens.Create(key ?? EmulatorKey, claims);
    }

    /// <summary>A bot-to-bot (skill) token: another bot's <c>appid</c> calling <paramref name="botAppId"/>.</summary>
    public string SkillToken(string callerAppId, string botAppId)
    {
        var claims = EmulatorClaims(botAppId);
        claims["appid"] = callerAppId;
        return TestTokens.Create(EmulatorKey, claims);
    }

    /// <summary>Serves another channel key too; the server disposes it.</summary>
    public TestSigningKey AddChannelKey(TestSigningKey key)
    {
        lock (_lock)
        {
            _channelKeys.Add(Own(key));
            return key;
        }
    }

    /// <summary>Replaces every channel key with a new one, which becomes <see cref="ChannelKey"/>. Old keys stay
    /// usable for signing (tokens from before the rotation) but are no longer served.</summary>
    public TestSigningKey RotateChannelKey(IReadOnlyList<string>? endorsements = null)
    {
        var key = new TestSigningKey(endorsements: endorsements ?? DefaultEndorsements);
        lock (_lock)
        {
            _channelKeys.Clear();
            _channelKeys.Add(Own(key));
            ChannelKey = key;
            return key;
        }
    }

    /// <summary>Serves another Emulator key too; the server disposes it.</summary>
    public TestSigningKey AddEmulatorKey(TestSigningKey key)
    {
        lock (_lock)
        {
            _emulatorKeys.Add(Own(key));
            return key;
        }
    }

    /// <summary>
    /// The next <paramref name="count"/> token requests (either endpoint) answer <paramref name="statusCode"/> with the
    /// OAuth <paramref name="error"/> (default <c>temporarily_unavailable</c> for 5xx, else <c>invalid_request</c>) and,
    /// when given, a <c>Retry-After</c> header (seconds).
    /// </summary>
    public void FailNextTokenRequests(int count, int statusCode = StatusCodes.Status503ServiceUnavailable, string? error = null, int? retryAfterSeconds = null)
    {
        Volatile.Write(ref _failureStatus, statusCode);
        Volatile.Write(ref _failureError, error);
        Volatile.Write(ref _failureRetryAfter, retryAfterSeconds?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Volatile.Write(ref _failuresToInject, count);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        lock (_lock)
        {
            foreach (var key in _owned)
            {
                key.Dispose();
            }
        }
    }

    private static string TokenValue(int n) => $"fake-token-{n}";

    private TestSigningKey Own(TestSigningKey key)
    {
        lock (_lock)
        {
            _owned.Add(key);
        }

        return key;
    }

    private void MapEndpoints()
    {
        _app.MapGet("/channel/.well-known/openidconfiguration", () =>
            Metadata(ref _channelMetadataRequests, ChannelIssuer, BaseUrl + "/channel/keys"));
        _app.MapGet("/channel/keys", () => Keys(ref _channelKeysRequests, _channelKeys));
        _app.MapGet("/emulator/.well-known/openid-configuration", () =>
            Metadata(ref _emulatorMetadataRequests, EmulatorIssuerV2, BaseUrl + "/emulator/keys"));
        _app.MapGet("/emulator/keys", () => Keys(ref _emulatorKeysRequests, _emulatorKeys));
        _app.MapPost("/{tenant}/oauth2/v2.0/token", ClientCredentialsAsync);
        _app.MapGet("/msi/token", ManagedIdentity);
    }

    private IResult Metadata(ref int counter, string issuer, string jwksUri)
    {
        Interlocked.Increment(ref counter);
        if (MetadataUnavailable)
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        return Json(new JsonObject
        {
            ["issuer"] = issuer,
            ["authorization_endpoint"] = BaseUrl + "/authorize",
            ["jwks_uri"] = jwksUri,
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
        });
    }

    private IResult Keys(ref int counter, List<TestSigningKey> keys)
    {
        Interlocked.Increment(ref counter);
        lock (_lock)
        {
            return Json(new JsonObject { ["keys"] = new JsonArray([.. keys.Select(k => k.ToJwk())]) });
        }
    }

    private async Task<IResult> ClientCredentialsAsync(string tenant, HttpRequest request, CancellationToken cancellationToken)
    {
        var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken) : null;
        var received = new IdentityTokenRequest(
            tenant, form?["grant_type"], form?["client_id"], form?["client_secret"], form?["scope"]);
        lock (_lock)
        {
            _tokenRequests.Add(received);
        }

        if (TryInjectFailure(request.HttpContext.Response) is { } failure)
        {
            return failure;
        }

        if (received.GrantType != "client_credentials")
        {
            return OAuthError(StatusCodes.Status400BadRequest, "unsupported_grant_type");
        }

        if (string.IsNullOrEmpty(received.ClientId) || string.IsNullOrEmpty(received.ClientSecret) || string.IsNullOrEmpty(received.Scope))
        {
            return OAuthError(StatusCodes.Status400BadRequest, "invalid_request");
        }

        if (!received.Scope.EndsWith("/.default", StringComparison.Ordinal))
        {
            return OAuthError(StatusCodes.Status400BadRequest, "invalid_scope");
        }

        if ((ExpectedClientId is { } id && id != received.ClientId) || (ExpectedClientSecret is { } secret && secret != received.ClientSecret))
        {
            return OAuthError(StatusCodes.Status401Unauthorized, "invalid_client");
        }

        return Json(new JsonObject
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = TokenExpiresInSeconds,
            ["ext_expires_in"] = TokenExpiresInSeconds,
            ["access_token"] = SignedAccessTokens ? SignedAccessToken(tenant, received.ClientId) : TokenValue(Interlocked.Increment(ref _issuedTokens)),
        });
    }

    private string SignedAccessToken(string tenant, string clientId)
    {
        Interlocked.Increment(ref _issuedTokens);
        var now = TimeProvider.GetUtcNow();
        var token = TestTokens.Create(AccessTokenKey, new JsonObject
        {
            ["aud"] = BotFrameworkAudience,
            ["iss"] = AccessTokenIssuer(tenant),
            ["appid"] = clientId,
            ["nbf"] = TestTokens.NumericDate(now),
            ["exp"] = TestTokens.NumericDate(now.AddSeconds(TokenExpiresInSeconds)),
            ["jti"] = Guid.NewGuid().ToString("N"),
        });
        Volatile.Write(ref _lastSignedToken, token);
        return token;
    }

    private IResult ManagedIdentity(HttpRequest request)
    {
        var received = new ManagedIdentityTokenRequest(
            request.Query["api-version"], request.Query["resource"], request.Query["client_id"], request.Headers["Metadata"]);
        lock (_lock)
        {
            _managedIdentityRequests.Add(received);
        }

        if (TryInjectFailure(request.HttpContext.Response) is { } failure)
        {
            return failure;
        }

        if (received.MetadataHeader != "true" || string.IsNullOrEmpty(received.Resource) || string.IsNullOrEmpty(received.ClientId))
        {
            return OAuthError(StatusCodes.Status400BadRequest, "invalid_request");
        }

        // IMDS sends its numbers as strings.
        var expiresOn = TimeProvider.GetUtcNow().AddSeconds(TokenExpiresInSeconds).ToUnixTimeSeconds();
        return Json(new JsonObject
        {
            ["access_token"] = TokenValue(Interlocked.Increment(ref _issuedTokens)),
            ["client_id"] = received.ClientId,
            ["expires_in"] = TokenExpiresInSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["expires_on"] = expiresOn.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["resource"] = received.Resource,
            ["token_type"] = "Bearer",
        });
    }

    private IResult? TryInjectFailure(HttpResponse response)
    {
        while (true)
        {
            var remaining = Volatile.Read(ref _failuresToInject);
            if (remaining <= 0)
            {
                return null;
            }

            if (Interlocked.CompareExchange(ref _failuresToInject, remaining - 1, remaining) == remaining)
            {
                var status = Volatile.Read(ref _failureStatus);
                if (Volatile.Read(ref _failureRetryAfter) is { } retryAfter)
                {
                    response.Headers.RetryAfter = retryAfter;
                }

                return OAuthError(status, Volatile.Read(ref _failureError) ?? (status >= 500 ? "temporarily_unavailable" : "invalid_request"));
            }
        }
    }

    private static IResult OAuthError(int status, string error) =>
        Results.Text(new JsonObject { ["error"] = error, ["error_description"] = ErrorDescription }.ToJsonString(), "application/json", statusCode: status);

    private static IResult Json(JsonObject body) => Results.Text(body.ToJsonString(), "application/json");
}
