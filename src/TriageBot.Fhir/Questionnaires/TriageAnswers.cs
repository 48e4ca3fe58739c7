using TriageBot.Dialogs.Flow;
using static TriageBot.Dialogs.ContentKeys;

namespace TriageBot.Fhir.Questionnaires;

/// <summary>
/// What the stored triage says for each item: choice ids (or the pain score), never free text. An item the person
/// was not asked, or whose answer the triage does not keep, has none. Pregnancy is kept only as "yes or maybe"
/// (pregnancy.yes), so only a yes is reported; a no and "doesn't apply" look alike in the findings.
/// </summary>
internal static class TriageAnswers
{
    public static IReadOnlyList<string> Choices(TriageItem item, TriageState state, string? preferredTime)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(state);
        return item.PromptKey switch
        {
            Prompt.Screen.Age => [.. state.Findings.Where(f => f.StartsWith("age.", StringComparison.Ordinal)).Select(f => f["age.".Length..])],
            Prompt.Screen.Pregnancy => state.Findings.Contains(Findings.PregnancyYes) ? ["yes"] : [],
            Prompt.Pain.Location => state.Pain.Places,
            Prompt.Pain.Spread => One(state.Pain.Spread),
            Prompt.Pain.Duration => One(state.Pain.Duration),
            Prompt.Screen.OnsetBefore45 => One(state.Pain.OnsetBefore45),
            Prompt.Screen.Inflammatory => One(state.Pain.InflammatoryPattern),
            Prompt.Numbness.Any => One(state.Numbness.Any),
            Prompt.Numbness.Where => state.Numbness.Places ?? [],
            Prompt.Numbness.Worsening => One(state.Numbness.Worsening),
            Prompt.Treatments.Pick => state.Treatments.Tried ?? [],
            Prompt.Treatments.Helped => One(state.Treatments.Helped),
            Prompt.Referral.Time => One(preferredTime),
            _ => [],
        };
    }

    public static decimal? Number(TriageItem item, TriageState state)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(state);
        return item.PromptKey == Prompt.Pain.Score && state.Pain.Score is { } score ? (decimal)score : null;
    }

    private static string[] One(string? id) => id is null ? [] : [id];
}
