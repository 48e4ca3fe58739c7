using Microsoft.Extensions.Logging;
using TriageBot.Runtime.State;

namespace TriageBot.Storage.Sqlite;

/// <summary>
/// SQLite storage log events (ids 4000-4099 of Storage's 4000-4999). Key hashes only: state holds patients' answers,
/// so neither JSON nor raw keys are ever logged.
/// </summary>
internal static partial class SqliteStorageLog
{
    [LoggerMessage(EventId = 4000, EventName = "SqliteStoreOpened", Level = LogLevel.Information,
        Message = "SQLite state store opened. Path={Path} SchemaVersion={SchemaVersion} JournalMode={JournalMode}")]
    public static partial void StoreOpened(ILogger logger, string path, long schemaVersion, string journalMode);

    [LoggerMessage(EventId = 4001, EventName = "SqliteNotWal", Level = LogLevel.Warning,
        Message = "SQLite could not switch to WAL; concurrent readers will block writers. Path={Path} JournalMode={JournalMode}")]
    public static partial void NotWal(ILogger logger, string path, string journalMode);

    [LoggerMessage(EventId = 4002, EventName = "SqliteSchemaMigrated", Level = LogLevel.Information,
        Message = "SQLite state schema migrated. FromVersion={FromVersion} ToVersion={ToVersion}")]
    public static partial void SchemaMigrated(ILogger logger, long fromVersion, long toVersion);

    [LoggerMessage(EventId = 4004, EventName = "SqliteBatchRunAlone", Level = LogLevel.Warning,
        Message = "A grouped SQLite write failed and was rolled back; its writes run again one by one. Writes={Writes} Error={Error}")]
    public static partial void BatchRunAlone(ILogger logger, int writes, string error);

    /// <summary>Logs the key's hash, computed only when Debug is on.</summary>
    public static void WriteConflict(ILogger logger, string key, string condition)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var keyHash = StateKeyHash.Compute(key);
            WriteConflictHashed(logger, keyHash, condition);
        }
    }

    [LoggerMessage(EventId = 4003, EventName = "SqliteWriteConflict", Level = LogLevel.Debug,
        Message = "State write conflict. KeyHash={KeyHash} Condition={Condition}")]
    private static partial void WriteConflictHashed(ILogger logger, string keyHash, string condition);
}
