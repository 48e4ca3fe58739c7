using TriageBot.Content.Validation;

namespace TriageBot.Content;

/// <summary>
/// Checks loaded content against the README contract and the code's expectations. Every problem is reported at once,
/// one line each, naming the file and the entry. An empty list means the content is valid.
/// </summary>
public static class ContentValidator
{
    /// <summary>The seed pages (shared/seeds) a citation may name instead of a web address.</summary>
    public static readonly IReadOnlySet<string> AllowedSeeds = new HashSet<string>(StringComparer.Ordinal)
    {
        "000_365f1ce3b0475d84.txt", "001_d8454b89fa11cbe7.txt", "002_9527c74c5b258bc6.txt",
    };

    /// <summary>The locales every deployment needs (UK and US emergency numbers and services).</summary>
    public static readonly IReadOnlyList<string> RequiredLocales = ["en-GB", "en-US"];

    /// <summary>Red-flag rules found only in free text; they have no screening question.</summary>
    public static readonly IReadOnlySet<string> FreeTextOnlyRedFlags = new HashSet<string>(StringComparer.Ordinal) { "self-harm", "weakness-severe", "fragility-fracture" };

    /// <summary>Teams and Bot Framework button title limit.</summary>
    public const int MaxChoiceTitleLength = 20;

    /// <summary>
    /// Highest Flesch-Kincaid grade for what a person reads to decide what to do: education topics, advice, the
    /// safety net and medicine messages as a whole, and every bulleted line of any message on its own.
    /// </summary>
    public const double MaxReadingGrade = 8.0;

    /// <summary>Message keys that give clinical advice: each needs its sources in sources.yaml and plain words.</summary>
    public static readonly IReadOnlyList<string> AdviceKeyPrefixes = ["advice.", "safety-net", "medicine."];

    /// <summary>The line that names the sources after advice; it is not advice itself.</summary>
    public const string AdviceSourceKey = "advice.source";

    public static IReadOnlyList<string> Validate(ContentCatalog catalog, IReadOnlySet<string> keysUsedByCode)
    {
        ArgumentNullException.ThrowIfNull(keysUsedByCode);
        return Validate(catalog, new ContentRequirements(keysUsedByCode));
    }

    public static IReadOnlyList<string> Validate(ContentCatalog catalog, ContentRequirements requirements)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(requirements);
        var errors = new List<string>();
        ManifestChecks.Check(catalog, errors);
        KeyChecks.Check(catalog, requirements, errors);
        TextChecks.Check(catalog, requirements, errors);
        PromptChecks.Check(catalog, requirements, errors);
        RedFlagChecks.Check(catalog, requirements, errors);
        ContextChecks.Check(catalog, errors);
        DispositionChecks.Check(catalog, requirements, errors);
        HazardLogChecks.Check(catalog, errors);
        EducationChecks.Check(catalog, requirements, errors);
        SourceChecks.Check(catalog, errors);
        ReadingLevelChecks.Check(catalog, errors);
        GoldenChecks.Check(catalog, errors);
        return errors;
    }
}
