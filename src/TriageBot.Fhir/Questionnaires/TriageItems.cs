using Hl7.Fhir.Model;
using static TriageBot.Dialogs.ContentKeys;

namespace TriageBot.Fhir.Questionnaires;

/// <summary>
/// One question of the triage Questionnaire: the prompt it is generated from (its text and choices come from
/// prompts.yaml), its answer type, and whether several answers are kept (places and treatments are asked one at a
/// time, then a "more" prompt, and stored as one list).
/// </summary>
internal sealed record TriageItem(string PromptKey, Questionnaire.QuestionnaireItemType Type, bool Repeats = false)
{
    private const string PromptPrefix = "prompt.";

    /// <summary>The prompt key without its <c>prompt.</c> prefix: <c>pain.location</c>.</summary>
    public string LinkId => PromptKey.StartsWith(PromptPrefix, StringComparison.Ordinal) ? PromptKey[PromptPrefix.Length..] : PromptKey;
}

/// <summary>
/// The questions whose answers a referral carries, in the order the triage asks them. Only structure lives here
/// (which prompt, which answer type); every word is read from content when the Questionnaire is generated. The
/// red-flag screen is not itemised: the triage keeps the hazards it found (a "not sure" counts as yes), not each
/// screen answer, so the hazards travel as the ServiceRequest's coded reasons instead of invented answers.
/// </summary>
internal static class TriageItems
{
    private const Questionnaire.QuestionnaireItemType Choice = Questionnaire.QuestionnaireItemType.Choice;

    public static IReadOnlyList<TriageItem> All { get; } =
    [
        new(Prompt.Screen.Age, Choice),
        new(Prompt.Screen.Pregnancy, Choice),
        new(Prompt.Pain.Location, Choice, Repeats: true),
        new(Prompt.Pain.Spread, Choice),
        new(Prompt.Pain.Score, Questionnaire.QuestionnaireItemType.Decimal),
        new(Prompt.Pain.Duration, Choice),
        new(Prompt.Screen.OnsetBefore45, Choice),
        new(Prompt.Screen.Inflammatory, Choice),
        new(Prompt.Numbness.Any, Choice),
        new(Prompt.Numbness.Where, Choice, Repeats: true),
        new(Prompt.Numbness.Worsening, Choice),
        new(Prompt.Treatments.Pick, Choice, Repeats: true),
        new(Prompt.Treatments.Helped, Choice),
        new(Prompt.Referral.Time, Choice),
    ];
}
