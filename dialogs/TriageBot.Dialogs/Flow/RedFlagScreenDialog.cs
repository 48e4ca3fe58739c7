using System.Text.Json;
using TriageBot.Content.Model;
using TriageBot.Dialogs.Safety;
using TriageBot.Runtime.Dialogs;
using TriageBot.Runtime.Prompts;


namespace TriageBot.Dialogs.Flow;

/// <summary>
/// The red-flag screen, asked first and explicitly, one group per question (yes / no / not sure). "Not sure" and
/// an answer not understood count as yes. A weakness "yes" gets one follow-up (quickly worse, or both legs?).
/// The screen stops as soon as the findings are an emergency: nobody is kept answering questions then.
/// Ends with the list of findings.
/// </summary>
internal sealed class RedFlagScreenDialog(TriageServices services, ChoicePrompt choice) : Dialog(Id, 1)
{
    public new const string Id = "triage.red-flags";
    private const string WeaknessRapidPrompt = "prompt.redflag.weakness-rapid";

    public override Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, JsonElement? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        new Wording(services.Content, dc.Context).Say("redflag.intro");
        return AskAsync(dc, new RedFlagScreenState(0, false, []), cancellationToken);
    }

    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, JsonElement? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var state = Read(dc.ActiveDialog!);
        var answer = choice.ReadOutcome(result);
        var key = state.AskingRapid ? WeaknessRapidPrompt : Questions[state.Index].Key;
        var positive = SafetyAnswer.IsPositive(
            answer.TryGetValue(out var found) ? found.Value : null,
            dc.Context.Activity.Text,
            new Wording(services.Content, dc.Context).Ask(key).Choices);
        var findings = state.Findings ?? [];
        var rule = Questions[state.Index].Rule;
        if (positive)
        {
            findings = [.. findings, state.AskingRapid ? "redflag.weakness.rapid" : $"redflag.{rule.Id}"];
        }

        if (services.Content.Evaluate(findings.ToHashSet(StringComparer.Ordinal)).Level == DispositionLevel.Emergency)
        {
            return await EndAsync(dc, findings, cancellationToken);
        }

        var next = positive && rule.Id == "weakness" && !state.AskingRapid
            ? state with { AskingRapid = true, Findings = findings }
            : new RedFlagScreenState(state.Index + 1, false, findings);
        return next.Index < Questions.Count
            ? await AskAsync(dc, next, cancellationToken)
            : await EndAsync(dc, findings, cancellationToken);
    }

    private IReadOnlyList<(RedFlagRule Rule, string Key)> Questions =>
        [.. services.Content.RedFlags.SelectMany(r => r.QuestionKeys.Select(k => (r, k)))];

    private Task<DialogTurnResult> AskAsync(DialogContext dc, RedFlagScreenState state, CancellationToken cancellationToken)
    {
        dc.ActiveDialog!.State = JsonSerializer.SerializeToElement(state, TriageJsonContext.Default.RedFlagScreenState);
        var key = state.AskingRapid ? WeaknessRapidPrompt : Questions[state.Index].Key;
        return dc.PromptAsync(PromptIds.Choice, new Wording(services.Content, dc.Context).Ask(key), cancellationToken);
    }

    private static Task<DialogTurnResult> EndAsync(DialogContext dc, IReadOnlyList<string> findings, CancellationToken cancellationToken) =>
        dc.EndDialogAsync(JsonSerializer.SerializeToElement(findings, TriageJsonContext.Default.IReadOnlyListString), cancellationToken);

    private static RedFlagScreenState Read(DialogInstance instance) =>
        instance.State.Deserialize(TriageJsonContext.Default.RedFlagScreenState) ?? new RedFlagScreenState();
}
