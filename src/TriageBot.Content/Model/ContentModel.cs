namespace TriageBot.Content.Model;

// The content contract: what dialogs/content/*.yaml hold, as the code sees it. Wording is looked up by key;
// clinical tables (red flags, disposition rules) are flat data. See dialogs/content/README.md for the files.

/// <summary>Disposition levels, most urgent first. Ordered so that "more urgent" compares smaller.</summary>
public enum DispositionLevel
{
    Emergency = 0,
    Urgent = 1,
    Routine = 2,
    SelfCare = 3,
}

/// <summary>Per-locale facts that wording refers to by placeholder, e.g. <c>{emergencyNumber}</c>.</summary>
public sealed record LocaleSettings(
    string Locale,
    string EmergencyNumber,
    string EmergencyDepartment,
    string UrgentService,
    string NonUrgentService,
    string CrisisLine,
    string Physio);

/// <summary>A choice as content defines it: a stable id (used in findings and summaries), a short title, other words for it.</summary>
public sealed record ChoiceContent(string Id, string Title, IReadOnlyList<string> Synonyms);

/// <summary>
/// A question's wording for one locale: the prompt, the re-ask, its choices (if any), and the replies that may be a
/// polite no or may be not sure (<see cref="Hedges"/>: on an emergency question the bot asks once more).
/// </summary>
public sealed record PromptContent(string Key, string Text, string? Retry, IReadOnlyList<ChoiceContent> Choices)
{
    public IReadOnlyList<string> Hedges { get; init; } = [];
}

/// <summary>
/// One red-flag rule: the screening questions that ask it (none: free text only), the question asked when a message
/// only mentions it (<see cref="CheckKey"/>), how urgent a yes is, what advice to give, and an optional education
/// topic for questions about the condition.
/// </summary>
public sealed record RedFlagRule(
    string Id, string Hazard, IReadOnlyList<string> QuestionKeys, DispositionLevel Level, string AdviceKey, string CheckKey = "", string? Topic = null);

/// <summary>
/// A row of the disposition table: when every finding in <see cref="When"/> is present, at least this level applies,
/// and <see cref="Advice"/> (a message key) is that hazard's own advice. <see cref="Outcome"/> (a message key), when
/// set, names the outcome in the summary instead of the level's name, if every rule at the reached level names it.
/// </summary>
public sealed record DispositionRule(string Id, IReadOnlyList<string> When, DispositionLevel Level, string? Hazard, string? Advice = null, string? Outcome = null);

/// <summary>
/// The disposition reached: the level, the hazard ids that raised it, the rule ids that matched (most urgent first),
/// and those rules themselves (with their advice).
/// </summary>
public sealed record DispositionResult(DispositionLevel Level, IReadOnlyList<string> Hazards, IReadOnlyList<string> Rules)
{
    public IReadOnlyList<DispositionRule> Matched { get; init; } = [];
}

/// <summary>
/// A source that clinical wording cites (sources.yaml): its id, its full name (who, what, when), the short name shown
/// in the one line of sources after advice, and where to find it: a web address, or a page kept in shared/seeds.
/// </summary>
public sealed record Citation(string Id, string Name, string ShortName, string? Url, string? Seed);

/// <summary>Where an education snippet's facts come from: the citations, and their names joined for display.</summary>
public sealed record ContentSource(string Name, IReadOnlyList<Citation> Citations);

/// <summary>An education topic for one locale: menu title, plain-language text, and its source.</summary>
public sealed record EducationTopic(string Id, string Title, string Text, ContentSource Source, IReadOnlyList<string> ShowFor);

/// <summary>A free-text red-flag hit: the rule, its hazard and level, and where in the text it was found.</summary>
public sealed record RedFlagHit(string RuleId, string Hazard, DispositionLevel Level, int Start, int Length);
