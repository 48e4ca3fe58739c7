using TriageBot.Dialogs.Flow;
using TriageBot.Runtime.Dialogs;
using TriageBot.Runtime.Prompts;
using TriageBot.Runtime.State;

namespace TriageBot.Dialogs.Commands;

/// <summary>The two global commands that ask first: "delete my data" and "start over".</summary>
internal static class ConfirmDialogs
{
    public const string DeleteDataId = "triage.delete-data";
    public const string RestartId = "triage.restart";

    /// <summary>
    /// Deletes this person's conversation state, user state and referrals after a yes, and asks the channel to
    /// forget the conversation too. "No" ends this dialog and the question that was open is asked again.
    /// </summary>
    public static Dialog DeleteData(TriageServices services, ChoicePrompt choice) =>
        new WaterfallDialog<ConfirmState>(DeleteDataId, 1, TriageJsonContext.Default.ConfirmState, () => new ConfirmState())
            .AddPrompt("ask-confirm", choice, step => new Wording(services.Content, step.Context).Ask(ContentKeys.Prompt.Delete.Confirm, maxAttempts: 2),
                (s, o) => s with { Answer = o.Value?.Value ?? Choices.No })
            .AddStep("act", async (step, ct) =>
            {
                var wording = new Wording(services.Content, step.Context);
                if (step.Values.Answer != Choices.Yes)
                {
                    wording.Say(ContentKeys.Commands.DeleteCancelled);
                    return await step.EndDialogAsync(null, ct);
                }

                // Nothing to delete: no triage under way (only this question on the stack) and no referral stored.
                var triageUnderWay = step.Dc.Stack.Count > 1;
                var keys = StateKeys.For(step.Context.Activity)!;
                var referrals = await services.Referrals.DeleteBySubjectAsync(StateKeyHash.Compute(keys.User), ct);
                if (step.Context.State is { } state)
                {
                    state.Dialog.Delete();
                    state.User.Delete();
                }

                // And what the channel keeps (the Direct Line transcript and the tokens that open it).
                step.Context.ForgetConversation();

                wording.Say(triageUnderWay || referrals > 0 ? ContentKeys.Commands.DeleteDone : ContentKeys.Commands.DeleteNothing);
                return await step.Dc.CancelAllDialogsAsync(ct);
            });

    /// <summary>Starts the triage again from the welcome after a yes; "no" carries on where the person was.</summary>
    public static Dialog Restart(TriageServices services, ChoicePrompt choice) =>
        new WaterfallDialog<ConfirmState>(RestartId, 1, TriageJsonContext.Default.ConfirmState, () => new ConfirmState())
            .AddPrompt("ask-confirm", choice, step => new Wording(services.Content, step.Context).Ask(ContentKeys.Prompt.Restart.Confirm, maxAttempts: 2),
                (s, o) => s with { Answer = o.Value?.Value ?? Choices.No })
            .AddStep("act", async (step, ct) =>
            {
                if (step.Values.Answer != Choices.Yes)
                {
                    return await step.EndDialogAsync(null, ct);
                }

                new Wording(services.Content, step.Context).Say(ContentKeys.Commands.RestartDone);
                await step.Dc.CancelAllDialogsAsync(ct);
                TriageFindings.Of(step.Context).Clear();
                return await step.Dc.BeginDialogAsync(TriageDialog.Id, null, ct);
            });
}
