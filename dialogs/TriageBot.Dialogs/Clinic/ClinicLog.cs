using Microsoft.Extensions.Logging;

namespace TriageBot.Dialogs.Clinic;

/// <summary>
/// Clinic inbox log events (ids 3100-3199): references, verbs, reason codes. Never contact details, never a note's
/// text, never anything a caller typed.
/// </summary>
internal static partial class ClinicLog
{
    [LoggerMessage(EventId = 3100, EventName = "ClinicCardPosted", Level = LogLevel.Information,
        Message = "Referral card posted in the clinic channel. Reference={Reference}")]
    public static partial void CardPosted(ILogger logger, string reference);

    [LoggerMessage(EventId = 3101, EventName = "ClinicCardAlreadyPosted", Level = LogLevel.Information,
        Message = "Referral card already posted; delivery repeated, nothing sent. Reference={Reference}")]
    public static partial void CardAlreadyPosted(ILogger logger, string reference);

    [LoggerMessage(EventId = 3102, EventName = "ClinicAction", Level = LogLevel.Information,
        Message = "Staff action on a referral. Reference={Reference} Action={Action}")]
    public static partial void StaffAction(ILogger logger, string reference, string action);

    [LoggerMessage(EventId = 3103, EventName = "ClinicActionRefused", Level = LogLevel.Warning,
        Message = "Referral action refused: not clinic staff. Verb={Verb}")]
    public static partial void ActionRefused(ILogger logger, string verb);

    [LoggerMessage(EventId = 3104, EventName = "ClinicCardUpdateFailed", Level = LogLevel.Warning,
        Message = "The referral card in the channel could not be updated. Reference={Reference} Reason={Reason}")]
    public static partial void CardUpdateFailed(ILogger logger, string reference, string reason);

    [LoggerMessage(EventId = 3105, EventName = "ClinicMembershipCheckFailed", Level = LogLevel.Warning,
        Message = "The Teams membership check failed; treated as not staff. Reason={Reason}")]
    public static partial void MembershipCheckFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 3106, EventName = "ClinicChannelCaptured", Level = LogLevel.Information,
        Message = "The clinic's Teams channel was captured at install.")]
    public static partial void ChannelCaptured(ILogger logger);

    [LoggerMessage(EventId = 3107, EventName = "ClinicActionMalformed", Level = LogLevel.Information,
        Message = "Malformed referral action refused with 400. Problem={Problem}")]
    public static partial void ActionMalformed(ILogger logger, string problem);

    [LoggerMessage(EventId = 3108, EventName = "ClinicCardMayRepeat", Level = LogLevel.Warning,
        Message = "An earlier post of this referral card may have reached the channel unrecorded; posting again, marked as a possible repeat. Reference={Reference}")]
    public static partial void CardMayRepeat(ILogger logger, string reference);
}
