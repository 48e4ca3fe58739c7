using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TriageBot.Schema;

namespace TriageBot.Channels.BotConnector.Authentication;

/// <summary>
/// Validates the Bearer JWT on requests from Azure Bot Service channels and the Emulator, as Bot Builder's
/// JwtTokenValidation does (protocol reference §4.2): read the token strictly (<see cref="UnverifiedJwt"/>, nothing
/// fetched yet), classify it from its unverified claims, find its key in that kind's OpenID keys, let IdentityModel's
/// <see cref="JsonWebTokenHandler"/> check the RS256/384/512 signature, issuer, audience and lifetime (5 minutes of
/// skew), then check what only Bot Framework knows: key endorsements, <c>serviceurl</c>, the Emulator's app id claim.
/// Skill (bot-to-bot) tokens are refused: no skill allow-list is configured.
/// </summary>
public sealed class JwtInboundAuthenticator : IInboundAuthenticator
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly BotAuthenticationSettings _settings;
    private readonly TimeProvider _timeProvider;
    private readonly JsonWebTokenHandler _handler = new();

    /// <exception cref="InvalidOperationException">The options are incomplete (see <see cref="BotAuthenticationServiceCollectionExtensions"/>).</exception>
    public JwtInboundAuthenticator(
        BotAuthenticationOptions options,
        IHttpClientFactory httpClientFactory,
        TimeProvider timeProvider,
        ILogger<JwtInboundAuthenticator> logger)
        : this(BotAuthenticationSettings.Resolve(options), httpClientFactory, timeProvider, logger)
    {
    }

    internal JwtInboundAuthenticator(
        BotAuthenticationSettings settings,
        IHttpClientFactory httpClientFactory,
        TimeProvider timeProvider,
        ILogger<JwtInboundAuthenticator> logger)
    {
        _settings = settings;
        _timeProvider = timeProvider;
        var retriever = new FactoryDocumentRetriever(httpClientFactory, settings.RequireHttpsMetadata, logger);
        ChannelKeys = new OpenIdSigningKeys(settings.ChannelMetadataUrl, retriever, logger, settings.UnknownKidRefreshInterval);
        EmulatorKeys = new OpenIdSigningKeys(settings.EmulatorMetadataUrl, retriever, logger, settings.UnknownKidRefreshInterval);
    }

    internal OpenIdSigningKeys ChannelKeys { get; }
    internal OpenIdSigningKeys EmulatorKeys { get; }

    public async Task<InboundAuthResult> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (ReadBearer(authorizationHeader, out var error) is not { } token)
        {
            return InboundAuthResult.Failure(error);
        }

        if (!UnverifiedJwt.TryRead(token, out var jwt, out error))
        {
            return InboundAuthResult.Failure(error);
        }

        // Bot Builder lets an empty channelId through the endorsement check; we do not.
        if (string.IsNullOrEmpty(activity.ChannelId))
        {
            return InboundAuthResult.Failure("Activity has no channelId");
        }

        var kind = Classify(jwt);
        if (kind == TokenKind.Skill)
        {
            return InboundAuthResult.Failure("Skill (bot-to-bot) tokens are not accepted: no allowed callers are configured");
        }

        var keys = kind == TokenKind.Channel ? ChannelKeys : EmulatorKeys;
        var (key, keyError) = await keys.FindAsync(jwt.KeyId, cancellationToken);
        if (key is null)
        {
            return InboundAuthResult.Failure(keyError ?? "Signing key not found");
        }

        var result = await _handler.ValidateTokenAsync(token, ValidationParameters(kind, key));
        error = result.IsValid
            ? (kind == TokenKind.Channel ? CheckChannelClaims(jwt, key, activity) : CheckEmulatorClaims(jwt, key, activity))
            : Describe(result.Exception, kind);
        return error is null ? InboundAuthResult.Success(_settings.CallerId) : InboundAuthResult.Failure(error);
    }

    /// <summary>Exactly <c>Bearer &lt;token&gt;</c>: two parts separated by one space.</summary>
    private static string? ReadBearer(string? header, out string error)
    {
        error = string.Empty;
        if (string.IsNullOrEmpty(header))
        {
            error = "No Authorization header";
            return null;
        }

        var parts = header.Split(' ');
        if (parts.Length != 2 || parts[0] != "Bearer" || parts[1].Length == 0)
        {
            error = "Authorization header is not 'Bearer <token>'";
            return null;
        }

        return parts[1];
    }

    /// <summary>Bot Builder's order: skill first (a token for another audience from a caller app), then Emulator by issuer.</summary>
    private TokenKind Classify(UnverifiedJwt jwt)
    {
        var audience = jwt.GetString("aud");
        if (jwt.HasClaim("ver")
            && audience is not null
            && !audience.Equals(_settings.BotFrameworkAudience, StringComparison.OrdinalIgnoreCase)
            && AppIdOf(jwt) is { Length: > 0 } appId
            && (appId != audience || appId == BotAuthenticationSettings.AnonymousSkillAppId))
        {
            return TokenKind.Skill;
        }

        return jwt.GetString("iss") is { } issuer && _settings.EmulatorIssuers.Contains(issuer)
            ? TokenKind.Emulator
            : TokenKind.Channel;
    }

    /// <summary>The caller's app id: <c>appid</c> in v1 tokens (or without <c>ver</c>), <c>azp</c> in v2; none otherwise.</summary>
    private static string? AppIdOf(UnverifiedJwt jwt) => jwt.GetString("ver") switch
    {
        null or "1.0" => jwt.GetString("appid"),
        "2.0" => jwt.GetString("azp"),
        _ => null,
    };

    /// <summary>What IdentityModel checks: exactly this key, the allow-listed algorithms, the kind's issuers, our app
    /// id as the audience (no trailing-slash leniency), and a lifetime on our clock.</summary>
    private TokenValidationParameters ValidationParameters(TokenKind kind, SigningKey key) => new()
    {
        ValidAlgorithms = UnverifiedJwt.AllowedAlgorithms,
        IssuerSigningKey = key.Key,
        TryAllIssuerSigningKeys = false,
        RequireSignedTokens = true,
        ValidateIssuer = true,
        ValidIssuers = kind == TokenKind.Channel ? [_settings.ChannelIssuer] : _settings.EmulatorIssuers,
        ValidateAudience = true,
        ValidAudience = _settings.AppId,
        IgnoreTrailingSlashWhenValidatingAudience = false,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = ClockSkew,
        LifetimeValidator = ValidateLifetime,
        LogValidationExceptions = false,
    };

    /// <summary>IdentityModel's own lifetime check reads the system clock; this one reads ours, with the same rules.</summary>
    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _timeProvider.GetUtcNow().UtcDateTime;
        if (expires is null)
        {
            throw new SecurityTokenNoExpirationException();
        }

        if (now > expires.Value + parameters.ClockSkew)
        {
            throw new SecurityTokenExpiredException();
        }

        return notBefore is null || now >= notBefore.Value - parameters.ClockSkew
            ? true
            : throw new SecurityTokenNotYetValidException();
    }

    /// <summary>A fixed reason per failure: IdentityModel's messages are never passed on (they may quote the token).</summary>
    private static string Describe(Exception? exception, TokenKind kind) => exception switch
    {
        SecurityTokenNoExpirationException => "Token has no valid exp",
        SecurityTokenExpiredException => "Token has expired",
        SecurityTokenNotYetValidException => "Token is not valid yet (nbf)",
        SecurityTokenInvalidIssuerException => kind == TokenKind.Channel
            ? "Channel token issuer is not the Bot Framework"
            : "Emulator token issuer is not an allowed Entra issuer",
        SecurityTokenInvalidAudienceException => kind == TokenKind.Channel
            ? "Channel token audience is not this bot's MicrosoftAppId"
            : "Emulator token audience is not this bot's MicrosoftAppId",
        SecurityTokenInvalidAlgorithmException => "Token alg is not allowed",
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => "Token signature is invalid",
        _ => "Token could not be validated",
    };

    private static string? CheckChannelClaims(UnverifiedJwt jwt, SigningKey key, Activity activity)
    {
        // The channel vouches for where replies go; a token for one serviceUrl must not authorize another.
        var serviceUrl = jwt.GetString("serviceurl");
        if (string.IsNullOrEmpty(serviceUrl))
        {
            return "Channel token has no serviceurl claim";
        }

        if (!string.Equals(serviceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return "Channel token serviceurl does not match the activity's serviceUrl";
        }

        // Bot Connector keys say which channels they may sign for; a key without that list is not a channel key.
        return key.Endorsements is { } endorsements && endorsements.Contains(activity.ChannelId!, StringComparer.Ordinal)
            ? null
            : "Signing key is not endorsed for the activity's channelId";
    }

    private string? CheckEmulatorClaims(UnverifiedJwt jwt, SigningKey key, Activity activity)
    {
        var version = jwt.GetString("ver");
        if (version is null)
        {
            return "Emulator token has no ver claim";
        }

        if (version is not ("1.0" or "2.0"))
        {
            return "Emulator token ver is not 1.0 or 2.0";
        }

        if (AppIdOf(jwt) != _settings.AppId)
        {
            return version == "1.0"
                ? "Emulator token appid is not this bot's MicrosoftAppId"
                : "Emulator token azp is not this bot's MicrosoftAppId";
        }

        return key.Endorsements is null || key.Endorsements.Contains(activity.ChannelId!, StringComparer.Ordinal)
            ? null
            : "Signing key is not endorsed for the activity's channelId";
    }
}
