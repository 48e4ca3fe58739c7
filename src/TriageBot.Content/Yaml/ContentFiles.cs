using TriageBot.Content.Localization;
using TriageBot.Content.Model;

namespace TriageBot.Content.Yaml;

// The YAML files as written (dialogs/content/README.md, "Schemas"). Property names are camelCase in YAML; an unknown
// field is a load error. Everything but ids is nullable so the validator, not the parser, reports what is missing,
// and reports all of it at once.

internal sealed class ManifestFile
{
    public string? Version { get; init; }
    public string? DefaultLocale { get; init; }
    public List<string>? Reviewers { get; init; }
    public string? ReviewDate { get; init; }
    public ClinicYaml? Clinic { get; init; }
    public Dictionary<string, LocaleYaml>? Locales { get; init; }
}

internal sealed class ClinicYaml
{
    public string? Name { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
}

internal sealed class LocaleYaml
{
    public string? EmergencyNumber { get; init; }
    public string? EmergencyDepartment { get; init; }
    public string? UrgentService { get; init; }
    public string? NonUrgentService { get; init; }
    public string? CrisisLine { get; init; }
    public string? Physio { get; init; }
}

internal sealed class MessagesFile
{
    public Dictionary<string, LocalizedText>? Messages { get; init; }
}

internal sealed class PromptsFile
{
    public Dictionary<string, PromptYaml>? Prompts { get; init; }
}

internal sealed class PromptYaml
{
    public LocalizedText? Text { get; init; }
    public LocalizedText? Retry { get; init; }
    public List<ChoiceYaml>? Choices { get; init; }

    /// <summary>Replies that may be a polite no or may be not sure ("I don't think so"): the bot asks once more.</summary>
    public List<string>? Hedges { get; init; }
}

internal sealed class ChoiceYaml
{
    public required string Id { get; init; }
    public LocalizedText? Title { get; init; }
    public List<string>? Synonyms { get; init; }
}

internal sealed class EducationFile
{
    public List<EducationYaml>? Education { get; init; }
}

internal sealed class EducationYaml
{
    public required string Id { get; init; }
    public LocalizedText? Title { get; init; }
    public LocalizedText? Text { get; init; }
    /// <summary>Citation ids from sources.yaml.</summary>
    public List<string>? Source { get; init; }

    public List<string>? ShowFor { get; init; }
}

internal sealed class SourcesFile
{
    public List<CitationYaml>? Citations { get; init; }

    /// <summary>Message key → citation ids.</summary>
    public Dictionary<string, List<string>>? Sources { get; init; }
}

internal sealed class CitationYaml
{
    public required string Id { get; init; }
    public string? Name { get; init; }

    /// <summary>The name in the one line of sources after advice ("NICE NG59"); the full name when absent.</summary>
    public string? Short { get; init; }

    public string? Url { get; init; }
    public string? Seed { get; init; }
}

internal sealed class RedFlagsFile
{
    public List<RedFlagYaml>? RedFlags { get; init; }
}

internal sealed class RedFlagYaml
{
    public required string Id { get; init; }
    public string? Hazard { get; init; }

    /// <summary>The screening questions that ask about it, in order (none: free text only).</summary>
    public List<string>? Questions { get; init; }

    /// <summary>The question asked when a message only mentions it (someone else, the past, a question).</summary>
    public string? Check { get; init; }

    public DispositionLevel? Level { get; init; }
    public string? Advice { get; init; }

    /// <summary>An education topic id for questions about the condition; optional.</summary>
    public string? Topic { get; init; }

    /// <summary>Phrase → word groups → entries (one or more words).</summary>
    public List<List<List<string>>>? Phrases { get; init; }

    /// <summary>
    /// The mention tier, optional: broad words of the hazard's topic, in the same shape as <see cref="Phrases"/>. Found
    /// undenied when no phrase matched, they make the bot ask the rule's check question (<c>MentionReason.Concept</c>).
    /// </summary>
    public List<List<List<string>>>? Mentions { get; init; }
}

internal sealed class DispositionsFile
{
    public List<DispositionRuleYaml>? Rules { get; init; }
}

internal sealed class DispositionRuleYaml
{
    public required string Id { get; init; }
    public List<string>? When { get; init; }
    public DispositionLevel? Level { get; init; }
    public string? Hazard { get; init; }

    /// <summary>The messages.yaml key said when the rule first matches; required on emergency and urgent rules.</summary>
    public string? Advice { get; init; }

    /// <summary>A messages.yaml key naming the outcome in the summary when this rule alone sets the level.</summary>
    public string? Outcome { get; init; }
}

internal sealed class HazardLogFile
{
    public List<HazardYaml>? Hazards { get; init; }
}

/// <summary>One hazard in the DCB0129 shape: what goes wrong, why, to whom, how bad, what controls it, what proves it.</summary>
internal sealed class HazardYaml
{
    public required string Id { get; init; }
    public string? Name { get; init; }

    /// <summary>How the person's summary names it, in lay words (the hazard log's name is for the safety case).</summary>
    public string? Summary { get; init; }

    public string? Description { get; init; }
    public List<string>? Causes { get; init; }
    public string? Effect { get; init; }
    public string? Harm { get; init; }
    public RiskYaml? InitialRisk { get; init; }
    public List<ControlYaml>? Controls { get; init; }

    /// <summary>Fully qualified test names (Namespace.Class.Method) that exercise the controls.</summary>
    public List<string>? Tests { get; init; }

    public RiskYaml? ResidualRisk { get; init; }
    public string? Status { get; init; }
    public string? Owner { get; init; }
}

/// <summary>A risk on the DCB0129 5x5 matrix (<see cref="HazardLog.RiskMatrix"/>), as the log writes it.</summary>
internal sealed class RiskYaml
{
    public string? Severity { get; init; }
    public string? Likelihood { get; init; }
    public int? Rating { get; init; }
}

internal sealed class ControlYaml
{
    public required string Id { get; init; }
    public string? Description { get; init; }

    /// <summary>content | code | test | process.</summary>
    public string? Kind { get; init; }
}

internal sealed class GoldenFile
{
    public List<GoldenUtterance>? Utterances { get; init; }
}

/// <summary>A phrasing that must (expect = rule id) or must not (expect = none) trigger a red flag.</summary>
internal sealed class GoldenUtterance
{
    public required string Text { get; init; }
    public required string Expect { get; init; }
    public required string Kind { get; init; }
}
