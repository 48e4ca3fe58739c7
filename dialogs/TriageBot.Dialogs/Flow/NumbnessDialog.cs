using System.Text.Json;
using TriageBot.Dialogs.Safety;
using TriageBot.Runtime.Dialogs;
using TriageBot.Runtime.Prompts;

namespace TriageBot.Dialogs.Flow;

/// <summary>
/// Numbness, tingling or weakness: any (not sure counts as yes), where (one place or several; around the genitals
/// or buttocks, or both legs, is an emergency: stop and hand back), and whether it is getting worse. An answer to
/// "any" or "getting worse" that is not understood counts as not sure.
/// </summary>
internal static class NumbnessDialog
{
    public const string Id = "triage.numbness";

    public static Dialog Create(TriageServices services, ChoicePrompt choice) =>
        new WaterfallDialog<NumbnessAnswers>(Id, 2, TriageJsonContext.Default.NumbnessAnswers, () => new NumbnessAnswers())
            .AddPrompt("ask-any", choice, step => Ask(services, step, ContentKeys.Prompt.Numbness.Any),
                (s, o) => s with { Any = o.Value?.Value ?? Choices.NotSure })
            .AddStep("double-check-any", (step, ct) =>
            {
                step.Values = step.Values with { Any = Safe(services, step, ContentKeys.Prompt.Numbness.Any, step.Values.Any) };
                return step.NextAsync(null, ct);
            })
            .AddStep("check-any", (step, ct) => step.Values.Any == Choices.No ? EndAsync(step, ct) : step.NextAsync(null, ct))
            .AddStep("ask-where", (step, ct) => step.BeginDialogAsync(NumbnessPlacesDialog.Id, null, ct))
            .AddStep("check-where", (step, ct) =>
            {
                step.Values = step.Values with { Places = step.Result?.Deserialize(TriageJsonContext.Default.IReadOnlyListString) ?? [] };
                return step.Values.Places.Any(NumbnessPlacesDialog.IsEmergency) ? EndAsync(step, ct) : step.NextAsync(null, ct);
            })
            .AddPrompt("ask-worsening", choice, step => Ask(services, step, ContentKeys.Prompt.Numbness.Worsening),
                (s, o) => s with { Worsening = o.Value?.Value ?? Choices.NotSure })
            .AddStep("finish", (step, ct) =>
            {
                step.Values = step.Values with { Worsening = Safe(services, step, ContentKeys.Prompt.Numbness.Worsening, step.Values.Worsening) };
                return EndAsync(step, ct);
            });

    /// <summary>A "no" stands only if nothing else in the reply could mean yes or not sure (see <see cref="SafetyAnswer"/>).</summary>
    private static string? Safe(TriageServices services, WaterfallStepContext<NumbnessAnswers> step, string key, string? picked) =>
        picked == Choices.No && SafetyAnswer.IsPositive(picked, step.Context.Activity.Text, Ask(services, step, key).Choices)
            ? Choices.NotSure
            : picked;

    public static IReadOnlyList<string> FindingsOf(NumbnessAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (answers.Any is null or Choices.No)
        {
            return [];
        }

        var findings = new List<string> { ContentKeys.Findings.NumbnessYes };
        findings.AddRange((answers.Places ?? []).Select(ContentKeys.Findings.NumbnessWhere));

        if (answers.Worsening is not null && Choices.IsPositive(answers.Worsening))
        {
            findings.Add(ContentKeys.Findings.NumbnessWorsening);
        }

        return findings;
    }

    private static PromptOptions Ask(TriageServices services, WaterfallStepContext<NumbnessAnswers> step, string key) =>
        new Wording(services.Content, step.Context).Ask(key);

    private static Task<DialogTurnResult> EndAsync(WaterfallStepContext<NumbnessAnswers> step, CancellationToken cancellationToken)
    {
        var answers = step.Values with { Findings = FindingsOf(step.Values) };
        return step.EndDialogAsync(JsonSerializer.SerializeToElement(answers, TriageJsonContext.Default.NumbnessAnswers), cancellationToken);
    }
}
