using System.Text.Json;
using TriageBot.Content.Model;
using TriageBot.Dialogs.Referrals;
using TriageBot.Runtime.Dialogs;
using TriageBot.Runtime.Prompts;
using TriageBot.Schema;

namespace TriageBot.Dialogs.Flow;

/// <summary>
/// The triage, in its clinical order: welcome and consent (16+), red-flag screen first, pain, numbness and weakness,
/// treatments tried, disposition (advice, medicine advice, safety net, sources), education, referral, summary
/// (with the safety net). An emergency at any point ends
/// the interview with the emergency script. The order is the clinical contract; the words are content.
/// </summary>
internal static class TriageDialog
{
    public const string Id = "triage";

    public static Dialog Create(TriageServices services, ChoicePrompt choice) =>
        new WaterfallDialog<TriageState>(Id, 1, TriageJsonContext.Default.TriageState, () => new TriageState())
            .AddStep("welcome", (step, ct) =>
            {
                Say(services, step, "welcome.intro");
                Say(services, step, "welcome.question-count");
                return step.NextAsync(null, ct);
            })
            .AddPrompt("ask-consent", choice, step => new Wording(services.Content, step.Context).Ask("prompt.consent"),
                (s, o) => s with { Consent = o.Value?.Value })
            .AddStep("route-consent", (step, ct) => step.Values.Consent switch
            {
                "yes" => step.BeginDialogAsync(RedFlagScreenDialog.Id, null, ct),
                "under-16" => EndWithAsync(services, step, "consent.under-16", ct),
                _ => EndWithAsync(services, step, "consent.declined", ct),
            })
            .AddStep("after-red-flags", (step, ct) =>
            {
                step.Values = step.Values.WithFindings(step.Result?.Deserialize(TriageJsonContext.Default.IReadOnlyListString) ?? []);
                return EmergencyOr(services, step, "pain.intro", PainDialog.Id, ct);
            })
            .AddStep("after-pain", (step, ct) =>
            {
                var pain = step.Result?.Deserialize(TriageJsonContext.Default.PainAnswers) ?? new PainAnswers();
                step.Values = step.Values.WithFindings(pain.Findings ?? []) with { Pain = pain with { Findings = null } };
                return EmergencyOr(services, step, "numbness.intro", NumbnessDialog.Id, ct);
            })
            .AddStep("after-numbness", (step, ct) =>
            {
                var numbness = step.Result?.Deserialize(TriageJsonContext.Default.NumbnessAnswers) ?? new NumbnessAnswers();
                step.Values = step.Values.WithFindings(numbness.Findings ?? []) with { Numbness = numbness with { Findings = null } };
                return EmergencyOr(services, step, "treatments.intro", TreatmentsDialog.Id, ct);
            })
            .AddStep("disposition", (step, ct) =>
            {
                var treatments = step.Result?.Deserialize(TriageJsonContext.Default.TreatmentAnswers) ?? new TreatmentAnswers();
                step.Values = step.Values.WithFindings(treatments.Findings ?? []) with { Treatments = treatments with { Findings = null } };
                var result = Evaluate(services, step);
                if (result.Level == DispositionLevel.Emergency)
                {
                    return EmergencyEndAsync(services, step, result, ct);
                }

                var wording = new Wording(services.Content, step.Context);
                var advice = Outcomes.AdviceKeys(result.Level, step.Values.Findings);
                foreach (var key in advice)
                {
                    wording.Say(key);
                }

                Outcomes.Report(services, step.Context, result);
                wording.SaySources(advice);
                var findings = JsonSerializer.SerializeToElement(step.Values.Findings, TriageJsonContext.Default.IReadOnlyListString);
                return step.BeginDialogAsync(EducationDialog.Id, findings, ct);
            })
            .AddStep("offer-referral", (step, ct) =>
                step.BeginDialogAsync(ReferralDialog.Id, JsonSerializer.SerializeToElement(step.Values, TriageJsonContext.Default.TriageState), ct))
            .AddStep("summary", (step, ct) =>
            {
                if (step.Result is { ValueKind: JsonValueKind.String } reference)
                {
                    step.Values = step.Values with { Reference = reference.GetString() };
                }

                return EndWithSummaryAsync(services, step, ct);
            });

    /// <summary>After each part: an emergency ends the interview now; otherwise on to the next part.</summary>
    private static Task<DialogTurnResult> EmergencyOr(
        TriageServices services, WaterfallStepContext<TriageState> step, string introKey, string nextDialogId, CancellationToken cancellationToken)
    {
        var result = Evaluate(services, step);
        if (result.Level == DispositionLevel.Emergency)
        {
            return EmergencyEndAsync(services, step, result, cancellationToken);
        }

        Say(services, step, introKey);
        return step.BeginDialogAsync(nextDialogId, null, cancellationToken);
    }

    /// <summary>Everything found so far, including red flags mentioned in free text along the way.</summary>
    private static DispositionResult Evaluate(TriageServices services, WaterfallStepContext<TriageState> step)
    {
        var freeText = step.Context.State?.Dialog.Get(TriageKeys.FreeTextFindings, TriageJsonContext.Default.ListString) ?? [];
        step.Values = step.Values.WithFindings(freeText);
        var result = services.Content.Evaluate(step.Values.Findings.ToHashSet(StringComparer.Ordinal));
        step.Values = step.Values with { Outcome = Outcomes.Id(result.Level), Hazards = result.Hazards };
        return result;
    }

    private static Task<DialogTurnResult> EmergencyEndAsync(
        TriageServices services, WaterfallStepContext<TriageState> step, DispositionResult result, CancellationToken cancellationToken)
    {
        Outcomes.Emergency(services, step.Context, result, step.Values.Findings);
        return EndWithSummaryAsync(services, step, cancellationToken);
    }

    private static Task<DialogTurnResult> EndWithSummaryAsync(TriageServices services, WaterfallStepContext<TriageState> step, CancellationToken cancellationToken)
    {
        var wording = new Wording(services.Content, step.Context);
        step.Context.SendActivity(MessageFactory.Text(Summary.Write(wording, step.Values)));
        wording.Say("ending.restart-hint");
        step.Context.State?.Dialog.Remove(TriageKeys.FreeTextFindings);
        return step.EndDialogAsync(null, cancellationToken);
    }

    private static Task<DialogTurnResult> EndWithAsync(TriageServices services, WaterfallStepContext<TriageState> step, string key, CancellationToken cancellationToken)
    {
        Say(services, step, key);
        return step.EndDialogAsync(null, cancellationToken);
    }

    private static void Say(TriageServices services, WaterfallStepContext<TriageState> step, string key) =>
        new Wording(services.Content, step.Context).Say(key);
}
