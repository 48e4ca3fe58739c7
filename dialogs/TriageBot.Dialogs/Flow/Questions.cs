using System.Text.Json;
using TriageBot.Runtime.Dialogs;
using TriageBot.Runtime.Prompts;

namespace TriageBot.Dialogs.Flow;

/// <summary>
/// A waterfall question that tells the person when their answer could not be understood after the last re-ask
/// ("not-understood": the triage moves on, and a warning-sign question counts it as "not sure"), instead of moving on
/// in silence. Otherwise the same as <see cref="WaterfallDialog{TState}.AddPrompt{TValue}"/>, with the same step names.
/// </summary>
internal static class Questions
{
    private static readonly JsonElement Skipped = JsonDocument.Parse("\"triage.question.skipped\"").RootElement.Clone();

    public static WaterfallDialog<TState> AddQuestion<TState, TValue>(
        this WaterfallDialog<TState> waterfall,
        TriageServices services,
        string name,
        Prompt<TValue> prompt,
        Func<WaterfallStepContext<TState>, PromptOptions> ask,
        Func<TState, PromptOutcome<TValue>, TState> record,
        Func<TState, bool>? skipWhen = null)
        where TState : class
    {
        ArgumentNullException.ThrowIfNull(waterfall);
        ArgumentNullException.ThrowIfNull(prompt);
        return waterfall
            .AddStep(name, (step, ct) => skipWhen?.Invoke(step.Values) == true
                ? step.NextAsync(Skipped, ct)
                : step.PromptAsync(prompt.Id, ask(step), ct))
            .AddStep($"{name}.answer", (step, ct) =>
            {
                if (step.Result is { ValueKind: JsonValueKind.String } r && r.GetString() == Skipped.GetString())
                {
                    return step.NextAsync(null, ct);
                }

                var outcome = prompt.ReadOutcome(step.Result);
                SayIfNotUnderstood(services, step.Context, outcome.Understood);
                step.Values = record(step.Values, outcome);
                return step.NextAsync(null, ct);
            });
    }

    /// <summary>Says "not-understood" after a question's last re-ask failed.</summary>
    public static void SayIfNotUnderstood(TriageServices services, Runtime.Turns.TurnContext turn, bool understood)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (!understood)
        {
            new Wording(services.Content, turn).Say(ContentKeys.Errors.NotUnderstood);
        }
    }
}
