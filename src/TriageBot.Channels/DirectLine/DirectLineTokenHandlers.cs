using Microsoft.AspNetCore.Http;

namespace TriageBot.Channels.DirectLine;

/// <summary>
/// Tokens: <c>tokens/generate</c> (a backend swaps the secret for a token to a new conversation),
/// <c>tokens/refresh</c> (a client extends its token), and the page's own <c>/api/chat/token</c>, which mints a
/// user-scoped token so the secret never reaches a browser.
/// </summary>
internal sealed class DirectLineTokenHandlers(
    DirectLineAuthenticator authenticator, DirectLineTokens tokens, DirectLineConversationStore store, TimeProvider timeProvider)
{
    public async Task<IResult> GenerateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var auth = authenticator.Authenticate(request, "tokens/generate", conversationId: null, allowToken: false);
        if (auth.Failure is { } failure)
        {
            return failure;
        }

        var (body, invalid) = await DirectLineRequests.ReadOptionalAsync(request, DirectLineJsonContext.Default.TokenRequest, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        var userId = body?.User?.Id;
        if (userId is not null && !DirectLineRequests.IsAcceptableUserId(userId))
        {
            return DirectLineErrors.BadRequest("user.id must be 1-256 characters without control characters.");
        }

        return Token(tokens.IssueConversationToken(DirectLineIds.NewConversationId(), userId));
    }

    /// <summary>
    /// A new token for the same conversation and user, in the same chain (it keeps <c>oit</c>, so refreshing never
    /// goes past the chain's total lifetime: 403 <c>TokenExpired</c> after that). Only a live token for a
    /// conversation the service still holds can be refreshed (404 otherwise: DirectLineJS then stops refreshing).
    /// </summary>
    public async Task<IResult> RefreshAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var auth = authenticator.Authenticate(request, "tokens/refresh", conversationId: null, allowSecret: false);
        if (auth.Failure is { } failure)
        {
            return failure;
        }

        var claims = auth.Caller!.Claims!;
        var held = store.Fleet is { } fleet ? await fleet.FindAsync(claims.ConversationId, cancellationToken) is not null : store.Contains(claims.ConversationId);
        if (!held)
        {
            return DirectLineErrors.ConversationNotFound();
        }

        return tokens.Renew(claims) is { } renewed ? Token(renewed) : DirectLineErrors.ChainEnded();
    }

    /// <summary>For the clinic's page: a new conversation and a new <c>dl_</c> user, no credential needed (rate-limited per IP).</summary>
    public IResult ChatToken()
    {
        var userId = DirectLineIds.NewUserId();
        var issued = tokens.IssueConversationToken(DirectLineIds.NewConversationId(), userId);
        var body = new ChatTokenResponse(issued.Claims.ConversationId, issued.Token, issued.ExpiresIn(timeProvider), userId);
        return Results.Json(body, DirectLineJsonContext.Default.ChatTokenResponse);
    }

    private IResult Token(IssuedToken issued) =>
        Results.Json(new TokenResponse(issued.Claims.ConversationId, issued.Token, issued.ExpiresIn(timeProvider)), DirectLineJsonContext.Default.TokenResponse);
}
