using Microsoft.Extensions.Logging;

namespace TriageBot.Channels;

/// <summary>Channel log events (ids 1000-1999): activity ids, types and status codes; never text or tokens.</summary>
internal static partial class ChannelsLog
{
    [LoggerMessage(EventId = 1000, EventName = "ActivityRejected", Level = LogLevel.Information,
        Message = "Rejected request to /api/messages. Status={Status} Reason={Reason}")]
    public static partial void ActivityRejected(ILogger logger, int status, string reason);

    [LoggerMessage(EventId = 1001, EventName = "Unauthorized", Level = LogLevel.Warning,
        Message = "Unauthorized request. ChannelId={ChannelId} Reason={Reason}")]
    public static partial void Unauthorized(ILogger logger, string? channelId, string? reason);

    [LoggerMessage(EventId = 1002, EventName = "TurnCompleted", Level = LogLevel.Information,
        Message = "Turn completed. ChannelId={ChannelId} ActivityType={ActivityType} ActivityId={ActivityId} Replies={Replies} Status={Status} ElapsedMs={ElapsedMs}")]
    public static partial void TurnCompleted(ILogger logger, string? channelId, string? activityType, string? activityId, int replies, int status, long elapsedMs);

    [LoggerMessage(EventId = 1003, EventName = "ReplyRetrying", Level = LogLevel.Warning,
        Message = "Reply not delivered, retrying. ActivityType={ActivityType} Status={Status} Attempt={Attempt} DelayMs={DelayMs}")]
    public static partial void ReplyRetrying(ILogger logger, string? activityType, int? status, int attempt, long delayMs);

    [LoggerMessage(EventId = 1004, EventName = "ReplyFailed", Level = LogLevel.Error,
        Message = "Reply not delivered. ActivityType={ActivityType} Status={Status} ErrorCode={ErrorCode} Attempts={Attempts}")]
    public static partial void ReplyFailed(ILogger logger, string? activityType, int? status, string? errorCode, int attempts);
}
