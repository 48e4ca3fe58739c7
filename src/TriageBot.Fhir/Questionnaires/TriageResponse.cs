using Hl7.Fhir.Model;
using TriageBot.Content;
using TriageBot.Dialogs.Flow;

namespace TriageBot.Fhir.Questionnaires;

/// <summary>
/// The person's answers as a QuestionnaireResponse to <see cref="TriageQuestionnaire"/>: same link ids, same texts,
/// answers that are the Questionnaire's own answer options. Items without an answer are left out.
/// </summary>
internal static class TriageResponse
{
    public static QuestionnaireResponse Create(
        IContentCatalog content, FhirCanonicals canonicals, string locale, TriageState state, string? preferredTime)
    {
        ArgumentNullException.ThrowIfNull(content);
        var items = new List<QuestionnaireResponse.ItemComponent>();
        foreach (var item in TriageItems.All)
        {
            var answers = Answers(content, canonicals, locale, item, state, preferredTime);
            if (answers.Count > 0)
            {
                items.Add(new QuestionnaireResponse.ItemComponent
                {
                    LinkId = item.LinkId,
                    Text = content.Prompt(item.PromptKey, locale).Text,
                    Answer = answers,
                });
            }
        }

        return new QuestionnaireResponse
        {
            Language = locale,
            Questionnaire = TriageQuestionnaire.Reference(content, canonicals),
            Status = QuestionnaireResponse.QuestionnaireResponseStatus.Completed,
            Item = items,
        };
    }

    private static List<QuestionnaireResponse.AnswerComponent> Answers(
        IContentCatalog content, FhirCanonicals canonicals, string locale, TriageItem item, TriageState state, string? preferredTime)
    {
        if (TriageAnswers.Number(item, state) is { } number)
        {
            return [new QuestionnaireResponse.AnswerComponent { Value = new FhirDecimal(number) }];
        }

        var codings = TriageAnswers.Choices(item, state, preferredTime)
            .Select(id => TriageQuestionnaire.Option(content, canonicals, locale, item, id))
            .OfType<Coding>()
            .Take(item.Repeats ? int.MaxValue : 1);
        return [.. codings.Select(c => new QuestionnaireResponse.AnswerComponent { Value = c })];
    }
}
