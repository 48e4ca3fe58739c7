using Microsoft.Extensions.Logging;
using TriageBot.Runtime;

namespace TriageBot.Channels.DirectLine;

/// <summary>
/// Direct Line log events (ids 1200-1299). Conversations appear as a short hash, never as their id; never text,
/// secrets or tokens (only a secret's last four characters, to tell secrets apart). Reasons and routes are constants
/// of ours; an activity type from a client passes through <see cref="LogValues"/>.
/// </summary>
internal static partial class DirectLineLog
{
    [LoggerMessage(EventId = 1200, EventName = "DirectLineSecretCreated", Level = LogLevel.Warning,
        Message = "No Direct Line secret configured; created one in {FileName} (ends with {LastFour}). Give the web site's backend this secret, or set Channels:DirectLine:Secret.")]
    public static partial void SecretCreated(ILogger logger, string fileName, string lastFour);

    [LoggerMessage(EventId = 1201, EventName = "DirectLineCredentialRejected", Level = LogLevel.Information,
        Message = "Direct Line request refused. Route={Route} Status={Status} Reason={Reason}")]
    public static partial void CredentialRejected(ILogger logger, string route, int status, string reason);

    [LoggerMessage(EventId = 1202, EventName = "DirectLineConversationStarted", Level = LogLevel.Information,
        Message = "Direct Line conversation started. Conversation={ConversationHash} UserKnown={UserKnown}")]
    public static partial void ConversationStarted(ILogger logger, string conversationHash, bool userKnown);

    [LoggerMessage(EventId = 1203, EventName = "DirectLineActivityRejected", Level = LogLevel.Information,
        Message = "Direct Line activity refused. Conversation={ConversationHash} Status={Status} Reason={Reason}")]
    public static partial void ActivityRejected(ILogger logger, string conversationHash, int status, string reason);

