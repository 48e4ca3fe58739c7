using TriageBot.Content.Model;

namespace TriageBot.Content;

/// <summary>
/// The loaded, validated content. Dialogs ask for wording by key and locale; unknown locales fall back to the
/// default (en-GB). Placeholders like <c>{emergencyNumber}</c> are filled from the locale, <c>{name}</c>-style
/// arguments from the <c>args</c> of <see cref="Text"/>.
/// </summary>
public interface IContentCatalog
{
    /// <summary>The content version (manifest), written into every disposition and referral.</summary>
    string Version { get; }

    LocaleSettings Locale(string? locale);

    string Text(string key, string? locale, IReadOnlyDictionary<string, string>? args = null);

    PromptContent Prompt(string key, string? locale);

    IReadOnlyList<RedFlagRule> RedFlags { get; }

    /// <summary>The hazard's lay summary from hazard-log.yaml (for the person's summary), else its name; the id itself when unknown.</summary>
    string HazardName(string hazardId);

    IReadOnlyList<EducationTopic> Education(string? locale);

    /// <summary>The citations sources.yaml gives for a message key (advice, safety net, medicines); empty when none.</summary>
    IReadOnlyList<Citation> Sources(string key);

    /// <summary>Applies the disposition table to the findings; no rule matching means self-care.</summary>
    DispositionResult Evaluate(IReadOnlySet<string> findings);

    /// <summary>
    /// Scans free text for present red-flag statements: <see cref="ReadRedFlags"/>'s <see cref="FreeTextReading.Present"/>
    /// (denied concepts, and mentions of someone else, the past, a hypothetical or a question, excluded).
    /// </summary>
    IReadOnlyList<RedFlagHit> DetectRedFlags(string text);

    /// <summary>
    /// Reads free text with the red-flag phrases and the context rules (context.yaml): present hits (give that rule's
    /// advice at once), mentions (ask <c>prompt.check.{RuleId}</c>; never emergency advice on a mention alone, never
    /// silence), and whether the message asks something. Denied concepts are dropped. Pure; microseconds per message.
    /// </summary>
    FreeTextReading ReadRedFlags(string text);
}
