using System.Text;
using TriageBot.Dialogs.Flow;
using TriageBot.Dialogs.Referrals;
using TriageBot.Runtime.Dialogs;

namespace TriageBot.Dialogs.Commands;

/// <summary>
/// Commands that work at any step: help, start over, stop, talk to a person, delete my data, what happened to my
/// request. Only a message that
/// is the command as a whole counts ("I can't stop the pain" is not "stop").
/// </summary>
internal sealed class GlobalCommandInterruption(TriageServices services) : IInterruption
{
    private enum Command
    {
        Help,
        Restart,
        Stop,
        Human,
        Delete,
        Status,
    }

    // What people type to mean each command. Input vocabulary (like prompt synonyms), not bot wording.
    private static readonly Dictionary<string, Command> Phrases = new(StringComparer.Ordinal)
    {
        ["help"] = Command.Help,
        ["?"] = Command.Help,
        ["what can you do"] = Command.Help,
        ["menu"] = Command.Help,
        ["restart"] = Command.Restart,
        ["start over"] = Command.Restart,
        ["start again"] = Command.Restart,
        ["begin again"] = Command.Restart,
        ["reset"] = Command.Restart,
        ["stop"] = Command.Stop,
        ["cancel"] = Command.Stop,
        ["quit"] = Command.Stop,
        ["exit"] = Command.Stop,
        ["end"] = Command.Stop,
        ["talk to a person"] = Command.Human,
        ["speak to a person"] = Command.Human,
        ["talk to someone"] = Command.Human,
        ["speak to someone"] = Command.Human,
        ["talk to a human"] = Command.Human,
        ["speak to a human"] = Command.Human,
        ["human"] = Command.Human,
        ["agent"] = Command.Human,
        ["real person"] = Command.Human,
        ["contact the clinic"] = Command.Human,
        ["delete my data"] = Command.Delete,
        ["forget me"] = Command.Delete,
        ["delete my information"] = Command.Delete,
        ["erase my data"] = Command.Delete,
        ["delete my details"] = Command.Delete,
        ["status"] = Command.Status,
        ["what happened to my request"] = Command.Status,
        ["what happened to my referral"] = Command.Status,
        ["what s happening with my request"] = Command.Status,
        ["any news"] = Command.Status,
        ["any news on my referral"] = Command.Status,
        ["any news on my request"] = Command.Status,
        ["any update"] = Command.Status,
        ["any updates"] = Command.Status,
        ["did the clinic get my request"] = Command.Status,
        ["did the clinic get my referral"] = Command.Status,
        ["has the clinic seen my request"] = Command.Status,
        ["where is my request"] = Command.Status,
        ["request status"] = Command.Status,
        ["referral status"] = Command.Status,
        ["my request"] = Command.Status,
    };

    public async Task<InterruptionResult> OnMessageAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (!Phrases.TryGetValue(Normalize(dc.Context.Activity.Text), out var command))
        {
            return InterruptionResult.NotHandled;
        }

        var wording = new Wording(services.Content, dc.Context);
        switch (command)
        {
            case Command.Help:
                wording.Say(ContentKeys.Commands.Help);
                return InterruptionResult.HandledThenReprompt;
            case Command.Human:
                wording.Say(ContentKeys.Commands.Human);
                return InterruptionResult.HandledThenReprompt;
            case Command.Stop:
                await dc.CancelAllDialogsAsync(cancellationToken);
                TriageFindings.Of(dc.Context).Clear();
                wording.Say(ContentKeys.Commands.StopDone);
                return InterruptionResult.Handled;
            case Command.Status:
                await ReferralStatusAnswer.SayAsync(services, dc.Context, cancellationToken);
                return dc.ActiveDialog is null ? InterruptionResult.Handled : InterruptionResult.HandledThenReprompt;
            case Command.Delete:
                await dc.BeginDialogAsync(ConfirmDialogs.DeleteDataId, null, cancellationToken);
                return InterruptionResult.Handled;
            default:
                if (dc.ActiveDialog is null)
                {
                    await dc.BeginDialogAsync(TriageDialog.Id, null, cancellationToken);
                }
                else
                {
                    await dc.BeginDialogAsync(ConfirmDialogs.RestartId, null, cancellationToken);
                }

                return InterruptionResult.Handled;
        }
    }

    /// <summary>Lower case, punctuation (but a lone "?") and a polite "please" removed, spaces collapsed.</summary>
    /// <summary>The message is "help" as a whole: for Teams group chats, where no dialog runs.</summary>
    internal static bool IsHelp(string? text) => Phrases.TryGetValue(Normalize(text), out var command) && command == Command.Help;

    /// <summary>The message is "talk to a person" as a whole: for Teams group chats, where no dialog runs.</summary>
    internal static bool IsHuman(string? text) => Phrases.TryGetValue(Normalize(text), out var command) && command == Command.Human;

    private static string Normalize(string? text)
    {
        var trimmed = text?.Trim().ToLowerInvariant() ?? "";
        if (trimmed == "?")
        {
            return trimmed;
        }

        var letters = new StringBuilder(trimmed.Length);
        foreach (var c in trimmed)
        {
            letters.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        return string.Join(' ', letters.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w is not "please" and not "pls"));
    }
}
