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
}
