using Microsoft.Extensions.Logging;
using TriageBot.Runtime;

namespace TriageBot.Channels;

/// <summary>
/// Channel log events (ids 1000-1999): activity types, hashed ids, status codes; never text or tokens. Anything a
/// request chose (channel id, type, id, a reason built from it, the channel's error code) passes through
/// <see cref="LogValues"/> here, so no call site can forget it.
/// </summary>
internal static partial class ChannelsLog
{
    [LoggerMessage(EventId = 1000, EventName = "ActivityRejected", Level = LogLevel.Information,
        Message = "Rejected request to /api/messages. Status={Status} Reason={Reason}")]
    public static partial void ActivityRejected(ILogger logger, int status, string reason);

    public static void Unauthorized(ILogger logger, string? channelId, string? reason)
    {
        if (logger.IsEnabled(LogLevel.Warning))
        {
            LogUnauthorized(logger, LogValues.ChannelId(channelId), LogValues.Reason(reason));
        }
    }

    /// <summary>
    /// A turn answered with a success is Debug: each turn is already counted and timed by the <c>triagebot.turns</c>
    /// metrics and its span, and at Information the line cost about 8 % of a turn's CPU (formatting plus the console
    /// queue; deployment/bench/README.md). A turn answered with an error status stays Information.
    /// </summary>
    public static void TurnCompleted(ILogger logger, string? channelId, string? activityType, string? activityId, int replies, int status, long elapsedMs)
    {
        var level = status < 400 ? LogLevel.Debug : LogLevel.Information;
        if (logger.IsEnabled(level))
        {
            var (channel, type, id) = (LogValues.ChannelId(channelId), LogValues.ActivityType(activityType), LogValues.Id(activityId));
            LogTurnCompleted(logger, level, channel, type, id, replies, status, elapsedMs);
        }
    }

    public static void ReplyRetrying(ILogger logger, string? activityType, int? status, int attempt, long delayMs)
    {
        if (logger.IsEnabled(LogLevel.Warning))
        {
            LogReplyRetrying(logger, LogValues.ActivityType(activityType), status, attempt, delayMs);
        }
    }

    /// <param name="failure"><c>status</c> (the channel answered <paramref name="status"/>), <c>timeout</c> or <c>unreachable</c>.</param>
    public static void ReplyFailed(ILogger logger, string? activityType, string failure, int? status, string? errorCode)
    {
        if (logger.IsEnabled(LogLevel.Error))
        {
            LogReplyFailed(logger, LogValues.ActivityType(activityType), failure, status, LogValues.Code(errorCode));
        }
    }

    [LoggerMessage(EventId = 1005, EventName = "BotConnectorDisabled", Level = LogLevel.Warning,
        Message = "The Bot Connector endpoint /api/messages is disabled: no MicrosoftAppId is configured and anonymous access is not allowed in environment {Environment}; every request gets 401. The website chat (Direct Line) is not affected. Set MicrosoftAppId (and its secret) to use Azure Bot Service, or Channels:BotConnector:AllowAnonymous=true for a loopback-only Emulator.")]
    public static partial void BotConnectorDisabled(ILogger logger, string environment);

    [LoggerMessage(EventId = 1006, EventName = "BotConnectorAnonymous", Level = LogLevel.Warning,
        Message = "The Bot Connector endpoint /api/messages runs WITHOUT authentication ({Because}): only callers on this machine are served and replies go only to loopback serviceUrls.")]
    public static partial void BotConnectorAnonymous(ILogger logger, string because);

    [LoggerMessage(EventId = 1007, EventName = "AnonymousListenAddressRefused", Level = LogLevel.Critical,
        Message = "Refusing to start: Channels:BotConnector:AllowAnonymous is on outside Development, but the host listens on {Address}, which is not a loopback address. Listen only on localhost, 127.0.0.1 or [::1], or configure MicrosoftAppId.")]
    public static partial void AnonymousListenAddressRefused(ILogger logger, string address);

    [LoggerMessage(EventId = 1001, EventName = "Unauthorized", Level = LogLevel.Warning,
        Message = "Unauthorized request. ChannelId={ChannelId} Reason={Reason}")]
    private static partial void LogUnauthorized(ILogger logger, string channelId, string reason);

    [LoggerMessage(EventId = 1002, EventName = "TurnCompleted",
        Message = "Turn completed. ChannelId={ChannelId} ActivityType={ActivityType} ActivityId={ActivityId} Replies={Replies} Status={Status} ElapsedMs={ElapsedMs}")]
    private static partial void LogTurnCompleted(ILogger logger, LogLevel level, string channelId, string activityType, string activityId, int replies, int status, long elapsedMs);

    [LoggerMessage(EventId = 1003, EventName = "ReplyRetrying", Level = LogLevel.Warning,
        Message = "Reply not delivered, retrying. ActivityType={ActivityType} Status={Status} Attempt={Attempt} DelayMs={DelayMs}")]
    private static partial void LogReplyRetrying(ILogger logger, string activityType, int? status, int attempt, long delayMs);

    [LoggerMessage(EventId = 1004, EventName = "ReplyFailed", Level = LogLevel.Error,
        Message = "Reply not delivered. ActivityType={ActivityType} Failure={Failure} Status={Status} ErrorCode={ErrorCode}")]
    private static partial void LogReplyFailed(ILogger logger, string activityType, string failure, int? status, string errorCode);
}
