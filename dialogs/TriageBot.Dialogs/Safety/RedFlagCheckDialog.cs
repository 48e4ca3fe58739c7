using System.Text.Json;
using Microsoft.Extensions.Logging;
using TriageBot.Content.Model;
using TriageBot.Dialogs.Flow;
using TriageBot.Runtime.Dialogs;
using TriageBot.Runtime.Prompts;

namespace TriageBot.Dialogs.Safety;

/// <summary>
/// Mention -> ask. A message named a red flag without saying it is happening now ("my dad lost control of his
/// bladder", "I had cancer years ago?", "could it be cauda equina?"), so its check question is asked at once: "You
/// mentioned ... Is this happening now, to you or to the person you're asking for?". Yes, not sure, or an answer not
/// understood after one re-ask count as the red flag, with that hazard's advice at its level (an emergency ends the
/// interview). No carries on: the question that was open is asked again. Several mentions are asked in turn.
/// </summary>
internal sealed class RedFlagCheckDialog(TriageServices services, ChoicePrompt choice, ILogger<RedFlagCheckDialog> logger) : Dialog(Id, 1)
{
    public new const string Id = "triage.red-flag-check";

    /// <summary>Asked once, then re-asked once; after that the answer counts as "not sure" (yes).</summary>
    private const int Attempts = 2;

    public static JsonElement Options(IReadOnlyList<string> ruleIds) =>
        JsonSerializer.SerializeToElement(new RedFlagCheckState(ruleIds), TriageJsonContext.Default.RedFlagCheckState);

    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, JsonElement? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var state = options?.Deserialize(TriageJsonContext.Default.RedFlagCheckState) ?? new RedFlagCheckState([]);
        return AskOrFinishAsync(dc, state, cancellationToken);
    }

    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, JsonElement? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var state = dc.ActiveDialog!.GetState(TriageJsonContext.Default.RedFlagCheckState) ?? new RedFlagCheckState([]);
        var rule = Rule(state.RuleIds[0]);
        var answer = choice.ReadOutcome(result);
        var wording = new Wording(services.Content, dc.Context);
        var positive = SafetyAnswer.IsPositive(
            answer.TryGetValue(out var found) ? found.Value : null,
            dc.Context.Activity.Text,
            wording.Ask(rule.CheckKey).Choices);
        DialogsLog.RedFlagCheckAnswered(logger, rule.Id, positive);

        var findings = TriageFindings.Of(dc.Context);
        if (positive)
        {
            findings.Add(ContentKeys.Findings.RedFlag(rule.Id));
            var disposition = findings.Evaluate(services.Content);
            if (disposition.Level == DispositionLevel.Emergency)
            {
                await RedFlagInterruption.EmergencyEndAsync(services, dc, disposition, cancellationToken);
                return new DialogTurnResult(DialogTurnStatus.Complete);
            }

            wording.SayAdvice(findings.TakeNewAdvice(disposition));
        }
        else
        {
            findings.RuleOut(rule.Id);
            // Someone who has just mentioned suicide is told where to get help even when it is not about them now.
            wording.Say(rule.Id == ContentKeys.RedFlagIds.SelfHarm ? ContentKeys.Check.SelfHarmNo : ContentKeys.Check.CarryOn);
        }

        return await AskOrFinishAsync(dc, new RedFlagCheckState([.. state.RuleIds.Skip(1)]), cancellationToken);
    }

    private Task<DialogTurnResult> AskOrFinishAsync(DialogContext dc, RedFlagCheckState state, CancellationToken cancellationToken)
    {
        var findings = TriageFindings.Of(dc.Context);
        var pending = state.RuleIds.Where(id => !findings.Has(ContentKeys.Findings.RedFlag(id))).ToList();
        if (pending.Count == 0)
        {
            return FinishAsync(dc, cancellationToken);
        }

        dc.ActiveDialog!.SetState(new RedFlagCheckState(pending), TriageJsonContext.Default.RedFlagCheckState);
        var options = new Wording(services.Content, dc.Context).Ask(Rule(pending[0]).CheckKey, maxAttempts: Attempts);
        return dc.PromptAsync(PromptIds.Choice, options, cancellationToken);
    }

    /// <summary>Back to where the person was (the open question is asked again), or to the start of the triage.</summary>
    private static async Task<DialogTurnResult> FinishAsync(DialogContext dc, CancellationToken cancellationToken) =>
        dc.Stack.Count > 1
            ? await dc.EndDialogAsync(null, cancellationToken)
            : await dc.ReplaceDialogAsync(TriageDialog.Id, null, cancellationToken);

    private RedFlagRule Rule(string id) =>
        services.Content.RedFlags.FirstOrDefault(r => r.Id == id)
        ?? throw new InvalidOperationException($"No red-flag rule '{id}' in the content.");
}

/// <summary>The red flags still to ask about, first one being asked.</summary>
public sealed record RedFlagCheckState(IReadOnlyList<string> RuleIds);
