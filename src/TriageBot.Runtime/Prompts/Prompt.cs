using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TriageBot.Runtime.Choices;
using TriageBot.Runtime.Dialogs;
using TriageBot.Runtime.Turns;
using TriageBot.Schema;

namespace TriageBot.Runtime.Prompts;

/// <summary>
/// Asks a question and waits for an answer it can recognize (Bot Builder's Prompt&lt;T&gt;), with one change that
/// matters for a clinical bot: after <see cref="DefaultMaxAttempts"/> answers it cannot use, it stops re-asking and
/// ends as "not understood" (saying <see cref="PromptOptions.NotUnderstoodReply"/>), so nobody is stuck in a loop.
/// A question or free text counts as an attempt and is answered (<see cref="PromptOptions.QuestionReply"/>,
/// <see cref="PromptOptions.FreeTextReply"/>) before the question is asked again. Non-message activities never count.
/// </summary>
public abstract class Prompt<TValue> : Dialog, IPrompt
{
    private readonly JsonTypeInfo<TValue> _valueType;
    private readonly PromptValidator<TValue>? _validator;

    protected Prompt(string id, JsonTypeInfo<TValue> valueType, PromptValidator<TValue>? validator, int version = 1)
        : base(id, version)
    {
        _valueType = valueType;
        _validator = validator;
    }

    public int DefaultMaxAttempts { get; init; } = 3;

