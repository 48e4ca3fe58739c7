using System.Text.Json;
using TriageBot.Runtime.Prompts;
using TriageBot.Runtime.Turns;

namespace TriageBot.Runtime.Dialogs;

/// <summary>
/// Operations on one dialog stack during a turn (Bot Builder's DialogContext). Index 0 of <see cref="Stack"/> is
/// the active dialog. A component dialog gets its own context whose <see cref="Parent"/> is the outer one.
/// </summary>
public sealed class DialogContext(DialogSet dialogs, TurnContext context, List<DialogInstance> stack, DialogContext? parent = null)
{
    public DialogSet Dialogs { get; } = dialogs;

    public TurnContext Context { get; } = context;

    public List<DialogInstance> Stack { get; } = stack;

    public DialogContext? Parent { get; } = parent;

    public DialogInstance? ActiveDialog => Stack.Count > 0 ? Stack[0] : null;

    /// <summary>Pushes a dialog and starts it.</summary>
    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, JsonElement? options, CancellationToken cancellationToken) =>
        Push(dialogId).BeginDialogAsync(this, options, cancellationToken);

    /// <summary>Starts a prompt with its options.</summary>
    public Task<DialogTurnResult> PromptAsync(string promptId, PromptOptions options, CancellationToken cancellationToken)
    {
        var dialog = Push(promptId);
        return dialog is IPrompt prompt
            ? prompt.BeginAsync(this, options, cancellationToken)
            : dialog.BeginDialogAsync(this, JsonSerializer.SerializeToElement(options, RuntimeJsonContext.Default.PromptOptions), cancellationToken);
    }

    /// <summary>Hands the turn to the active dialog; <see cref="DialogTurnStatus.Empty"/> when there is none.</summary>
    public Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken) =>
        ActiveDialog is { } active
            ? DialogFor(active).ContinueDialogAsync(this, cancellationToken)
            : Task.FromResult(DialogTurnResult.Empty);

    /// <summary>Ends the active dialog and resumes its parent with <paramref name="result"/>.</summary>
    public async Task<DialogTurnResult> EndDialogAsync(JsonElement? result, CancellationToken cancellationToken)
    {
        await PopAsync(DialogReason.EndCalled, cancellationToken);
        return ActiveDialog is { } parent
            ? await DialogFor(parent).ResumeDialogAsync(this, DialogReason.EndCalled, result, cancellationToken)
            : new DialogTurnResult(DialogTurnStatus.Complete, result);
    }

    /// <summary>Ends the active dialog without resuming its parent and begins another in its place (used for loops).</summary>
    public async Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, JsonElement? options, CancellationToken cancellationToken)
    {
        await PopAsync(DialogReason.ReplaceCalled, cancellationToken);
        return await BeginDialogAsync(dialogId, options, cancellationToken);
    }

    /// <summary>Ends every dialog on this stack.</summary>
    public async Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken)
    {
        if (Stack.Count == 0)
        {
            return DialogTurnResult.Empty;
        }

        while (Stack.Count > 0)
        {
            await PopAsync(DialogReason.CancelCalled, cancellationToken);
        }

        return new DialogTurnResult(DialogTurnStatus.Cancelled);
    }

    /// <summary>Asks the active dialog to repeat its question.</summary>
    public Task RepromptDialogAsync(CancellationToken cancellationToken) =>
        ActiveDialog is { } active
            ? DialogFor(active).RepromptDialogAsync(Context, active, cancellationToken)
            : Task.CompletedTask;

    /// <summary>Finds a dialog here or in an enclosing context.</summary>
    public Dialog? FindDialog(string dialogId) => Dialogs.Find(dialogId) ?? Parent?.FindDialog(dialogId);

    /// <summary>Puts a fresh frame for the dialog on top of the stack; the dialog is begun next.</summary>
    private Dialog Push(string dialogId)
    {
        var dialog = FindDialog(dialogId) ?? throw new InvalidOperationException($"No dialog with id '{dialogId}' can be begun here.");
        Stack.Insert(0, new DialogInstance { Id = dialog.Id, Version = dialog.Version });
        return dialog;
    }

    private Dialog DialogFor(DialogInstance instance) =>
        FindDialog(instance.Id) ?? throw new InvalidOperationException($"The stack holds dialog '{instance.Id}', which is not registered.");

    private async Task PopAsync(DialogReason reason, CancellationToken cancellationToken)
    {
        if (ActiveDialog is not { } active)
        {
            return;
        }

        Stack.RemoveAt(0);
        if (FindDialog(active.Id) is { } dialog)
        {
            await dialog.EndDialogAsync(Context, active, reason, cancellationToken);
        }
    }
}
