namespace TriageBot.Host.Retention;

/// <summary>State retention log events (ids 4100-4199 of Storage's 4000-4999). Counts only, never keys.</summary>
internal static partial class RetentionLog
{
    [LoggerMessage(EventId = 4100, EventName = "StatePurged", Level = LogLevel.Information,
        Message = "State past its retention deleted. Documents={Documents}")]
    public static partial void StatePurged(ILogger logger, int documents);

    [LoggerMessage(EventId = 4101, EventName = "StatePurgeFailed", Level = LogLevel.Error,
        Message = "State retention purge failed; it runs again at the next interval. Error={ErrorType}")]
    public static partial void StatePurgeFailed(ILogger logger, string errorType);
}
