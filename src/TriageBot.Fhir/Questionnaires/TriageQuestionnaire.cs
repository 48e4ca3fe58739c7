using Hl7.Fhir.Model;
using TriageBot.Content;

namespace TriageBot.Fhir.Questionnaires;

/// <summary>
/// The triage Questionnaire, generated from content: each item's text and answer options are the prompt's wording
/// and choices in prompts.yaml, and its version is the content version, so it cannot drift from what the bot asks.
/// A QuestionnaireResponse names it as <c>{url}|{version}</c>.
/// </summary>
internal static class TriageQuestionnaire
{
    public const string Name = "TriageBotTriage";

    public static Questionnaire Create(IContentCatalog content, FhirCanonicals canonicals, string locale)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(canonicals);
        return new Questionnaire
        {
            Id = "triage",
            Url = canonicals.Questionnaire,
            Version = content.Version,
            Name = Name,
            Language = locale,
            Status = PublicationStatus.Active,
            SubjectType = [ResourceType.Patient],
            Item = [.. TriageItems.All.Select(item => Item(content, canonicals, locale, item))],
        };
    }

    /// <summary>The canonical reference a response uses: this exact version of the questions.</summary>
    public static string Reference(IContentCatalog content, FhirCanonicals canonicals) => $"{canonicals.Questionnaire}|{content.Version}";

    /// <summary>The answer option of a choice id, as the Questionnaire lists it; null when the prompt has no such choice.</summary>
    public static Coding? Option(IContentCatalog content, FhirCanonicals canonicals, string locale, TriageItem item, string choiceId) =>
        content.Prompt(item.PromptKey, locale).Choices.FirstOrDefault(c => c.Id == choiceId) is { } choice
            ? new Coding(canonicals.Answers(item.LinkId), choice.Id, choice.Title)
            : null;

    private static Questionnaire.ItemComponent Item(IContentCatalog content, FhirCanonicals canonicals, string locale, TriageItem item)
    {
        var prompt = content.Prompt(item.PromptKey, locale);
        return new Questionnaire.ItemComponent
        {
            LinkId = item.LinkId,
            Text = prompt.Text,
            Type = item.Type,
            Repeats = item.Repeats ? true : null,
            AnswerOption = [.. prompt.Choices.Select(c => new Questionnaire.AnswerOptionComponent
            {
                Value = new Coding(canonicals.Answers(item.LinkId), c.Id, c.Title),
            })],
        };
    }
}
