using System.Text.Json;
using TriageBot.Content.Model;
using TriageBot.Runtime.Dialogs;
using TriageBot.Runtime.Prompts;

namespace TriageBot.Dialogs.Flow;

/// <summary>The treatments loop's own state: which question is open and what has been picked.</summary>
public sealed record TreatmentLoopState(string Phase = TreatmentLoopState.Pick, IReadOnlyList<string>? Tried = null)
{
    public const string Pick = "pick";
    public const string More = "more";
    public const string Helped = "helped";
}

/// <summary>
/// Treatments tried: several can be chosen, one button at a time ("anything else?") or several in one sentence
/// ("painkillers and physio"); then whether they helped.
/// </summary>
internal sealed class TreatmentsDialog(TriageServices services, ChoicePrompt choice) : Dialog(Id, 1)
{
    public new const string Id = "triage.treatments";

    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, JsonElement? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return AskAsync(dc, new TreatmentLoopState(TreatmentLoopState.Pick, []), cancellationToken);
    }

    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, JsonElement? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var state = dc.ActiveDialog!.GetState(TriageJsonContext.Default.TreatmentLoopState) ?? new TreatmentLoopState();
        var tried = state.Tried ?? [];
        var picked = choice.ReadOutcome(result).TryGetValue(out var found) ? found.Value : null;
        if (state.Phase == TreatmentLoopState.Helped)
        {
            return await EndAsync(dc, new TreatmentAnswers(tried, picked), cancellationToken);
        }

        if (picked == Choices.None && tried.Count == 0)
        {
            return await EndAsync(dc, new TreatmentAnswers([Choices.None], null), cancellationToken);
        }

        if (picked is not null and not Choices.Done and not Choices.None)
        {
            // "Painkillers and physio" picks both; a tapped button is exactly itself.
            var named = Picks.Of(dc, Options(dc, state).Choices ?? [], picked).Where(t => t is not Choices.Done and not Choices.None);
            tried = [.. tried.Union(named, StringComparer.Ordinal)];
        }

        var remaining = AllTreatments(dc).Where(t => !tried.Contains(t)).ToList();
        if (picked is null or Choices.Done || remaining.Count == 0)
        {
            return tried.Count > 0
                ? await AskAsync(dc, new TreatmentLoopState(TreatmentLoopState.Helped, tried), cancellationToken)
                : await EndAsync(dc, new TreatmentAnswers([], null), cancellationToken);
        }

        return await AskAsync(dc, new TreatmentLoopState(TreatmentLoopState.More, tried), cancellationToken);
    }

    public static IReadOnlyList<string> FindingsOf(TreatmentAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var tried = answers.Tried ?? [];
        var findings = tried.Select(ContentKeys.Findings.Treatment).ToList();
        if (tried.Any(t => t != Choices.None))
        {
            findings.Add(ContentKeys.Findings.TreatmentsTried);
        }

        if (answers.Helped is { } helped)
        {
            findings.Add(ContentKeys.Findings.TreatmentsHelped(helped));
        }

        return findings;
    }

    private IEnumerable<string> AllTreatments(DialogContext dc) =>
        services.Content.Prompt(ContentKeys.Prompt.Treatments.More, dc.Context.Activity.Locale).Choices.Select(c => c.Id).Where(id => id != Choices.Done);

    private Task<DialogTurnResult> AskAsync(DialogContext dc, TreatmentLoopState state, CancellationToken cancellationToken)
    {
        dc.ActiveDialog!.SetState(state, TriageJsonContext.Default.TreatmentLoopState);
        return dc.PromptAsync(PromptIds.Choice, Options(dc, state), cancellationToken);
    }

    /// <summary>The question open in <paramref name="state"/>, as it was (or is about to be) asked.</summary>
    private PromptOptions Options(DialogContext dc, TreatmentLoopState state)
    {
        var wording = new Wording(services.Content, dc.Context);
        var tried = state.Tried ?? [];
        return state.Phase switch
        {
            TreatmentLoopState.Pick => wording.Ask(ContentKeys.Prompt.Treatments.Pick),
            TreatmentLoopState.More => wording.Ask(ContentKeys.Prompt.Treatments.More, (ChoiceContent c) => !tried.Contains(c.Id)),
            _ => wording.Ask(ContentKeys.Prompt.Treatments.Helped),
        };
    }

    private static Task<DialogTurnResult> EndAsync(DialogContext dc, TreatmentAnswers answers, CancellationToken cancellationToken) =>
        dc.EndDialogAsync(
            JsonSerializer.SerializeToElement(answers with { Findings = FindingsOf(answers) }, TriageJsonContext.Default.TreatmentAnswers),
            cancellationToken);
}
