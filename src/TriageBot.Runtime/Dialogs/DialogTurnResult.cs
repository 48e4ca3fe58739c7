using System.Text.Json;

namespace TriageBot.Runtime.Dialogs;

/// <summary>Where the dialog stack stands after an operation.</summary>
public enum DialogTurnStatus
{
    /// <summary>Nothing was on the stack.</summary>
    Empty,

    /// <summary>A dialog is waiting for the user's next message.</summary>
    Waiting,

    /// <summary>The last dialog ended; <see cref="DialogTurnResult.Result"/> holds its result.</summary>
    Complete,

    /// <summary>The stack was cancelled.</summary>
    Cancelled,
}

/// <summary>Why a dialog is being begun, resumed or ended.</summary>
public enum DialogReason
{
    BeginCalled,
    ContinueCalled,
    EndCalled,
    ReplaceCalled,
    CancelCalled,
    NextCalled,
}

/// <summary>The status of the stack plus, when a dialog completed, its result as JSON.</summary>
public sealed record DialogTurnResult(DialogTurnStatus Status, JsonElement? Result = null)
{
    public static DialogTurnResult Waiting { get; } = new(DialogTurnStatus.Waiting);

    public static DialogTurnResult Empty { get; } = new(DialogTurnStatus.Empty);
}
