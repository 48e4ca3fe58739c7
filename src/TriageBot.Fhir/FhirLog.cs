using Microsoft.Extensions.Logging;

namespace TriageBot.Fhir;

/// <summary>FHIR delivery events: reference numbers, status codes and short reasons, never contact details or answers.</summary>
internal static partial class FhirLog
{
    [LoggerMessage(EventId = 9101, EventName = "FhirReferralDelivered", Level = LogLevel.Information,
        Message = "FHIR referral {Reference} delivered (status {Status}, attempt {Attempt}).")]
    public static partial void Delivered(ILogger logger, string reference, int status, int attempt);

    [LoggerMessage(EventId = 9102, EventName = "FhirReferralFailed", Level = LogLevel.Warning,
        Message = "FHIR referral {Reference} not delivered: {Reason} (status {Status}, attempt {Attempt}).")]
    public static partial void Failed(ILogger logger, string reference, string reason, int? status, int attempt);

    [LoggerMessage(EventId = 9103, EventName = "FhirTokenAcquired", Level = LogLevel.Debug,
        Message = "FHIR access token acquired, valid for {Seconds} s.")]
    public static partial void TokenAcquired(ILogger logger, long seconds);

    [LoggerMessage(EventId = 9104, EventName = "FhirTokenFailed", Level = LogLevel.Warning,
        Message = "FHIR access token not acquired: {Reason} (status {Status}).")]
    public static partial void TokenFailed(ILogger logger, string reason, int? status);
}
