using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TriageBot.Runtime.Prompts;
using TriageBot.Runtime.Turns;

namespace TriageBot.Runtime.Dialogs;

/// <summary>
/// What a waterfall step sees: its typed <see cref="Values"/> (replace them with <c>with</c>), the begin
/// <see cref="Options"/>, the previous step's or child's <see cref="Result"/>, and the ways to move on.
/// </summary>
public sealed class WaterfallStepContext<TState>
    where TState : class
{
    private readonly WaterfallDialog<TState> _waterfall;
    private readonly DialogInstance _instance;

    internal WaterfallStepContext(
        WaterfallDialog<TState> waterfall, DialogContext dc, DialogInstance instance, int index, string name,
        DialogReason reason, JsonElement? options, JsonElement? result, TState values)
    {
        _waterfall = waterfall;
        _instance = instance;
        Dc = dc;
        Index = index;
        Name = name;
        Reason = reason;
        Options = options;
        Result = result;
        Values = values;
    }

    public DialogContext Dc { get; }

    public TurnContext Context => Dc.Context;

    public int Index { get; }

    public string Name { get; }

    public DialogReason Reason { get; }

    public JsonElement? Options { get; }

    public JsonElement? Result { get; }

    /// <summary>The waterfall's typed state; assign a new record to change it.</summary>
    public TState Values { get; set; }

    /// <summary>True once control has passed on (next step, child dialog, end); the step must not act again.</summary>
    internal bool HandedOff { get; private set; }

    /// <summary>Reads <see cref="Result"/> as a type; default when absent.</summary>
    public T? ResultAs<T>(JsonTypeInfo<T> type) => Result is { } r ? r.Deserialize(type) : default;

    /// <summary>Runs the next step now with <paramref name="result"/>. Calling it twice in one step is a bug.</summary>
    public Task<DialogTurnResult> NextAsync(JsonElement? result, CancellationToken cancellationToken)
    {
        HandOff();
        return _waterfall.RunStepAsync(Dc, _instance, Index + 1, DialogReason.NextCalled, result, cancellationToken);
    }

    public Task<DialogTurnResult> PromptAsync(string promptId, PromptOptions options, CancellationToken cancellationToken)
    {
        HandOff();
        return Dc.PromptAsync(promptId, options, cancellationToken);
    }

    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, JsonElement? options, CancellationToken cancellationToken)
    {
        HandOff();
        return Dc.BeginDialogAsync(dialogId, options, cancellationToken);
    }

    public Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, JsonElement? options, CancellationToken cancellationToken)
    {
        HandOff();
        return Dc.ReplaceDialogAsync(dialogId, options, cancellationToken);
    }

    public Task<DialogTurnResult> EndDialogAsync(JsonElement? result, CancellationToken cancellationToken)
    {
        HandOff();
        return Dc.EndDialogAsync(result, cancellationToken);
    }

    /// <summary>Waits for the user: their next message's text becomes the next step's <see cref="Result"/>.</summary>
    public DialogTurnResult EndOfTurn() => DialogTurnResult.Waiting;

    private void HandOff()
    {
        if (HandedOff)
        {
            throw new InvalidOperationException($"Step '{Name}' already moved on; a step can hand off only once.");
        }

        // Persist before control leaves: a child may finish in this same turn and resume the waterfall.
        _waterfall.Save(_instance, Name, Values);
        HandedOff = true;
    }
}
