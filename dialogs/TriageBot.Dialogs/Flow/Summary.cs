using System.Globalization;
using TriageBot.Content.Model;
using static TriageBot.Dialogs.ContentKeys;
using Keys = TriageBot.Dialogs.ContentKeys;

namespace TriageBot.Dialogs.Flow;

/// <summary>
/// The end-of-chat summary a person can copy for their GP: outcome, red flags found, what else changed the advice
/// (pregnancy, inflammatory back pain), pain, numbness, treatments and the referral number, then the safety net
/// (unless the outcome was an emergency). Plain text, lines from content, values from the answers' choice titles.
/// </summary>
internal static class Summary
{
    /// <param name="referralSent">Whether a referral goes to the clinic (a destination is configured), or is only stored.</param>
    public static string Write(Wording wording, TriageState state, bool referralSent)
    {
        ArgumentNullException.ThrowIfNull(wording);
        ArgumentNullException.ThrowIfNull(state);
        var lines = new List<string> { wording.Text(Keys.Summary.Title) };
        if (state.Outcome is { } outcome)
        {
            lines.Add(wording.Text(Keys.Summary.Outcome, (Args.Outcome, wording.Text(state.OutcomeName ?? Outcomes.OutcomeNameKey(outcome)))));
        }

        var hazards = state.Hazards.Select(wording.Content.HazardName).ToList();
        lines.Add(hazards.Count > 0 ? wording.Text(Keys.Summary.RedFlags, (Args.Items, string.Join(", ", hazards))) : wording.Text(Keys.Summary.None));
        var notes = Notes(wording, state).ToList();
        if (notes.Count > 0)
        {
            lines.Add(wording.Text(Keys.Summary.Notes, (Args.Items, string.Join("; ", notes))));
        }

        lines.AddRange(AnswerLines(wording, state));
        if (state.Reference is { } reference)
        {
            lines.Add(wording.Text(referralSent ? Keys.Summary.Referral : Keys.Summary.ReferralNotSent, (Args.Reference, reference)));
        }

        // The warning signs travel with the summary, so whoever reads it later knows when to get help. An
        // emergency outcome already says to call now.
        if (state.Outcome != Outcomes.Id(DispositionLevel.Emergency))
        {
            lines.Add(wording.Text(ContentKeys.Safety.Net));
        }

        lines.Add(wording.Text(Keys.Summary.Footer));
        return string.Join("\n\n", lines);
    }

    /// <summary>
    /// The pain, numbness and treatment lines, choice titles in the reader's locale: shared by the person's summary and
    /// the clinic's referral card, so both say the same.
    /// </summary>
    public static IEnumerable<string> AnswerLines(Wording wording, TriageState state)
    {
        ArgumentNullException.ThrowIfNull(wording);
        ArgumentNullException.ThrowIfNull(state);
        var pain = state.Pain;
        if (pain.Places.Count > 0)
        {
            yield return wording.Text(Keys.Summary.Pain,
                (Args.Location, Titles(wording, Prompt.Pain.Location, pain.Places)),
                (Args.Spread, Title(wording, Prompt.Pain.Spread, pain.Spread)),
                (Args.Score, pain.Score?.ToString("0.#", CultureInfo.InvariantCulture) ?? "-"),
                (Args.Duration, Title(wording, Prompt.Pain.Duration, pain.Duration)));
        }

        var numbness = state.Numbness;
        if (numbness.Any is not null and not Choices.No)
        {
            yield return wording.Text(Keys.Summary.Numbness,
                (Args.Where, Titles(wording, Prompt.Numbness.Where, numbness.Places)),
                (Args.Worsening, Title(wording, Prompt.Numbness.Worsening, numbness.Worsening)));
        }

        var tried = state.Treatments.Tried ?? [];
        if (tried.Count > 0)
        {
            yield return wording.Text(Keys.Summary.Treatments,
                (Args.Items, Titles(wording, Prompt.Treatments.Pick, tried)),
                (Args.Helped, Title(wording, Prompt.Treatments.Helped, state.Treatments.Helped)));
        }
    }

    /// <summary>
    /// What has no hazard of its own but changed the advice, so whoever reads the summary knows it: a pregnancy (or
    /// maybe: the pregnancy medicine advice and the maternity warning) and inflammatory back pain (the NICE NG65 note,
    /// when its rule matched).
    /// </summary>
    private static IEnumerable<string> Notes(Wording wording, TriageState state)
    {
        var findings = state.Findings.ToHashSet(StringComparer.Ordinal);
        if (findings.Contains(Findings.PregnancyYes))
        {
            yield return wording.Text(Keys.Summary.Note.Pregnancy);
        }

        if (wording.Content.Evaluate(findings).Matched.Any(rule => rule.Advice == Advice.Combined.Inflammatory))
        {
            yield return wording.Text(Keys.Summary.Note.Inflammatory);
        }
    }

    /// <summary>Every chosen place or treatment, in the order chosen: "Leg or foot, Between your legs".</summary>
    private static string Titles(Wording wording, string promptKey, IReadOnlyList<string>? choiceIds) =>
        choiceIds is { Count: > 0 } ids ? string.Join(", ", ids.Select(id => Title(wording, promptKey, id))) : "-";

    internal static string Title(Wording wording, string promptKey, string? choiceId) =>
        choiceId is null
            ? "-"
            : wording.Content.Prompt(promptKey, wording.Locale).Choices.FirstOrDefault(c => c.Id == choiceId)?.Title ?? choiceId;
}
