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
    public bool? ShowNiceCaveats { get; init; }
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
    public SourceYaml? Source { get; init; }
    public List<string>? ShowFor { get; init; }
    public bool NiceCaveat { get; init; }
}

internal sealed class SourceYaml
{
    public string? Seed { get; init; }
    public string? Name { get; init; }
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
}

internal sealed class HazardsFile
{
    public List<HazardYaml>? Hazards { get; init; }
}

internal sealed class HazardYaml
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }

    /// <summary>How the person's summary names it, in lay words (the hazard log's name is for the safety case).</summary>
    public string? Summary { get; init; }

    /// <summary><c>code</c> when the code and its tests control the hazard rather than a content rule.</summary>
    public string? ControlledIn { get; init; }
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
