using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using TriageBot.Channels.BotConnector;
using TriageBot.Schema;

namespace TriageBot.Channels.DirectLine;

/// <summary>Start, reconnect, send and poll: the REST half of a Direct Line conversation.</summary>
internal sealed class DirectLineConversationHandlers(
    DirectLineAuthenticator authenticator,
    DirectLineConversationStore store,
    DirectLineTokens tokens,
    DirectLineBotBridge bridge,
    DirectLinePostLimiter limiter,
    DirectLineOptions options,
    TimeProvider timeProvider,
    ILogger<DirectLineConversationHandlers> logger)
{
    /// <summary>Activity types a client may send. Invokes need an answer in the response, which Direct Line has no room for.</summary>
    private static readonly HashSet<string> ClientActivityTypes =
        [ActivityTypes.Message, ActivityTypes.Event, ActivityTypes.Typing, ActivityTypes.EndOfConversation, ActivityTypes.MessageReaction];

    /// <summary>
    /// 201 for a new conversation (the bot is told who joined before this returns, so its welcome is already in the
    /// log the stream replays); 200 when the token's conversation was started before.
    /// </summary>
    public async Task<IResult> StartAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var auth = authenticator.Authenticate(request, "conversations", conversationId: null);
        if (auth.Failure is { } failure)
        {
            return failure;
        }

        var (body, invalid) = await DirectLineRequests.ReadOptionalAsync(request, DirectLineJsonContext.Default.TokenRequest, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        var caller = auth.Caller!;
        if (store.Fleet is null && caller.Claims is { } claims && store.HasEnded(claims.ConversationId))
        {
            // A deleted or purged conversation is not started again by a token that outlived it.
            return DirectLineErrors.ConversationNotFound();
        }

        // A token decides the conversation and user; the secret holder is a trusted backend and may name the user.
        var bodyUser = body?.User?.Id is { } named && DirectLineRequests.IsAcceptableUserId(named) ? named : null;
        var conversationId = caller.Claims?.ConversationId ?? DirectLineIds.NewConversationId();
        var userId = caller.IsSecret ? bodyUser : caller.UserId;
        var (started, created, retryAfter, clientAtCap, ended) = store.Fleet is { } fleet
            ? await fleet.StartAsync(conversationId, userId, body?.Locale, ClientKey(request, caller), cancellationToken)
            : store.Start(conversationId, userId, body?.Locale, ClientKey(request, caller));
        if (ended)
        {
            // Ended on some instance of the fleet (the shared log remembers it as the memory store's set does).
            return DirectLineErrors.ConversationNotFound();
        }

        if (clientAtCap)
        {
            return DirectLineErrors.RetryLater(request.HttpContext.Response, StatusCodes.Status429TooManyRequests, DirectLineErrors.TooManyRequests,
                "Too many conversations from this address; end one or try again later.", retryAfter);
        }

        if (started is not { } conversation)
        {
            // Every conversation held is in use: refusing a newcomer beats evicting a patient mid-conversation.
            return DirectLineErrors.RetryLater(request.HttpContext.Response, StatusCodes.Status503ServiceUnavailable, DirectLineErrors.ServiceUnavailable,
                "The chat is busy; try again shortly.", retryAfter);
        }

        var issued = caller.IsSecret ? tokens.IssueConversationToken(conversation.Id, userId) : new IssuedToken(caller.Token!, caller.Claims!);
        if (created && store.Fleet is null && store.HasEnded(conversation.Id) && store.Delete(conversation.Id))
        {
            // It ended while this call was starting it again.
            return DirectLineErrors.ConversationNotFound();
        }

        if (created)
        {
            DirectLineLog.ConversationStarted(logger, conversation.LogId, userId is not null);
            using var busy = store.Use(conversation);
            if (await RunAsync(conversation, "start", ct => bridge.StartAsync(conversation, DirectLineUrls.ServiceUrl(request), ct), cancellationToken) is { } botFailure)
            {
                return botFailure;
            }
        }

        var response = Describe(request, conversation, issued, watermark: null);
        return Results.Json(response, DirectLineJsonContext.Default.ConversationResponse,
            statusCode: created ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    /// <summary>After a dropped socket: a fresh token and a <c>streamUrl</c> that resumes after the watermark.</summary>
    public async Task<IResult> ReconnectAsync(HttpRequest request, string conversationId, string? watermark, CancellationToken cancellationToken)
    {
        var (conversation, caller, failure) = await OpenAsync(request, "conversations/{id}", conversationId, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        // A token caller stays in its chain (same oit and total lifetime); the secret holder starts a new one.
        var issued = caller!.IsSecret ? tokens.IssueConversationToken(conversation!.Id, conversation.UserId) : tokens.Renew(caller.Claims!);
        if (issued is null)
        {
            return DirectLineErrors.ChainEnded();
        }

        var response = Describe(request, conversation!, issued, DirectLineUrls.ParseWatermark(watermark));
        return Results.Json(response, DirectLineJsonContext.Default.ConversationResponse);
    }

    public async Task<IResult> PostActivityAsync(HttpRequest request, string conversationId, CancellationToken cancellationToken)
    {
        var (conversation, caller, failure) = await OpenAsync(request, "activities", conversationId, cancellationToken);
        if ((failure ?? Admit(request, conversation!)) is { } refused)
        {
            return refused;
        }

        var read = await ActivityRequestReader.ReadAsync(request, options.MaxActivityBytes, cancellationToken);
        if (read.Activity is not { } activity)
        {
            return Reject(conversation!, read.Status, read.Title ?? "unreadable", read.Status == StatusCodes.Status413PayloadTooLarge
                ? DirectLineErrors.TooLarge(options.MaxActivityBytes)
                : DirectLineErrors.Error(read.Status, DirectLineErrors.BadArgument, read.Detail ?? "The body is not an activity."));
        }

        return await PostAsync(request, conversation!, caller!, activity, files: [], cancellationToken);
    }

    /// <summary>Addresses a client's activity, hands it to the bot and answers with the id the echo carries.</summary>
    public async Task<IResult> PostAsync(
        HttpRequest request, DirectLineConversation conversation, DirectLineCaller caller, Activity activity, IReadOnlyList<DirectLineFile> files, CancellationToken cancellationToken)
    {
        if (activity.Type is null || !ClientActivityTypes.Contains(activity.Type))
        {
            return Reject(conversation, StatusCodes.Status400BadRequest, "activity-type",
                DirectLineErrors.BadRequest("Clients may send message, event, typing, messageReaction and endOfConversation activities."));
        }

        // A token that names its user decides who is speaking; otherwise the client must say.
        var userId = caller.UserId ?? activity.From?.Id;
        if (string.IsNullOrEmpty(userId))
        {
            return Reject(conversation, StatusCodes.Status400BadRequest, "from-id", DirectLineErrors.BadRequest("The activity needs from.id."));
        }

        var inbound = activity with
        {
            ChannelId = ChannelIds.DirectLine,
            ServiceUrl = DirectLineUrls.ServiceUrl(request),
            Conversation = new ConversationAccount { Id = conversation.Id },
            From = (activity.From ?? new ChannelAccount()) with { Id = userId, Role = RoleTypes.User },
            Recipient = bridge.Bot,

            // Set by the service after authentication, never taken from the wire; replies go to the log, not a body.
            CallerId = null,
            DeliveryMode = null,
        };

        Activity? echo = null;
        using var busy = store.Use(conversation);
        var botFailure = await RunAsync(conversation, activity.Type, async ct => echo = await bridge.PostAsync(conversation, inbound, files, ct), cancellationToken);
        return botFailure ?? (echo is null
            ? DirectLineErrors.ConversationNotFound()
            : Results.Json(new ResourceResponse(echo.Id), SchemaJsonContext.Default.ResourceResponse));
    }

    /// <summary>Polling: what was stored after the watermark. Typing is never stored, so it never shows up here.</summary>
    public async Task<IResult> GetActivitiesAsync(HttpRequest request, string conversationId, string? watermark, CancellationToken cancellationToken)
    {
        // With a shared log, finding the conversation reads what other instances stored since this one last looked.
        var (conversation, _, failure) = await OpenAsync(request, "activities", conversationId, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        // One page per poll: DirectLineJS polls again from the watermark, so a long log is read over several.
        var batch = conversation!.After(DirectLineUrls.ParseWatermark(watermark), options.MaxActivitiesPerPage);
        return Results.Bytes(ActivitySetJson.Write(batch.Entries, batch.Watermark), "application/json; charset=utf-8");
    }

    /// <summary>
    /// DirectLineJS asks for a session id only in the OAuthCard sign-in flow, which this bot does not use; it
    /// treats an empty one exactly as it treats a failure, so answer that, politely.
    /// </summary>
    public IResult SessionId(HttpRequest request)
    {
        var auth = authenticator.Authenticate(request, "session", conversationId: null);
        return auth.Failure ?? Results.Json(new SessionResponse(""), DirectLineJsonContext.Default.SessionResponse);
    }

    /// <summary>
    /// Authenticates for a conversation route and finds the conversation (404 when it does not exist); with a shared
    /// log, wherever it was started, and caught up with what every instance stored.
    /// </summary>
    public async ValueTask<(DirectLineConversation? Conversation, DirectLineCaller? Caller, IResult? Failure)> OpenAsync(
        HttpRequest request, string route, string conversationId, CancellationToken cancellationToken)
    {
        var auth = authenticator.Authenticate(request, route, conversationId);
        if (auth.Failure is { } failure)
        {
            return (null, null, failure);
        }

        var found = store.Fleet is { } fleet ? await fleet.FindAsync(conversationId, cancellationToken) : store.Find(conversationId);
        return found is { } conversation
            ? (conversation, auth.Caller, null)
            : (null, null, DirectLineErrors.ConversationNotFound());
    }

    /// <summary>The per-conversation post rate: null when this post may go ahead, else the 429 to answer.</summary>
    public IResult? Admit(HttpRequest request, DirectLineConversation conversation) => limiter.Admit(request.HttpContext.Response, conversation);

    /// <summary>
    /// Who a new conversation counts against (<see cref="ClientPartition"/>, after forwarded headers), or null for
    /// callers not capped per client: a secret holder is a trusted backend that could mint any number of tokens
    /// anyway, and loopback is this host (its own pages' broker, tests), as the edge limiter treats it.
    /// </summary>
    private static string? ClientKey(HttpRequest request, DirectLineCaller caller)
    {
        var address = request.HttpContext.Connection.RemoteIpAddress;
        return caller.IsSecret || ClientPartition.IsLoopback(address) ? null : ClientPartition.Key(address);
    }

    private ConversationResponse Describe(HttpRequest request, DirectLineConversation conversation, IssuedToken issued, long? watermark)
    {
        var stream = tokens.IssueStreamToken(issued.Claims);
        return new ConversationResponse(conversation.Id, issued.Token, issued.ExpiresIn(timeProvider),
            DirectLineUrls.StreamUrl(request, conversation.Id, stream.Token, watermark));
    }

    /// <summary>
    /// Runs bot work; a failure outside the bot's own error handling (the turn middleware already turns bot
    /// exceptions into an apology) becomes 502 <c>BotError</c>. Only the exception's type is logged.
    /// </summary>
    private async Task<IResult?> RunAsync(DirectLineConversation conversation, string activityType, Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        try
        {
            await work(cancellationToken);
            return null;
        }
        catch (Exception e) when (!(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            var exceptionType = e.GetType().Name;
            DirectLineLog.TurnFailed(logger, conversation.LogId, activityType, exceptionType);
            return DirectLineErrors.Bot();
        }
    }

    private IResult Reject(DirectLineConversation conversation, int status, string reason, IResult result)
    {
        DirectLineLog.ActivityRejected(logger, conversation.LogId, status, reason);
        return result;
    }
}