    /// <summary>
    /// The activity type came from the client: logged allow-listed. Debug, as the Bot Connector's successful turns
    /// (ChannelsLog.TurnCompleted says why); a failed turn is <see cref="TurnFailed"/>, at Error.
    /// </summary>
    public static void TurnCompleted(ILogger logger, string conversationHash, string? activityType, int replies, long elapsedMs)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var type = LogValues.ActivityType(activityType);
            LogTurnCompleted(logger, conversationHash, type, replies, elapsedMs);
        }
    }

    /// <summary>The activity type came from the client: logged allow-listed.</summary>
    public static void TurnFailed(ILogger logger, string conversationHash, string? activityType, string exceptionType)
    {
        if (logger.IsEnabled(LogLevel.Error))
        {
            LogTurnFailed(logger, conversationHash, LogValues.ActivityType(activityType), exceptionType);
        }
    }

    [LoggerMessage(EventId = 1204, EventName = "DirectLineTurnCompleted", Level = LogLevel.Debug,
        Message = "Direct Line turn completed. Conversation={ConversationHash} ActivityType={ActivityType} Replies={Replies} ElapsedMs={ElapsedMs}")]
    private static partial void LogTurnCompleted(ILogger logger, string conversationHash, string activityType, int replies, long elapsedMs);

    [LoggerMessage(EventId = 1205, EventName = "DirectLineTurnFailed", Level = LogLevel.Error,
        Message = "Direct Line turn failed outside the bot's error handler. Conversation={ConversationHash} ActivityType={ActivityType} Exception={ExceptionType}")]
    private static partial void LogTurnFailed(ILogger logger, string conversationHash, string activityType, string exceptionType);

    [LoggerMessage(EventId = 1206, EventName = "DirectLineStreamOpened", Level = LogLevel.Debug,
        Message = "Direct Line stream opened. Conversation={ConversationHash} Backlog={Backlog}")]
    public static partial void StreamOpened(ILogger logger, string conversationHash, int backlog);

    [LoggerMessage(EventId = 1207, EventName = "DirectLineStreamClosed", Level = LogLevel.Debug,
        Message = "Direct Line stream closed. Conversation={ConversationHash} Reason={Reason}")]
    public static partial void StreamClosed(ILogger logger, string conversationHash, string reason);

    [LoggerMessage(EventId = 1208, EventName = "DirectLineStreamOriginRefused", Level = LogLevel.Warning,
        Message = "Direct Line stream refused: the page origin is not allowed. Conversation={ConversationHash}")]
    public static partial void StreamOriginRefused(ILogger logger, string conversationHash);

    [LoggerMessage(EventId = 1209, EventName = "DirectLineUploadStored", Level = LogLevel.Information,
        Message = "Direct Line upload stored. Conversation={ConversationHash} Files={Files} Bytes={Bytes}")]
    public static partial void UploadStored(ILogger logger, string conversationHash, int files, long bytes);

    [LoggerMessage(EventId = 1210, EventName = "DirectLinePurged", Level = LogLevel.Information,
        Message = "Direct Line retention purge. Conversations={Conversations} Activities={Activities} Remaining={Remaining}")]
    public static partial void Purged(ILogger logger, int conversations, int activities, int remaining);

    [LoggerMessage(EventId = 1211, EventName = "DirectLineChatTokenRateLimited", Level = LogLevel.Warning,
        Message = "Chat token request refused: too many from one client address.")]
    public static partial void ChatTokenRateLimited(ILogger logger);

    [LoggerMessage(EventId = 1212, EventName = "DirectLinePurgeFailed", Level = LogLevel.Error,
        Message = "Direct Line retention purge failed; it runs again at the next interval. Exception={ExceptionType}")]
    public static partial void PurgeFailed(ILogger logger, string exceptionType);

    [LoggerMessage(EventId = 1240, EventName = "DirectLineConversationErased", Level = LogLevel.Information,
        Message = "Direct Line conversation deleted at the user's request; its tokens and stream URLs no longer work. Conversation={ConversationHash}")]
    public static partial void ConversationErased(ILogger logger, string conversationHash);

    [LoggerMessage(EventId = 1213, EventName = "DirectLineConversationEvicted", Level = LogLevel.Information,
        Message = "Direct Line conversation evicted to make room for a new one (least recently used idle, or not posted to for longer than an open page holds it). Conversation={ConversationHash} SecondsSinceStored={SecondsSinceStored}")]
    public static partial void ConversationEvicted(ILogger logger, string conversationHash, long secondsSinceStored);

    [LoggerMessage(EventId = 1214, EventName = "DirectLineConversationRefused", Level = LogLevel.Warning,
        Message = "Direct Line conversation refused: {MaxConversations} conversations held and none idle long enough to evict. RetryAfterSeconds={RetryAfterSeconds}")]
    public static partial void ConversationRefused(ILogger logger, int maxConversations, long retryAfterSeconds);

    [LoggerMessage(EventId = 1216, EventName = "DirectLineClientConversationRefused", Level = LogLevel.Information,
        Message = "Direct Line conversation refused: the client already holds {MaxConversationsPerClient} conversations and none is evictable. RetryAfterSeconds={RetryAfterSeconds}")]
    public static partial void ClientConversationRefused(ILogger logger, int maxConversationsPerClient, long retryAfterSeconds);

    [LoggerMessage(EventId = 1215, EventName = "DirectLinePostRateLimited", Level = LogLevel.Information,
        Message = "Direct Line post refused: too many from one conversation. Conversation={ConversationHash}")]
    public static partial void PostRateLimited(ILogger logger, string conversationHash);

    [LoggerMessage(EventId = 1217, EventName = "DirectLineWakeFailed", Level = LogLevel.Warning,
        Message = "Direct Line could not read the shared log after a wake; the next request or wake reads again. Conversation={ConversationHash} ExceptionType={ExceptionType}")]
    public static partial void WakeFailed(ILogger logger, string conversationHash, string exceptionType);

    [LoggerMessage(EventId = 1218, EventName = "DirectLineSharedPurgeSkipped", Level = LogLevel.Debug,
        Message = "Direct Line shared purge left to the instance holding its lease.")]
    public static partial void SharedPurgeSkipped(ILogger logger);
}
