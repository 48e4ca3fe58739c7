using System.Text.Json;
using TriageBot.Content.Model;
using TriageBot.Dialogs.Safety;
using TriageBot.Runtime.Dialogs;
using TriageBot.Runtime.Prompts;
using static TriageBot.Dialogs.ContentKeys;

namespace TriageBot.Dialogs.Flow;

/// <summary>
/// The red-flag screen, asked first and explicitly, one topic per question in the order of
/// <see cref="RedFlagScreen.Order"/>; a question whose condition is not met (AAA under 50, bones under 50 without a
/// minor injury, post-op without a recent procedure, the neck questions without neck pain) is skipped. "Not sure" and
/// an answer not understood count as yes. On an emergency question with <c>hedges</c> in content, a polite "I don't
/// think so" is asked once more ("is that a No, or are you not sure?"); a hedge again counts as not sure.
/// Each positive answer says that hazard's own advice at its level, once. The screen stops as soon as the findings
/// are an emergency: nobody is kept answering questions then, and the triage says the emergency script.
/// Findings go to <see cref="TriageFindings"/>.
/// </summary>
/// <remarks>Version 3: the pain's places and the older-injury question joined <see cref="RedFlagScreen.Order"/>, so a
/// saved index of version 2 points elsewhere; such a screen restarts.</remarks>
internal sealed class RedFlagScreenDialog(TriageServices services, ChoicePrompt choice, AgeBandPrompt age) : Dialog(Id, 3)
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
        if (!state.Rechecking && IsHedge(dc, question, result))
        {
            return await AskAsync(dc, state with { Rechecking = true }, Prompt.Screen.HedgeCheck, choice.Id, cancellationToken);
        }

        var findings = TriageFindings.Of(dc.Context);
        var foundBefore = question.Finding is { } finding && findings.Has(finding);
        state = Record(dc, question, result, findings, state) with { Rechecking = false };
        if (question.SaysWhenFound is { } message && !foundBefore && findings.Has(question.Finding!))
        {
            new Wording(services.Content, dc.Context).SayAdvice([message]);
        }

        var disposition = findings.Evaluate(services.Content);
        if (disposition.Level == DispositionLevel.Emergency)
        {
            return await dc.EndDialogAsync(null, cancellationToken);
        }

        new Wording(services.Content, dc.Context).SayAdvice(findings.TakeNewAdvice(disposition));
        return await AskFromAsync(dc, state with { Index = state.Index + 1 }, cancellationToken);
    }

    /// <summary>
    /// A reply that is one of the question's hedges ("I don't think so"), which the prompt read as not sure: on an
    /// emergency question it may be a polite no, so it is asked about once (clinical review C22).
    /// </summary>
    private bool IsHedge(DialogContext dc, ScreenQuestion question, JsonElement? result)
    {
        if (question.Reading != ScreenReading.Safety
            || !choice.ReadOutcome(result).TryGetValue(out var picked) || picked.Value != Choices.NotSure
            || dc.Context.Activity.Text is not { } text)
        {
            return false;
        }

        var said = ReplyShape.Words(text);
        return services.Content.Prompt(question.Prompt, dc.Context.Activity.Locale).Hedges
            .Any(hedge => ReplyShape.Words(hedge).SequenceEqual(said, StringComparer.OrdinalIgnoreCase));
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
                return state with { Assumed = [.. state.Assumed ?? [], .. RedFlagScreen.AssumedWhenAgeUnclear] };
            case ScreenReading.Places:
                var places = result?.Deserialize(TriageJsonContext.Default.IReadOnlyListString) ?? [];
                findings.Add(places.Select(ContentKeys.Findings.PainLocation));
                return places.Count > 0 ? state : state with { Assumed = [.. state.Assumed ?? [], .. RedFlagScreen.AssumedWhenPlaceUnclear] };
            case ScreenReading.YesOrUnclear:
                var picked = choice.ReadOutcome(result);
                if (!picked.TryGetValue(out var found) || found.Value == Choices.Yes)
                {
                    findings.Add(question.Finding!);
                }

                return state;
            default:
                // After a hedge, the answer is to the "is that a No, or are you not sure?" question.
                var answer = choice.ReadOutcome(result);
                var positive = SafetyAnswer.IsPositive(
                    answer.TryGetValue(out var value) ? value.Value : null,
                    dc.Context.Activity.Text,
                    new Wording(services.Content, dc.Context).Ask(state.Rechecking ? Prompt.Screen.HedgeCheck : question.Prompt).Choices);
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

        var question = RedFlagScreen.Order[index];
        if (question.Reading == ScreenReading.Places)
        {
            Save(dc, state with { Index = index });
            return await dc.BeginDialogAsync(PainPlacesDialog.Id, null, cancellationToken);
        }

        var prompt = question.Reading == ScreenReading.AgeBand ? age.Id : choice.Id;
        return await AskAsync(dc, state with { Index = index }, question.Prompt, prompt, cancellationToken);
    }

    private async Task<DialogTurnResult> AskAsync(DialogContext dc, ScreenState state, string promptKey, string promptId, CancellationToken cancellationToken)
    {
        Save(dc, state);
        return await dc.PromptAsync(promptId, new Wording(services.Content, dc.Context).Ask(promptKey), cancellationToken);
    }

    private static void Save(DialogContext dc, ScreenState state) =>
        dc.ActiveDialog!.SetState(state, TriageJsonContext.Default.ScreenState);

    private static ScreenState Read(DialogInstance instance) =>
        instance.GetState(TriageJsonContext.Default.ScreenState) ?? new ScreenState();
}

/// <summary>
/// Where the screen is, what it assumed for asking (never recorded as findings), and whether the open question is the
/// once-only check after a hedge.
/// </summary>
public sealed record ScreenState(int Index = 0, IReadOnlyList<string>? Assumed = null, bool Rechecking = false);
