using TriageBot.Content;
using TriageBot.Dialogs.Flow;
using static TriageBot.Dialogs.ContentKeys;

namespace TriageBot.Dialogs.Tests.Recorded;

/// <summary>
/// What the bot should have recorded, field by field, built from the answers the person actually gave in the
/// conversation (question by question, as sent over the wire), what the bot showed them (the reference), and the level
/// and reasons the test expects for those answers. A tapped title's meaning is the id of the button with that exact
/// title in the person's locale.
/// </summary>
internal static class WhatWasSaid
{
    public static IReadOnlyDictionary<RecordedField, Said> From(
        IReadOnlyList<(string Question, string Words)> answers, string locale, IContentCatalog content, string level, IReadOnlyList<string> reasons, string? shownReference)
    {
        IReadOnlyList<string> To(params string[] questions) => [.. answers.Where(a => questions.Contains(a.Question)).Select(a => a.Words)];

        Said Tapped(params string[] questions)
        {
            var picked = answers.Where(a => questions.Contains(a.Question) && Id(a.Question, a.Words) is not Choices.Done).ToList();
            return new([.. picked.Select(a => a.Words)], [.. picked.Select(a => Id(a.Question, a.Words))]);
        }

        Said TypedTo(string question) => To(question) is [var text] ? Said.Typed(text) : Said.Nothing;

        string Id(string question, string words) =>
            content.Prompt(question, locale).Choices.SingleOrDefault(c => c.Title == words)?.Id
            ?? throw new InvalidOperationException($"'{words}' is not a button of {question} in {locale}.");

        var yes = answers.Where(a => content.RedFlags.Any(r => r.QuestionKeys.Contains(a.Question)) && Id(a.Question, a.Words) == Choices.Yes).ToList();
        return new Dictionary<RecordedField, Said>
        {
            [RecordedField.Age] = Tapped(Prompt.Screen.Age),
            [RecordedField.RedFlagAnswers] = new(
                [.. yes.Select(a => a.Words)],
                [.. yes.Select(a => content.RedFlags.First(r => r.QuestionKeys.Contains(a.Question)).Id).Distinct(StringComparer.Ordinal)]),
            [RecordedField.PainLocation] = Tapped(Prompt.Pain.Location, Prompt.Pain.LocationMore),
            [RecordedField.PainSpread] = Tapped(Prompt.Pain.Spread),
            [RecordedField.PainScore] = TypedTo(Prompt.Pain.Score),
            [RecordedField.PainDuration] = Tapped(Prompt.Pain.Duration),
            [RecordedField.NumbnessAny] = Tapped(Prompt.Numbness.Any),
            [RecordedField.NumbnessWhere] = Tapped(Prompt.Numbness.Where, Prompt.Numbness.WhereMore),
            [RecordedField.NumbnessWorsening] = Tapped(Prompt.Numbness.Worsening),
            [RecordedField.TreatmentsTried] = Tapped(Prompt.Treatments.Pick, Prompt.Treatments.More),
            [RecordedField.TreatmentsHelped] = Tapped(Prompt.Treatments.Helped),
            [RecordedField.Name] = TypedTo(Prompt.Referral.Name),
            [RecordedField.Contact] = TypedTo(Prompt.Referral.Contact),
            [RecordedField.ContactTime] = Tapped(Prompt.Referral.Time),

            // Not said but decided and shown: the level and reasons the answers call for, the reference given.
            [RecordedField.Level] = new([content.Text("outcome." + level, locale)], [level]),
            [RecordedField.Reasons] = new([.. reasons.Select(content.HazardName)], reasons),
            [RecordedField.Reference] = shownReference is null ? Said.Nothing : Said.Typed(shownReference),
            [RecordedField.ContentVersion] = Said.Typed(content.Version),
        };
    }
}
