using Microsoft.Extensions.Logging;
using TriageBot.Runtime.State;

namespace TriageBot.Storage.Postgres;

/// <summary>
/// PostgreSQL storage log events (ids 4200-4299 of Storage's 4000-4999). Host and database names, versions and key
/// hashes only: never a connection string (it holds a password), JSON or a raw key.
/// </summary>
internal static partial class PostgresStorageLog
{
    [LoggerMessage(EventId = 4200, EventName = "PostgresStoreOpened", Level = LogLevel.Information,
        Message = "PostgreSQL store ready. Host={Host} Database={Database} SchemaVersion={SchemaVersion}")]
    public static partial void Opened(ILogger logger, string host, string database, int schemaVersion);

    [LoggerMessage(EventId = 4201, EventName = "PostgresSchemaMigrated", Level = LogLevel.Information,
        Message = "PostgreSQL schema migrated. FromVersion={FromVersion} ToVersion={ToVersion}")]
    public static partial void SchemaMigrated(ILogger logger, int fromVersion, int toVersion);

    /// <summary>Logs the key's hash, computed only when Debug is on.</summary>
    public static void WriteConflict(ILogger logger, string key, string condition)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var keyHash = StateKeyHash.Compute(key);
            WriteConflictHashed(logger, keyHash, condition);
        }
    }

    [LoggerMessage(EventId = 4202, EventName = "PostgresWriteConflict", Level = LogLevel.Debug,
        Message = "State write conflict. KeyHash={KeyHash} Condition={Condition}")]
    private static partial void WriteConflictHashed(ILogger logger, string keyHash, string condition);

    [LoggerMessage(EventId = 4203, EventName = "PostgresListening", Level = LogLevel.Information,
        Message = "Listening for conversation wakes. Channel={Channel}")]
    public static partial void Listening(ILogger logger, string channel);

    [LoggerMessage(EventId = 4204, EventName = "PostgresListenLost", Level = LogLevel.Warning,
        Message = "The listening connection was lost; listening again. Channel={Channel} ExceptionType={ExceptionType} RetryInMs={RetryInMs}")]
    public static partial void ListenLost(ILogger logger, string channel, string exceptionType, long retryInMs);
}
