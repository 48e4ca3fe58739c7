using System.Globalization;
using Microsoft.AspNetCore.Http;
using TriageBot.Schema;

namespace TriageBot.Channels.DirectLine;

/// <summary>Direct Line's error envelope, <c>{"error":{"code","message"}}</c>, with the codes Azure Direct Line uses.</summary>
internal static class DirectLineErrors
{
    public const string BadArgument = "BadArgument";
    public const string Unauthorized = "Unauthorized";
    public const string TokenExpired = "TokenExpired";
    public const string Forbidden = "Forbidden";
    public const string NotFound = "NotFound";
    public const string MessageSizeTooBig = "MessageSizeTooBig";
    public const string TooManyRequests = "TooManyRequests";
    public const string BotError = "BotError";
    public const string ServiceUnavailable = "ServiceUnavailable";

    public static IResult Error(int status, string code, string message) =>
        Results.Json(new ErrorResponse(new ErrorDetail(code, message)), SchemaJsonContext.Default.ErrorResponse, statusCode: status);

    public static IResult ConversationNotFound() =>
        Error(StatusCodes.Status404NotFound, NotFound, "The conversation does not exist or has ended.");

    /// <summary>A token chain past its total lifetime (the retention period): refresh and reconnect stop here.</summary>
    public static IResult ChainEnded() =>
        Error(StatusCodes.Status403Forbidden, TokenExpired, "The token has reached its total lifetime; start a new conversation.");

    public static IResult BadRequest(string message) => Error(StatusCodes.Status400BadRequest, BadArgument, message);

    public static IResult TooLarge(long limit) =>
        Error(StatusCodes.Status413PayloadTooLarge, MessageSizeTooBig, $"The request exceeds the limit of {limit} bytes.");

    /// <summary>429 or 503 with <c>Retry-After</c> in whole seconds (at least one).</summary>
    public static IResult RetryLater(HttpResponse response, int status, string code, string message, TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(response);
        var seconds = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds));
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Error(status, code, message);
    }

    public static IResult Bot() =>
        Error(StatusCodes.Status502BadGateway, BotError, "The bot could not process the activity; try again.");
}
