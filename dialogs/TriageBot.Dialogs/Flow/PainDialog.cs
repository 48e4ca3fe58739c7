using TriageBot.Runtime.Dialogs;
using TriageBot.Runtime.Prompts;
using static TriageBot.Dialogs.ContentKeys;

namespace TriageBot.Dialogs.Flow;

/// <summary>
/// Where the pain is, whether it spreads, how bad it is (0-10), how long it has lasted (a clinical band), features of
/// inflammatory back pain (only under 45 with pain over 12 weeks, so it started before 45: NICE NG65) and, optionally, what makes
/// it better or worse. Pain into both legs is graded with its duration (new: emergency; long-standing: routine), so
/// the duration is always asked. Ends with the answers and their findings.
/// </summary>
internal static class PainDialog
{
    public const string Id = "triage.pain";

    public static Dialog Create(TriageServices services, ChoicePrompt choice, NumberPrompt score, DurationBandPrompt duration, TextPrompt text) =>
        new WaterfallDialog<PainAnswers>(Id, 2, TriageJsonContext.Default.PainAnswers, () => new PainAnswers())
            .AddQuestion(services, "ask-location", choice, step => Ask(services, step, Prompt.Pain.Location),
                (s, o) => s with { Location = o.Value?.Value })
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
            .AddQuestion(services, "ask-inflammatory", choice, step => Ask(services, step, Prompt.Screen.Inflammatory),
                (s, o) => s with { InflammatoryPattern = o.Value?.Value },
                skipWhen: s => !(s.Under45 && s.Duration == DurationBandPrompt.Over12Weeks))
            .AddPrompt("ask-triggers", text, step => Ask(services, step, Prompt.Pain.Triggers),
                (s, o) => s with { Triggers = o.Value is { } t && !IsSkip(services, t) ? t : null })
            .AddStep("finish", (step, ct) => step.EndWithAsync(step.Values with { Findings = FindingsOf(step.Values) }, TriageJsonContext.Default.PainAnswers, ct));

    public static IReadOnlyList<string> FindingsOf(PainAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var findings = new List<string>();
        if (answers.Location is { } location)
        {
            findings.Add(Findings.PainLocation(location));
        }

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

        // Yes only: a pattern to mention to a doctor, not a red flag.
        if (answers.InflammatoryPattern == Choices.Yes)
        {
            findings.Add(Findings.InflammatoryYes);
        }

        return findings;
    }

    private static PromptOptions Ask(TriageServices services, WaterfallStepContext<PainAnswers> step, string key) =>
        new Wording(services.Content, step.Context).Ask(key);

    private static bool IsSkip(TriageServices services, string text) =>
        services.Content.Prompt(Prompt.Pain.Triggers, null).Choices.Any(c =>
            c.Id == Choices.Skip
            && (string.Equals(c.Title, text.Trim(), StringComparison.OrdinalIgnoreCase)
                || c.Synonyms.Any(syn => string.Equals(syn, text.Trim(), StringComparison.OrdinalIgnoreCase))));
}
