using TriageBot.Runtime.Dialogs;
using TriageBot.Runtime.Prompts;
using static TriageBot.Dialogs.ContentKeys;

namespace TriageBot.Dialogs.Flow;

/// <summary>
/// Whether the pain spreads, how bad it is (0-10), how long it has lasted (a clinical band), whether it started before
/// 45 (asked at 45 or over with pain over 12 weeks; under 45 it did), features of inflammatory back pain (pain that
/// started before 45 and has lasted over 12 weeks: NICE NG65) and, optionally, what makes it better or worse. Where it
/// hurts was asked in the red-flag screen (<see cref="RedFlagScreen"/>) and is read back from the findings. Pain into
/// both legs is graded with its duration (new: emergency; long-standing: routine), so the duration is always asked.
/// Ends with the answers and their findings.
/// </summary>
internal static class PainDialog
{
    public const string Id = "triage.pain";

    // Version 3: where it hurts moved to the screen, and the onset question was added (content 2026.12.07.7); a
    // saved pain dialog of version 2 restarts rather than resume at a step that moved.
    public static Dialog Create(TriageServices services, ChoicePrompt choice, NumberPrompt score, DurationBandPrompt duration, TextPrompt text) =>
        new WaterfallDialog<PainAnswers>(Id, 3, TriageJsonContext.Default.PainAnswers, () => new PainAnswers())
            .AddStep("note-places", (step, ct) =>
            {
                step.Values = step.Values with { Locations = PlacesFound(services, TriageFindings.Of(step.Context)) };
                return step.NextAsync(null, ct);
            })
            .AddQuestion(services, "ask-spread", choice, step => Ask(services, step, Prompt.Pain.Spread),
                (s, o) => s with { Spread = o.Value?.Value })
            .AddQuestion(services, "ask-score", score, step => Ask(services, step, Prompt.Pain.Score),
                (s, o) => s with { Score = o.Value })
            .AddQuestion(services, "ask-duration", duration, step => Ask(services, step, Prompt.Pain.Duration),
                (s, o) => s with { Duration = o.Value })
            .AddStep("note-age", (step, ct) =>
            {
                step.Values = step.Values with { Under45 = TriageFindings.Of(step.Context).Has(Findings.AgeUnder45) };
                return step.NextAsync(null, ct);
            })
            .AddQuestion(services, "ask-onset", choice, step => Ask(services, step, Prompt.Screen.OnsetBefore45),
                (s, o) => s with { OnsetBefore45 = o.Value?.Value ?? Choices.NotSure },
                skipWhen: s => s.Under45 || s.Duration != DurationBandPrompt.Over12Weeks)
            .AddQuestion(services, "ask-inflammatory", choice, step => Ask(services, step, Prompt.Screen.Inflammatory),
                (s, o) => s with { InflammatoryPattern = o.Value?.Value },
                skipWhen: s => !(StartedBefore45(s) && s.Duration == DurationBandPrompt.Over12Weeks))
            .AddPrompt("ask-triggers", text, step => Ask(services, step, Prompt.Pain.Triggers),
                (s, o) => s with { Triggers = o.Value is { } t && !IsSkip(services, t) ? t : null })
            .AddStep("finish", (step, ct) => step.EndWithAsync(step.Values with { Findings = FindingsOf(step.Values) }, TriageJsonContext.Default.PainAnswers, ct));

    public static IReadOnlyList<string> FindingsOf(PainAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var findings = new List<string>(answers.Places.Select(Findings.PainLocation));

        if (answers.Spread is { } spread)
        {
            findings.Add(Findings.PainSpread(spread));
        }

        if (answers.Score >= 8)
        {
            findings.Add(Findings.PainScoreSevere);
        }

        if (answers.Duration is { } band)
        {
            findings.Add(Findings.Duration(band));
        }

        if (StartedBefore45(answers))
        {
            findings.Add(Findings.OnsetUnder45);
        }

        // Yes only: a pattern to mention to a doctor, not a red flag.
        if (answers.InflammatoryPattern == Choices.Yes)
        {
            findings.Add(Findings.InflammatoryYes);
        }

        return findings;
    }

    /// <summary>Where the pain is, as the screen recorded it: every place found, in the content's order.</summary>
    public static IReadOnlyList<string> PlacesFound(TriageServices services, TriageFindings findings)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(findings);
        return [.. services.Content.Prompt(Prompt.Pain.Location, null).Choices.Select(c => c.Id).Where(id => findings.Has(Findings.PainLocation(id)))];
    }

    /// <summary>Under 45 now, or a yes (or not sure: asking about the features is harmless) to the onset question.</summary>
    private static bool StartedBefore45(PainAnswers answers) =>
        answers.Under45 || answers.OnsetBefore45 is Choices.Yes or Choices.NotSure;

    private static PromptOptions Ask(TriageServices services, WaterfallStepContext<PainAnswers> step, string key) =>
        new Wording(services.Content, step.Context).Ask(key);

    private static bool IsSkip(TriageServices services, string text) =>
        services.Content.Prompt(Prompt.Pain.Triggers, null).Choices.Any(c =>
            c.Id == Choices.Skip
            && (string.Equals(c.Title, text.Trim(), StringComparison.OrdinalIgnoreCase)
                || c.Synonyms.Any(syn => string.Equals(syn, text.Trim(), StringComparison.OrdinalIgnoreCase))));
}
