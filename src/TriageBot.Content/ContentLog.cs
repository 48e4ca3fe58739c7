using Microsoft.Extensions.Logging;

namespace TriageBot.Content;

/// <summary>Content log events (5000-5099 of Content's 5000-5999). Version and counts only; never user text.</summary>
internal static partial class ContentLog
{
    [LoggerMessage(EventId = 5000, EventName = "ContentLoaded", Level = LogLevel.Information,
        Message = "Content loaded. Version={Version} Locales={Locales} Messages={Messages} Prompts={Prompts} Education={Education} RedFlags={RedFlags} Dispositions={Dispositions} Hazards={Hazards} Golden={Golden}")]
    public static partial void Loaded(ILogger logger, string version, int locales, int messages, int prompts, int education, int redFlags, int dispositions, int hazards, int golden);

    [LoggerMessage(EventId = 5001, EventName = "ContentInvalid", Level = LogLevel.Critical,
        Message = "Content is invalid; the app will not start. Errors={ErrorCount}")]
    public static partial void Invalid(ILogger logger, int errorCount);

    // Content errors name files and keys the clinical team wrote, never anything a user typed.
    [LoggerMessage(EventId = 5002, EventName = "ContentError", Level = LogLevel.Error, Message = "Content error: {Error}")]
    public static partial void Error(ILogger logger, string error);

    public static void Loaded(ILogger logger, ContentCatalog catalog) => Loaded(
        logger,
        catalog.Version,
        catalog.LocaleNames.Count,
        catalog.Messages.Count,
        catalog.Prompts.Count,
        catalog.EducationDefinitions.Count,
        catalog.RedFlags.Count,
        catalog.DispositionRules.Count,
        catalog.Hazards.Count,
        catalog.Golden.Count);
}