    /// <summary>How choices are shown when the options do not say.</summary>
    public ListStyle DefaultStyle { get; init; } = ListStyle.Auto;

    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, JsonElement? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var promptOptions = options?.Deserialize(RuntimeJsonContext.Default.PromptOptions)
            ?? throw new ArgumentException($"Prompt '{Id}' needs PromptOptions.", nameof(options));
        return BeginAsync(dc, promptOptions, cancellationToken);
    }

    /// <summary>Begins with the options as they are (<see cref="DialogContext.PromptAsync"/>: no JSON round trip).</summary>
    async Task<DialogTurnResult> IPrompt.BeginAsync(DialogContext dc, PromptOptions options, CancellationToken cancellationToken) =>
        await BeginAsync(dc, options, cancellationToken);

    private async Task<DialogTurnResult> BeginAsync(DialogContext dc, PromptOptions options, CancellationToken cancellationToken)
    {
        Write(dc.ActiveDialog!, new PromptState(options, 0));
        await SendPromptAsync(dc.Context, options, isRetry: false, cancellationToken);
        return DialogTurnResult.Waiting;
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (dc.Context.Activity.Type != ActivityTypes.Message)
        {
            return DialogTurnResult.Waiting;
        }

        // Said before this prompt read the reply (an interruption's advice for a warning sign typed here): that is
        // not an answer to the question, so it never stands in for asking again.
        var saidBefore = dc.Context.Responded;
        var instance = dc.ActiveDialog!;
        var state = Read(instance);
        var attempts = state.AttemptCount + 1;

        var recognized = await RecognizeAsync(dc.Context, state.Options, cancellationToken);
        var valid = _validator is null
            ? recognized.Succeeded
            : await _validator(new PromptValidatorContext<TValue>(dc.Context, recognized, state.Options, attempts), cancellationToken);
        if (valid && recognized.Value is { } value)
        {
            return await dc.EndDialogAsync(Outcome(PromptOutcome<TValue>.Of(value)), cancellationToken);
        }

        if (attempts >= (state.Options.MaxAttempts ?? DefaultMaxAttempts))
        {
            Send(dc.Context, state.Options.NotUnderstoodReply);
            return await dc.EndDialogAsync(Outcome(PromptOutcome<TValue>.NotUnderstood), cancellationToken);
        }

        // A question or free text gets its own short answer, then the question itself again (not the retry text),
        // also after something else answered this turn (a warning sign's advice): the person is never left without
        // the question. Otherwise a message the validator sent stands in for the retry text; advice said before the
        // prompt read the reply does not, or a red flag typed in a short reply would get its advice and then silence.
        var explanation = recognized.Kind switch
        {
            ReplyKind.Question => state.Options.QuestionReply,
            ReplyKind.FreeText => state.Options.FreeTextReply,
            _ => null,
        };
        if (explanation is not null || !dc.Context.Responded || saidBefore)
        {
            Send(dc.Context, explanation);
            await SendPromptAsync(dc.Context, state.Options, isRetry: explanation is null, cancellationToken);
        }

        // The attempt is recorded only when the prompt stays on the stack: an answered prompt's frame is popped, so
        // writing it first (the whole options, every turn) was work thrown away. A turn that throws saves nothing.
        Write(instance, state with { AttemptCount = attempts });
        return DialogTurnResult.Waiting;
    }

    /// <summary>Something ended on top of this prompt: ask again.</summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, JsonElement? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken);
        return DialogTurnResult.Waiting;
    }

    public override Task RepromptDialogAsync(TurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken) =>
        SendPromptAsync(turnContext, Read(instance).Options, isRetry: false, cancellationToken);

    /// <summary>Reads the result this prompt ended with (as a waterfall receives it).</summary>
    public PromptOutcome<TValue> ReadOutcome(JsonElement? result)
    {
        if (result is not { ValueKind: JsonValueKind.Object } r
            || !r.TryGetProperty("understood", out var understood) || understood.ValueKind != JsonValueKind.True
            || !r.TryGetProperty("value", out var value))
        {
            return PromptOutcome<TValue>.NotUnderstood;
        }

        return value.Deserialize(_valueType) is { } typed ? PromptOutcome<TValue>.Of(typed) : PromptOutcome<TValue>.NotUnderstood;
    }

    /// <summary>Makes sense of the user's reply.</summary>
    protected abstract Task<PromptRecognition<TValue>> RecognizeAsync(TurnContext turnContext, PromptOptions options, CancellationToken cancellationToken);

    /// <summary>The question as sent: the prompt (or retry) text, marked as expecting input, with choices if any.</summary>
    protected virtual Activity RenderPrompt(TurnContext turnContext, PromptOptions options, bool isRetry)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(options);
        var prompt = (isRetry ? options.RetryPrompt ?? options.Prompt : options.Prompt) ?? MessageFactory.Text("");
        prompt = prompt with { InputHint = prompt.InputHint ?? InputHints.ExpectingInput };
        var choices = ChoicesFor(options);
        return choices.Count == 0
            ? prompt
            : ChoiceFactory.AppendChoices(prompt, choices, options.Style ?? DefaultStyle, turnContext.Reference);
    }

    /// <summary>The choices shown with the question; the options' own, unless a prompt (Confirm) supplies defaults.</summary>
    protected virtual IReadOnlyList<Choice> ChoicesFor(PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Choices ?? [];
    }

    private Task SendPromptAsync(TurnContext turnContext, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        var activity = RenderPrompt(turnContext, options, isRetry);
        if (activity.Text is { Length: > 0 } || activity.Attachments is { Count: > 0 })
        {
            turnContext.SendActivity(activity with { InputHint = activity.InputHint ?? InputHints.ExpectingInput });
        }

        return Task.CompletedTask;
    }

    private static void Send(TurnContext turnContext, Activity? message)
    {
        if (message is { Text.Length: > 0 })
        {
            turnContext.SendActivity(message);
        }
    }

    private JsonElement Outcome(PromptOutcome<TValue> outcome)
    {
        var json = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartObject();
            writer.WriteBoolean("understood"u8, outcome.Understood);
            if (outcome.Understood)
            {
                writer.WritePropertyName("value"u8);
                JsonSerializer.Serialize(writer, outcome.Value!, _valueType);
            }

            writer.WriteEndObject();
        }

        return JsonElement.Parse(json.WrittenSpan);
    }

    private static PromptState Read(DialogInstance instance) =>
        instance.GetState(RuntimeJsonContext.Default.PromptState)
            ?? throw new InvalidOperationException($"Prompt frame '{instance.Id}' has no state.");

    private static void Write(DialogInstance instance, PromptState state) =>
        instance.SetStateWrittenBy(state, RuntimeJsonContext.Default.PromptState, PromptStateJson.Write);
}

/// <summary>A prompt that can begin with its options as an object (the runtime's own prompts).</summary>
internal interface IPrompt
{
    Task<DialogTurnResult> BeginAsync(DialogContext dc, PromptOptions options, CancellationToken cancellationToken);
}

/// <summary>A prompt's persisted frame.</summary>
internal sealed record PromptState(PromptOptions Options, int AttemptCount);
