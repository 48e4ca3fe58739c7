using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TriageBot.Runtime.Prompts;
using TriageBot.Schema;

namespace TriageBot.Runtime.Dialogs;

/// <summary>One step of a waterfall: ask something, record something, or move on.</summary>
public delegate Task<DialogTurnResult> WaterfallStep<TState>(WaterfallStepContext<TState> step, CancellationToken cancellationToken)
    where TState : class;

/// <summary>
/// Bot Builder's waterfall with two fixes: its values are a typed, immutable state record (serialized with a
/// source-generated <see cref="JsonTypeInfo{T}"/>, never a dictionary of objects), and steps are persisted by
/// <em>name</em>, so inserting a step does not shift conversations already in flight. A frame whose step name
/// no longer exists cannot be resumed, and the conversation restarts politely.
/// </summary>
public sealed class WaterfallDialog<TState> : Dialog
    where TState : class
{
    private readonly List<(string Name, WaterfallStep<TState> Run)> _steps = [];
    private readonly JsonTypeInfo<WaterfallFrame<TState>> _frameType;
    private readonly Func<TState> _initialState;

    public WaterfallDialog(string id, int version, JsonTypeInfo<TState> stateType, Func<TState> initialState)
        : base(id, version)
    {
        _frameType = WaterfallFrame<TState>.JsonType(stateType);
        _initialState = initialState;
    }

    public IReadOnlyList<string> StepNames => [.. _steps.Select(s => s.Name)];

    /// <summary>Adds a step. Names are kebab-case verbs (<c>ask-duration</c>) and must be unique.</summary>
    public WaterfallDialog<TState> AddStep(string name, WaterfallStep<TState> step)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (_steps.Any(s => s.Name == name))
        {
            throw new InvalidOperationException($"Waterfall '{Id}' already has a step named '{name}'.");
        }

        _steps.Add((name, step));
        return this;
    }

    /// <summary>
    /// A typed question: <paramref name="name"/> asks with <paramref name="prompt"/>, and the answer (or "not
    /// understood" after the prompt's last attempt) is folded into the state by <paramref name="record"/>. When
    /// <paramref name="skipWhen"/> holds (the answer is already known), nothing is asked and nothing recorded.
    /// </summary>
    public WaterfallDialog<TState> AddPrompt<TValue>(
        string name,
        Prompt<TValue> prompt,
        Func<WaterfallStepContext<TState>, PromptOptions> ask,
        Func<TState, PromptOutcome<TValue>, TState> record,
        Func<TState, bool>? skipWhen = null)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        AddStep(name, (step, ct) => skipWhen?.Invoke(step.Values) == true
            ? step.NextAsync(Skipped, ct)
            : step.PromptAsync(prompt.Id, ask(step), ct));
        AddStep($"{name}.answer", (step, ct) =>
        {
            if (!IsSkipped(step.Result))
            {
                step.Values = record(step.Values, prompt.ReadOutcome(step.Result));
            }

            return step.NextAsync(null, ct);
        });
        return this;
    }

    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, JsonElement? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var instance = dc.ActiveDialog!;
        var frame = new WaterfallFrame<TState>(_steps.Count > 0 ? _steps[0].Name : "", Guid.NewGuid().ToString("N"), _initialState(), options);
        instance.SetState(frame, _frameType);
        return RunStepAsync(dc, instance, 0, DialogReason.BeginCalled, null, cancellationToken);
    }

    /// <summary>A message arrived while a step was waiting on its own (no child prompt): it becomes the next step's result.</summary>
    public override Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (dc.Context.Activity.Type != ActivityTypes.Message)
        {
            return Task.FromResult(DialogTurnResult.Waiting);
        }

        var instance = dc.ActiveDialog!;
        var text = JsonSerializer.SerializeToElement(dc.Context.Activity.Text ?? "", RuntimeJsonContext.Default.String);
        return RunStepAsync(dc, instance, IndexOf(instance) + 1, DialogReason.ContinueCalled, text, cancellationToken);
    }

    public override Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, JsonElement? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var instance = dc.ActiveDialog!;
        return RunStepAsync(dc, instance, IndexOf(instance) + 1, reason, result, cancellationToken);
    }

    public override bool CanResume(DialogInstance instance)
    {
        if (!base.CanResume(instance))
        {
            return false;
        }

        try
        {
            return ReadFrame(instance) is { Values: not null } frame && _steps.Any(s => s.Name == frame.Step);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static readonly JsonElement Skipped = JsonDocument.Parse("{\"skipped\":true}").RootElement.Clone();

    private static bool IsSkipped(JsonElement? result) =>
        result is { ValueKind: JsonValueKind.Object } r && r.TryGetProperty("skipped", out var skipped) && skipped.ValueKind == JsonValueKind.True;

    internal async Task<DialogTurnResult> RunStepAsync(
        DialogContext dc, DialogInstance instance, int index, DialogReason reason, JsonElement? result, CancellationToken cancellationToken)
    {
        if (index >= _steps.Count)
        {
            return await dc.EndDialogAsync(result, cancellationToken);
        }

        var frame = ReadFrame(instance)!;
        var step = new WaterfallStepContext<TState>(this, dc, instance, index, _steps[index].Name, reason, frame.Options, result, frame.Values!);
        Save(instance, step.Name, step.Values);
        var turn = await _steps[index].Run(step, cancellationToken);
        if (!step.HandedOff)
        {
            Save(instance, step.Name, step.Values);
        }

        return turn;
    }

    /// <summary>Persists the step that is running (or waiting) and the values as they are now.</summary>
    internal void Save(DialogInstance instance, string stepName, TState values)
    {
        var frame = ReadFrame(instance)!;
        frame.Step = stepName;
        frame.Values = values;
    }

    private int IndexOf(DialogInstance instance)
    {
        var name = ReadFrame(instance)?.Step;
        var index = _steps.FindIndex(s => s.Name == name);
        return index >= 0 ? index : throw new InvalidOperationException($"Waterfall '{Id}' has no step '{name}'.");
    }

    /// <summary>The frame as this turn has it (read from the stored JSON once, then kept); null for a JSON null.</summary>
    private WaterfallFrame<TState>? ReadFrame(DialogInstance instance) => instance.GetState(_frameType);
}
