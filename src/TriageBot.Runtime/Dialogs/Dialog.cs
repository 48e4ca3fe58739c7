using System.Text.Json;
using TriageBot.Runtime.Turns;

namespace TriageBot.Runtime.Dialogs;

/// <summary>
/// A unit of conversation with persisted state. The id is an explicit, stable string (never <c>nameof</c>), and the
/// version says which shape of state the dialog writes: when code changes the shape, bump the version and an
/// in-flight conversation restarts that dialog politely instead of crashing.
/// </summary>
public abstract class Dialog
{
    protected Dialog(string id, int version)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        Id = id;
        Version = version;
    }

    public string Id { get; }

    public int Version { get; }

    public abstract Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, JsonElement? options, CancellationToken cancellationToken);

    /// <summary>The user sent something while this dialog is active. By default the dialog just ends.</summary>
    public virtual Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.EndDialogAsync(null, cancellationToken);
    }

    /// <summary>A child dialog ended and this one is active again. By default it ends with the child's result.</summary>
    public virtual Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, JsonElement? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.EndDialogAsync(result, cancellationToken);
    }

    /// <summary>Ask again (after an interruption, for example).</summary>
    public virtual Task RepromptDialogAsync(TurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>The frame is being removed from the stack.</summary>
    public virtual Task EndDialogAsync(TurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>Whether a persisted frame can be resumed by this code. False restarts the conversation politely.</summary>
    public virtual bool CanResume(DialogInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return instance.Version == Version;
    }
}
