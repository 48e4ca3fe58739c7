namespace TriageBot.Host.Referrals;

/// <summary>Referral delivery log events (ids 4500-4599). References, destination names and reason codes only.</summary>
internal static partial class ReferralsLog
{
    [LoggerMessage(EventId = 4500, EventName = "ReferralDelivered", Level = LogLevel.Information,
        Message = "Referral delivered. Reference={Reference} Destination={Destination} Attempt={Attempt}")]
    public static partial void Delivered(ILogger logger, string reference, string destination, int attempt);

    [LoggerMessage(EventId = 4501, EventName = "ReferralDeliveryFailed", Level = LogLevel.Warning,
        Message = "Referral delivery failed; tried again later. Reference={Reference} Destination={Destination} Attempt={Attempt} Reason={Reason} RetryInSeconds={RetryInSeconds}")]
    public static partial void Failed(ILogger logger, string reference, string destination, int attempt, string reason, double retryInSeconds);

    [LoggerMessage(EventId = 4502, EventName = "ReferralDeadLettered", Level = LogLevel.Error,
        Message = "Referral delivery given up (dead-lettered). Reference={Reference} Destination={Destination} Attempt={Attempt} Reason={Reason}")]
    public static partial void DeadLettered(ILogger logger, string reference, string destination, int attempt, string reason);

    [LoggerMessage(EventId = 4503, EventName = "ReferralDispatchFailed", Level = LogLevel.Error,
        Message = "Referral outbox check failed; it runs again at the next interval. Error={ErrorType}")]
    public static partial void DispatchFailed(ILogger logger, string errorType);

    [LoggerMessage(EventId = 4504, EventName = "ReferralDeliveryOff", Level = LogLevel.Information,
        Message = "No referral destination is configured: referrals are stored, not delivered.")]
    public static partial void DeliveryOff(ILogger logger);

    [LoggerMessage(EventId = 4505, EventName = "ReferralDispatchStarted", Level = LogLevel.Information,
        Message = "Referral dispatcher started. Destinations={Destinations}")]
    public static partial void DispatchStarted(ILogger logger, string destinations);

    [LoggerMessage(EventId = 4506, EventName = "ReferralDestinationHeld", Level = LogLevel.Warning,
        Message = "Referral destination asked us to wait: its queue resumes together. Destination={Destination} RetryInSeconds={RetryInSeconds} Held={Held}")]
    public static partial void DestinationHeld(ILogger logger, string destination, double retryInSeconds, int held);
}
