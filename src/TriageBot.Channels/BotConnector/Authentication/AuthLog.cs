using Microsoft.Extensions.Logging;
using TriageBot.Runtime;

namespace TriageBot.Channels.BotConnector.Authentication;

/// <summary>Authentication log events (ids 1100-1199): URLs, counts and status codes; never tokens or secrets.</summary>
internal static partial class AuthLog
{
    [LoggerMessage(EventId = 1100, EventName = "SigningKeysRefreshed", Level = LogLevel.Information,
        Message = "Signing keys refreshed. MetadataUrl={MetadataUrl} Keys={KeyCount} UnknownKid={UnknownKid}")]
    public static partial void SigningKeysRefreshed(ILogger logger, string metadataUrl, int keyCount, bool unknownKid);

    [LoggerMessage(EventId = 1101, EventName = "SigningKeysUnavailable", Level = LogLevel.Warning,
        Message = "An OpenID metadata or JWKS document could not be fetched; cached keys, if any, stay in use. Url={Url} Reason={Reason}")]
    public static partial void SigningKeysUnavailable(ILogger logger, string url, string reason);

    [LoggerMessage(EventId = 1102, EventName = "UnknownSigningKeyNoNewKeys", Level = LogLevel.Information,
        Message = "Token signed with an unknown key; no newer keys (refreshed recently, so not again yet, or the refresh failed). MetadataUrl={MetadataUrl}")]
    public static partial void UnknownSigningKeyNoNewKeys(ILogger logger, string metadataUrl);

    [LoggerMessage(EventId = 1103, EventName = "ChannelTokenAcquired", Level = LogLevel.Information,
        Message = "Outbound token acquired. Source={Source} ExpiresInSeconds={ExpiresInSeconds}")]
    public static partial void ChannelTokenAcquired(ILogger logger, string source, long expiresInSeconds);

    [LoggerMessage(EventId = 1104, EventName = "ChannelTokenRetrying", Level = LogLevel.Warning,
        Message = "Outbound token request failed, retrying. Source={Source} Status={Status} Attempt={Attempt} DelayMs={DelayMs}")]
    public static partial void ChannelTokenRetrying(ILogger logger, string source, int? status, int attempt, long delayMs);

    /// <summary>The error code is the identity endpoint's: logged only when it looks like a code.</summary>
    public static void ChannelTokenFailed(ILogger logger, string source, int? status, string? errorCode, int attempts)
    {
        if (logger.IsEnabled(LogLevel.Error))
        {
            LogChannelTokenFailed(logger, source, status, LogValues.Code(errorCode), attempts);
        }
    }

    [LoggerMessage(EventId = 1105, EventName = "ChannelTokenFailed", Level = LogLevel.Error,
        Message = "Outbound token request failed. Source={Source} Status={Status} Error={ErrorCode} Attempts={Attempts}")]
    private static partial void LogChannelTokenFailed(ILogger logger, string source, int? status, string errorCode, int attempts);
}
