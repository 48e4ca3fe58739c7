using System.Text.Json;
using TriageBot.Runtime.Turns;

namespace TriageBot.Runtime.Dialogs;

/// <summary>
/// A dialog made of dialogs: it keeps its own inner stack inside its frame's state (<c>{"dialogs":[...]}</c>), so
/// a group of steps and prompts can be reused as one. When the inner stack finishes or is cancelled, the
/// component ends and its parent resumes with the inner result.
/// </summary>
public class ComponentDialog : Dialog
{
    private readonly DialogSet _dialogs = new();

    public ComponentDialog(string id, int version, string? initialDialogId = null)
        : base(id, version)
    {
        InitialDialogId = initialDialogId;
    }

    /// <summary>The inner dialog begun first; defaults to the first one added.</summary>
    public string? InitialDialogId { get; set; }

    public ComponentDialog AddDialog(Dialog dialog)
    {
        _dialogs.Add(dialog);
        InitialDialogId ??= dialog.Id;
        return this;
    }

    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, JsonElement? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var instance = dc.ActiveDialog!;
        var inner = InnerContext(dc, instance);
        var result = await inner.BeginDialogAsync(InitialDialogId ?? throw new InvalidOperationException($"Component '{Id}' has no dialogs."), options, cancellationToken);
        return await AfterInnerTurnAsync(dc, instance, inner, result, cancellationToken);
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var instance = dc.ActiveDialog!;
        var inner = InnerContext(dc, instance);
        var result = await inner.ContinueDialogAsync(cancellationToken);
        return await AfterInnerTurnAsync(dc, instance, inner, result, cancellationToken);
    }

    /// <summary>Something pushed on top of the component ended: ask the inner dialog again.</summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, JsonElement? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken);
        return DialogTurnResult.Waiting;
    }

    public override Task RepromptDialogAsync(TurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var inner = new DialogContext(_dialogs, turnContext, ReadStack(instance));
        return inner.RepromptDialogAsync(cancellationToken);
    }

    public override async Task EndDialogAsync(TurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (reason == DialogReason.CancelCalled)
        {
            var inner = new DialogContext(_dialogs, turnContext, ReadStack(instance));
            await inner.CancelAllDialogsAsync(cancellationToken);
            WriteStack(instance, inner.Stack);
        }
    }

    /// <summary>Resumable only if every inner frame is, too.</summary>
    public override bool CanResume(DialogInstance instance) =>
        base.CanResume(instance)
        && ReadStack(instance).All(frame => _dialogs.Find(frame.Id) is { } dialog && dialog.CanResume(frame));

    private DialogContext InnerContext(DialogContext outer, DialogInstance instance) =>
        new(_dialogs, outer.Context, ReadStack(instance), outer);

    private static async Task<DialogTurnResult> AfterInnerTurnAsync(
        DialogContext outer, DialogInstance instance, DialogContext inner, DialogTurnResult result, CancellationToken cancellationToken)
    {
        WriteStack(instance, inner.Stack);
        return result.Status == DialogTurnStatus.Waiting
            ? DialogTurnResult.Waiting
            : await outer.EndDialogAsync(result.Result, cancellationToken);
    }

    /// <summary>The inner stack, read from the frame once per turn; the same list until the frame is written.</summary>
    private static List<DialogInstance> ReadStack(DialogInstance instance) =>
        instance.GetState(RuntimeJsonContext.Default.ComponentState, static json => new ComponentState(DialogStackJson.ReadComponentStack(json))).Dialogs;

    private static void WriteStack(DialogInstance instance, List<DialogInstance> stack) =>
        instance.SetState(new ComponentState(stack), RuntimeJsonContext.Default.ComponentState);
}

/// <summary>A component's persisted state: its inner stack.</summary>
internal sealed record ComponentState(List<DialogInstance> Dialogs);
