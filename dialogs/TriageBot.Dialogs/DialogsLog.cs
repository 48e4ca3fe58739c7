using Microsoft.Extensions.Logging;

namespace TriageBot.Dialogs;

/// <summary>Triage log events (ids 3000-3999): hazard ids, levels, dialog ids. Never what the person typed or answered.</summary>
internal static partial class DialogsLog
{
    [LoggerMessage(EventId = 3000, EventName = "FreeTextRedFlag", Level = LogLevel.Warning,
        Message = "Red flag found in free text. Hazards={Hazards} Level={Level}")]
    public static partial void FreeTextRedFlag(ILogger logger, string hazards, string level);

    [LoggerMessage(EventId = 3001, EventName = "TriageOutcome", Level = LogLevel.Information,
        Message = "Triage outcome. Level={Level} Hazards={Hazards} ContentVersion={ContentVersion}")]
    public static partial void TriageOutcome(ILogger logger, string level, string hazards, string contentVersion);

    [LoggerMessage(EventId = 3002, EventName = "FreeTextMention", Level = LogLevel.Information,
        Message = "Red flag mentioned but not stated as present; asking. Rules={Rules} Reasons={Reasons}")]
    public static partial void FreeTextMention(ILogger logger, string rules, string reasons);

    [LoggerMessage(EventId = 3003, EventName = "RedFlagCheckAnswered", Level = LogLevel.Information,
        Message = "Red flag check answered. Rule={Rule} Positive={Positive}")]
    public static partial void RedFlagCheckAnswered(ILogger logger, string rule, bool positive);
}
