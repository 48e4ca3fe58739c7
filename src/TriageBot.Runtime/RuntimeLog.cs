using Microsoft.Extensions.Logging;

namespace TriageBot.Runtime;

/// <summary>Runtime log events (ids 2000-2999). Ids, types and codes only: never user text.</summary>
internal static partial class RuntimeLog
{
    /// <summary>The activity's type and id came from the sender: logged allow-listed and hashed.</summary>
    public static void TurnFailed(ILogger logger, string errorId, string? activityType, string? activityId, string exceptionText)
    {
        if (logger.IsEnabled(LogLevel.Error))
        {
            LogTurnFailed(logger, errorId, LogValues.ActivityType(activityType), LogValues.Id(activityId), exceptionText);
        }
    }

    [LoggerMessage(EventId = 2000, EventName = "TurnFailed", Level = LogLevel.Error,
        Message = "Turn failed. ErrorId={ErrorId} ActivityType={ActivityType} ActivityId={ActivityId} Exception={ExceptionText}")]
    private static partial void LogTurnFailed(ILogger logger, string errorId, string activityType, string activityId, string exceptionText);

    [LoggerMessage(EventId = 2001, EventName = "StateConflict", Level = LogLevel.Warning,
        Message = "State changed under the turn; re-running it. ConversationKey={KeyHash} Attempt={Attempt}")]
    public static partial void StateConflict(ILogger logger, string keyHash, int attempt);

    [LoggerMessage(EventId = 2002, EventName = "DialogRestarted", Level = LogLevel.Warning,
        Message = "Saved dialog stack no longer matches the code; restarting the conversation. Frames={Frames}")]
    public static partial void DialogRestarted(ILogger logger, string frames);
}
