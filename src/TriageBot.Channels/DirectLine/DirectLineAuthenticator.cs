using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TriageBot.Channels.DirectLine;

/// <summary>
/// Checks <c>Authorization: Bearer {secret|token}</c>. The secret opens every route; a token opens only its own
/// conversation. Missing, malformed or forged credentials get 401, an expired token 403 <c>TokenExpired</c>
/// (DirectLineJS reads 403 as "expired"), and a valid token for another conversation 403 <c>Forbidden</c>.
/// Whether the conversation still exists is the route's question: a token for a deleted or purged one gets 404.
/// </summary>
internal sealed class DirectLineAuthenticator(DirectLineSecret secret, DirectLineTokens tokens, TimeProvider timeProvider, ILogger<DirectLineAuthenticator> logger)
{
    private const string BearerPrefix = "Bearer ";

    /// <summary>
    /// Stream tokens spent within one <c>StreamUrlLifetime</c>, at most: far above what one instance connects in a
    /// minute. When full, new connects wait (429) rather than a used URL being forgotten early.
    /// </summary>
    private const int MaxSpentStreamTokens = 16_384;

    private readonly ExpiringIdSet _spentStreamTokens = new(MaxSpentStreamTokens, timeProvider);

    /// <param name="conversationId">The conversation the route addresses; null for routes that name none.</param>
    /// <param name="allowSecret">False for routes that need a token (refresh).</param>
    /// <param name="allowToken">False for routes that need the secret (generate).</param>
    public DirectLineAuth Authenticate(HttpRequest request, string route, string? conversationId, bool allowSecret = true, bool allowToken = true)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) || header.Length == BearerPrefix.Length)
        {
            return Refuse(route, StatusCodes.Status401Unauthorized, DirectLineErrors.Unauthorized, "missing",
                "Send Authorization: Bearer with the Direct Line secret or a token.");
        }

        var credential = header[BearerPrefix.Length..].Trim();
        if (secret.Matches(credential))
        {
            return allowSecret
                ? DirectLineAuth.Success(DirectLineCaller.Secret)
                : Refuse(route, StatusCodes.Status403Forbidden, DirectLineErrors.Forbidden, "secret-not-allowed", "This call needs a token, not the secret.");
        }

        var check = tokens.Validate(credential);
        return check.Status switch
        {
            TokenStatus.Invalid => Refuse(route, StatusCodes.Status401Unauthorized, DirectLineErrors.Unauthorized, "invalid", "The credential is not valid."),
            TokenStatus.Expired => Refuse(route, StatusCodes.Status403Forbidden, DirectLineErrors.TokenExpired, "expired", "The token has expired."),
            _ when check.Claims!.Scope != DirectLineTokens.ConversationScope || !allowToken =>
                Refuse(route, StatusCodes.Status403Forbidden, DirectLineErrors.Forbidden, "wrong-scope", "This credential cannot be used for this call."),
            _ when conversationId is not null && conversationId != check.Claims.ConversationId =>
                Refuse(route, StatusCodes.Status403Forbidden, DirectLineErrors.Forbidden, "other-conversation", "The token is for another conversation."),
            _ => DirectLineAuth.Success(new DirectLineCaller(check.Claims, credential)),
        };
    }

    /// <summary>The credential of a <c>streamUrl</c>: a short-lived stream token for this conversation, in <c>t=</c>.</summary>
    public DirectLineAuth AuthenticateStream(string? streamToken, string conversationId)
    {
        const string route = "stream";
        var check = string.IsNullOrEmpty(streamToken) ? TokenCheck.Invalid : tokens.Validate(streamToken);
        return check.Status switch
        {
            TokenStatus.Invalid => Refuse(route, StatusCodes.Status401Unauthorized, DirectLineErrors.Unauthorized, "invalid", "The stream URL is not valid."),
            TokenStatus.Expired => Refuse(route, StatusCodes.Status403Forbidden, DirectLineErrors.TokenExpired, "expired", "The stream URL has expired; reconnect to get a new one."),
            _ when check.Claims!.Scope != DirectLineTokens.StreamScope || check.Claims.ConversationId != conversationId =>
                Refuse(route, StatusCodes.Status403Forbidden, DirectLineErrors.Forbidden, "wrong-scope", "The stream URL is not for this conversation."),
            _ => DirectLineAuth.Success(new DirectLineCaller(check.Claims, streamToken)),
        };
    }

    /// <summary>
    /// A <c>streamUrl</c> opens one socket: its token is spent here, and kept as spent until it expires. Called
    /// just before the socket is accepted, so a refused attempt (wrong origin, not a WebSocket) spends nothing, and
    /// a replayed URL never displaces the live stream. Null when spent now; otherwise the refusal.
    /// </summary>
    public IResult? SpendStreamToken(TokenClaims claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        if (_spentStreamTokens.TryAdd(claims.Id, claims.ExpiresAt))
        {
            return null;
        }

        return _spentStreamTokens.Contains(claims.Id)
            ? Refuse("stream", StatusCodes.Status403Forbidden, DirectLineErrors.TokenExpired, "stream-url-used", "The stream URL was already used; reconnect to get a new one.").Failure
            : Refuse("stream", StatusCodes.Status429TooManyRequests, DirectLineErrors.TooManyRequests, "stream-busy", "Too many streams are opening; reconnect shortly.").Failure;
    }

    private DirectLineAuth Refuse(string route, int status, string code, string reason, string message)
    {
        DirectLineLog.CredentialRejected(logger, route, status, reason);
        var error = DirectLineErrors.Error(status, code, message);
        return DirectLineAuth.Failed(status == StatusCodes.Status401Unauthorized ? new ChallengeResult(error) : error);
    }

    /// <summary>A 401 says which scheme to use, as RFC 9110 asks.</summary>
    private sealed class ChallengeResult(IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.WWWAuthenticate = "Bearer";
            return inner.ExecuteAsync(httpContext);
        }
    }
}

/// <summary>Who is calling: the secret holder (a trusted backend), or a token holder with the token's claims.</summary>
internal sealed record DirectLineCaller(TokenClaims? Claims, string? Token)
{
    public static readonly DirectLineCaller Secret = new(null, null);

    public bool IsSecret => Claims is null;

    /// <summary>The user the token vouches for; it overrides whatever <c>from.id</c> the client sends.</summary>
    public string? UserId => Claims?.UserId;
}

/// <summary>Either a caller or the response refusing the request.</summary>
internal sealed record DirectLineAuth(DirectLineCaller? Caller, IResult? Failure)
{
    public static DirectLineAuth Success(DirectLineCaller caller) => new(caller, null);

    public static DirectLineAuth Failed(IResult failure) => new(null, failure);
}
