using System.Text.Json;
using TriageBot.Runtime.Dialogs;
using TriageBot.Runtime.Prompts;

namespace TriageBot.Dialogs.Flow;

/// <summary>
/// A waterfall question that can be skipped when an earlier answer makes it pointless (<c>skipWhen</c>). An answer not
/// understood after the last re-ask is announced by the prompt itself (<see cref="PromptOptions.NotUnderstoodReply"/>,
/// set by <see cref="Wording.Ask"/>). Otherwise the same as <see cref="WaterfallDialog{TState}.AddPrompt{TValue}"/>.
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

                step.Values = record(step.Values, prompt.ReadOutcome(step.Result));
                return step.NextAsync(null, ct);
            });
    }

}
