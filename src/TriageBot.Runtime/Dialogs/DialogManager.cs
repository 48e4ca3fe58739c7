using Microsoft.Extensions.Logging;
using TriageBot.Runtime.Turns;
using TriageBot.Schema;

namespace TriageBot.Runtime.Dialogs;

/// <summary>
/// Runs the dialog system for a turn: reads the stack from the turn's state, restarts politely if the stack was
/// written by code that changed since, lets interruptions look at messages first, continues the active dialog or
/// begins the root one, and writes the stack back. The stack lives per person in group chats.
/// </summary>
public sealed class DialogManager(
    DialogSet dialogs,
    string rootDialogId,
    IEnumerable<IInterruption> interruptions,
    DialogManagerOptions options,
    ILogger<DialogManager> logger)
{
    public const string StackProperty = "dialogStack";

    private readonly IReadOnlyList<IInterruption> _interruptions = [.. interruptions];

    /// <summary>True when a dialog is under way for this turn's person (their stack is not empty).</summary>
    public static bool HasActiveDialog(TurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.State?.Dialog.TryGetJson(StackProperty, out var json) == true && DialogStackJson.HasFrames(json);
    }

    public async Task<DialogTurnResult> OnTurnAsync(TurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var scope = turnContext.State?.Dialog
            ?? throw new InvalidOperationException("Dialogs need turn state: the activity has no conversation or sender id.");
        var stack = scope.TryGetJson(StackProperty, out var json) ? DialogStackJson.Read(json) : [];
        if (!CanResume(stack))
        {
            RuntimeLog.DialogRestarted(logger, string.Join(',', stack.Select(f => $"{f.Id}@{f.Version}")));
            stack.Clear();
            turnContext.SendActivity(MessageFactory.Text(options.RestartMessage));
        }

        var dc = new DialogContext(dialogs, turnContext, stack);
        var result = await RunAsync(dc, cancellationToken);
        if (stack.Count == 0)
        {
            scope.Remove(StackProperty);
        }
        else
        {
            scope.Set(StackProperty, stack, RuntimeJsonContext.Default.ListDialogInstance);
        }

        return result;
    }

    private async Task<DialogTurnResult> RunAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var activity = dc.Context.Activity;
        if (activity.Type == ActivityTypes.EndOfConversation)
        {
            return await dc.CancelAllDialogsAsync(cancellationToken);
        }

        if (activity.Type == ActivityTypes.Message)
        {
            foreach (var interruption in _interruptions)
            {
                var handled = await interruption.OnMessageAsync(dc, cancellationToken);
                if (handled == InterruptionResult.HandledThenReprompt)
                {
                    await dc.RepromptDialogAsync(cancellationToken);
                }

                if (handled != InterruptionResult.NotHandled)
                {
                    return dc.ActiveDialog is null ? DialogTurnResult.Empty : DialogTurnResult.Waiting;
                }
            }
        }

        var result = await dc.ContinueDialogAsync(cancellationToken);
        return result.Status == DialogTurnStatus.Empty && StartsConversation(activity)
            ? await dc.BeginDialogAsync(rootDialogId, null, cancellationToken)
            : result;
    }

    /// <summary>
    /// Any message starts the conversation (Web Chat may never send conversationUpdate), as does a configured event or
    /// a conversationUpdate the bot chose to hand over (someone joined).
    /// </summary>
    private bool StartsConversation(Activity activity) =>
        activity.Type is ActivityTypes.Message or ActivityTypes.ConversationUpdate
        || (activity.Type == ActivityTypes.Event && activity.Name is { } name && options.StartEvents.Contains(name));

    private bool CanResume(List<DialogInstance> stack) =>
        stack.All(frame => dialogs.Find(frame.Id) is { } dialog && dialog.CanResume(frame));
}

/// <summary>Dialog manager settings.</summary>
public sealed class DialogManagerOptions
{
    /// <summary>Said when a conversation cannot continue because the dialogs changed since it was saved.</summary>
    public string RestartMessage { get; set; } = "Sorry, I was updated since we last spoke, so we need to start again.";

    /// <summary>Event names that begin the root dialog when nothing is active (e.g. Web Chat's <c>webchat/join</c>).</summary>
    public IReadOnlySet<string> StartEvents { get; set; } = new HashSet<string>(StringComparer.Ordinal) { "webchat/join" };
}
