using System.Text.Json;
using TriageBot.Runtime.Dialogs;
using TriageBot.Runtime.Prompts;

namespace TriageBot.Dialogs.Flow;

/// <summary>
/// Where the pain is, whether it spreads (into both legs is a red flag: stop and hand back at once), how bad it is
/// (0-10), how long it has lasted (a clinical band) and, optionally, what makes it better or worse.
/// Ends with the answers and their findings.
/// </summary>
internal static class PainDialog
{
    public const string Id = "triage.pain";

    public static Dialog Create(TriageServices services, ChoicePrompt choice, NumberPrompt score, DurationBandPrompt duration, TextPrompt text) =>
        new WaterfallDialog<PainAnswers>(Id, 1, TriageJsonContext.Default.PainAnswers, () => new PainAnswers())
            .AddPrompt("ask-location", choice, step => Ask(services, step, "prompt.pain.location"),
                (s, o) => s with { Location = o.Value?.Value })
            .AddPrompt("ask-spread", choice, step => Ask(services, step, "prompt.pain.spread"),
                (s, o) => s with { Spread = o.Value?.Value })
            .AddStep("check-spread", (step, ct) => step.Values.Spread == "both-legs"
                ? EndAsync(step, ct)
                : step.NextAsync(null, ct))
            .AddPrompt("ask-score", score, step => Ask(services, step, "prompt.pain.score"),
                (s, o) => s with { Score = o.Value })
            .AddPrompt("ask-duration", duration, step => Ask(services, step, "prompt.pain.duration"),
                (s, o) => s with { Duration = o.Value })
            .AddPrompt("ask-triggers", text, step => Ask(services, step, "prompt.pain.triggers"),
                (s, o) => s with { Triggers = o.Value is { } t && !IsSkip(services, t) ? t : null })
            .AddStep("finish", EndAsync);

    public static IReadOnlyList<string> FindingsOf(PainAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var findings = new List<string>();
        if (answers.Location is { } location)
        {
            findings.Add($"pain.location.{location}");
        }

        if (answers.Spread is { } spread)
        {
            findings.Add($"pain.spread.{spread}");
        }

        if (answers.Score >= 8)
        {
            findings.Add("pain.score.severe");
        }

        if (answers.Duration is { } band)
        {
            findings.Add($"duration.{band}");
        }

        return findings;
    }

    private static PromptOptions Ask(TriageServices services, WaterfallStepContext<PainAnswers> step, string key) =>
        new Wording(services.Content, step.Context).Ask(key);

    private static bool IsSkip(TriageServices services, string text) =>
        services.Content.Prompt("prompt.pain.triggers", null).Choices.Any(c =>
            c.Id == Choices.Skip
            && (string.Equals(c.Title, text.Trim(), StringComparison.OrdinalIgnoreCase)
                || c.Synonyms.Any(syn => string.Equals(syn, text.Trim(), StringComparison.OrdinalIgnoreCase))));

    private static Task<DialogTurnResult> EndAsync(WaterfallStepContext<PainAnswers> step, CancellationToken cancellationToken)
    {
        var answers = step.Values with { Findings = FindingsOf(step.Values) };
        return step.EndDialogAsync(JsonSerializer.SerializeToElement(answers, TriageJsonContext.Default.PainAnswers), cancellationToken);
    }
}
