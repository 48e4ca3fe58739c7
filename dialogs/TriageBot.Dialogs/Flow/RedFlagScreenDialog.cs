using System.Text.Json;
using TriageBot.Content.Model;
using TriageBot.Dialogs.Safety;
using TriageBot.Runtime.Dialogs;
using TriageBot.Runtime.Prompts;

namespace TriageBot.Dialogs.Flow;

/// <summary>
/// The red-flag screen, asked first and explicitly, one topic per question in the order of
/// <see cref="RedFlagScreen.Order"/>; a question whose condition is not met (AAA under 50, bones under 50 without a
/// minor injury, post-op without a recent procedure) is skipped. "Not sure" and an answer not understood count as yes.
/// Each positive answer says that hazard's own advice at its level, once. The screen stops as soon as the findings
/// are an emergency: nobody is kept answering questions then, and the triage says the emergency script.
/// Findings go to <see cref="TriageFindings"/>.
/// </summary>
internal sealed class RedFlagScreenDialog(TriageServices services, ChoicePrompt choice, AgeBandPrompt age) : Dialog(Id, 2)
{
    public new const string Id = "triage.red-flags";

    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, JsonElement? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        new Wording(services.Content, dc.Context).Say(ContentKeys.RedFlag.Intro);
        return AskFromAsync(dc, new ScreenState(), cancellationToken);
    }

    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, JsonElement? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var state = Read(dc.ActiveDialog!);
        var question = RedFlagScreen.Order[state.Index];
        var findings = TriageFindings.Of(dc.Context);
        var foundBefore = question.Finding is { } finding && findings.Has(finding);
        state = Record(dc, question, result, findings, state);
        if (question.SaysWhenFound is { } message && !foundBefore && findings.Has(question.Finding!))
        {
            var says = new Wording(services.Content, dc.Context);
            says.Say(message);
            says.SaySources([message]);
        }

        var disposition = findings.Evaluate(services.Content);
        if (disposition.Level == DispositionLevel.Emergency)
        {
            return await dc.EndDialogAsync(null, cancellationToken);
        }

        var wording = new Wording(services.Content, dc.Context);
        foreach (var advice in findings.TakeNewAdvice(disposition))
        {
            wording.Say(advice);
        }

        return await AskFromAsync(dc, state with { Index = state.Index + 1 }, cancellationToken);
    }

    /// <summary>Folds one answer into the findings; returns the state with any assumption it made.</summary>
    private ScreenState Record(DialogContext dc, ScreenQuestion question, JsonElement? result, TriageFindings findings, ScreenState state)
    {
        switch (question.Reading)
        {
            case ScreenReading.AgeBand:
                var told = age.ReadOutcome(result);
                if (told.TryGetValue(out var band))
                {
                    findings.Add(RedFlagScreen.AgeFindings(band));
                    return state;
                }

                findings.Add(ContentKeys.Findings.AgeUnclear);
                return state with { Assumed = [.. RedFlagScreen.AssumedWhenAgeUnclear] };
            case ScreenReading.YesOrUnclear:
                var picked = choice.ReadOutcome(result);
                if (!picked.TryGetValue(out var found) || found.Value == Choices.Yes)
                {
                    findings.Add(question.Finding!);
                }

                return state;
            default:
                var answer = choice.ReadOutcome(result);
                var positive = SafetyAnswer.IsPositive(
                    answer.TryGetValue(out var value) ? value.Value : null,
                    dc.Context.Activity.Text,
                    new Wording(services.Content, dc.Context).Ask(question.Prompt).Choices);
                if (positive)
                {
                    findings.Add(question.Finding!);
                }

                return state;
        }
    }

    /// <summary>Asks the first question from <paramref name="state"/>'s index whose condition holds; ends after the last.</summary>
    private async Task<DialogTurnResult> AskFromAsync(DialogContext dc, ScreenState state, CancellationToken cancellationToken)
    {
        var known = TriageFindings.Of(dc.Context).All;
        var assumed = state.Assumed ?? [];
        var index = state.Index;
        while (index < RedFlagScreen.Order.Count
            && !RedFlagScreen.Order[index].IsAsked(f => known.Contains(f) || assumed.Contains(f)))
        {
            index++;
        }

        if (index >= RedFlagScreen.Order.Count)
        {
            return await dc.EndDialogAsync(null, cancellationToken);
        }

        var next = state with { Index = index };
        dc.ActiveDialog!.SetState(next, TriageJsonContext.Default.ScreenState);
        var question = RedFlagScreen.Order[index];
        var prompt = question.Reading == ScreenReading.AgeBand ? age.Id : choice.Id;
        return await dc.PromptAsync(prompt, new Wording(services.Content, dc.Context).Ask(question.Prompt), cancellationToken);
    }

    private static ScreenState Read(DialogInstance instance) =>
        instance.GetState(TriageJsonContext.Default.ScreenState) ?? new ScreenState();
}

/// <summary>Where the screen is, and what it assumed for asking (never recorded as findings).</summary>
public sealed record ScreenState(int Index = 0, IReadOnlyList<string>? Assumed = null);
