namespace TriageBot.Runtime.Dialogs;

/// <summary>What an interruption did with a message.</summary>
public enum InterruptionResult
{
    /// <summary>Not for me: the active dialog gets the message.</summary>
    NotHandled,

    /// <summary>Answered (and perhaps cancelled or replaced the stack); the active dialog does not see the message.</summary>
    Handled,

    /// <summary>Answered; then the active dialog repeats its question.</summary>
    HandledThenReprompt,
}

/// <summary>
/// Runs on every incoming message before the active dialog, in registration order: emergency detection, help,
/// start over, stop. It may answer, cancel the stack or begin another dialog through the context.
/// </summary>
public interface IInterruption
{
    Task<InterruptionResult> OnMessageAsync(DialogContext dc, CancellationToken cancellationToken);
}
