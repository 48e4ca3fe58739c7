using Microsoft.Extensions.Logging;
using TriageBot.Schema;

namespace TriageBot.Channels.BotConnector.Authentication;

/// <summary>
/// Validates the Bearer JWT on requests from Azure Bot Service channels and the Emulator, as Bot Builder's
/// JwtTokenValidation does (protocol reference §4.2): classify the token from its unverified claims, verify the RS256/384/512
/// signature with that kind's OpenID keys, check lifetime with 5 minutes of skew, then the kind's claims. Skill
/// (bot-to-bot) tokens are refused: no skill allow-list is configured.
/// </summary>
public sealed class JwtInboundAuthenticator : IInboundAuthenticator, IDisposable
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly BotAuthenticationSettings _settings;
    private readonly TimeProvider _timeProvider;
    private readonly OpenIdKeyCache _keys;

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
        _keys = new OpenIdKeyCache(httpClientFactory, timeProvider, logger);
    }

    public async Task<InboundAuthResult> AuthenticateAsync(string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (ReadBearer(authorizationHeader, out var error) is not { } token)
        {
            return InboundAuthResult.Failure(error);
        }

        if (!JwtToken.TryParse(token, out var jwt, out error))
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

        var metadataUrl = kind == TokenKind.Channel ? _settings.ChannelMetadataUrl : _settings.EmulatorMetadataUrl;
        var (key, keyError) = await _keys.GetKeyAsync(metadataUrl, jwt.KeyId, cancellationToken);
        if (key is null)
        {
            return InboundAuthResult.Failure(keyError ?? "Signing key not found");
        }

        if (!jwt.VerifySignature(key.Parameters))
        {
            return InboundAuthResult.Failure("Token signature is invalid");
        }

        error = CheckLifetime(jwt) ?? (kind == TokenKind.Channel
            ? CheckChannelClaims(jwt, key, activity)
            : CheckEmulatorClaims(jwt, key, activity));
        return error is null ? InboundAuthResult.Success(_settings.CallerId) : InboundAuthResult.Failure(error);
    }

    public void Dispose() => _keys.Dispose();

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
    private TokenKind Classify(JwtToken jwt)
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
    private static string? AppIdOf(JwtToken jwt) => jwt.GetString("ver") switch
    {
        null or "1.0" => jwt.GetString("appid"),
        "2.0" => jwt.GetString("azp"),
        _ => null,
    };

    private string? CheckLifetime(JwtToken jwt)
    {
        var now = _timeProvider.GetUtcNow();
        if (!jwt.TryGetNumericDate("exp", out var expires, out _))
        {
            return "Token has no valid exp";
        }

        if (now > expires + ClockSkew)
        {
            return "Token has expired";
        }

        if (jwt.TryGetNumericDate("nbf", out var notBefore, out var hasNotBefore))
        {
            return now < notBefore - ClockSkew ? "Token is not valid yet (nbf)" : null;
        }

        return hasNotBefore ? "Token nbf is malformed" : null;
    }

    private string? CheckChannelClaims(JwtToken jwt, SigningKey key, Activity activity)
    {
        if (jwt.GetString("iss") != _settings.ChannelIssuer)
        {
            return "Channel token issuer is not the Bot Framework";
        }

        if (jwt.GetString("aud") != _settings.AppId)
        {
            return "Channel token audience is not this bot's MicrosoftAppId";
        }

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

    private string? CheckEmulatorClaims(JwtToken jwt, SigningKey key, Activity activity)
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

        if (jwt.GetString("aud") != _settings.AppId)
        {
            return "Emulator token audience is not this bot's MicrosoftAppId";
        }

        return key.Endorsements is null || key.Endorsements.Contains(activity.ChannelId!, StringComparer.Ordinal)
            ? null
            : "Signing key is not endorsed for the activity's channelId";
    }
}
