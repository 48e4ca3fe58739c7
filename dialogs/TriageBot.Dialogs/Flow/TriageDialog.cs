using TriageBot.Content.Model;
using TriageBot.Dialogs.Referrals;
using TriageBot.Runtime.Dialogs;
using TriageBot.Runtime.Prompts;
using TriageBot.Schema;
using static TriageBot.Dialogs.ContentKeys;

namespace TriageBot.Dialogs.Flow;

/// <summary>
/// The triage, in its clinical order. This is the table of contents a clinician signs off; the words are content.
/// <list type="number">
/// <item>Welcome: an automated service, not a diagnosis, the emergency number; about how many questions.</item>
/// <item>Consent: 16 or over and happy to go on. Under 16, or no, ends politely with where to get help.</item>
/// <item>Red-flag screen (<see cref="RedFlagScreen.Order"/>): age; where the pain is (several places can be chosen);
/// sudden severe pain with chest or tummy pain; chest pain; breathlessness; stroke signs; a known aortic aneurysm (50
/// or over), then whether this pain is new or different, and a pulsing tummy (50 or over); cauda equina (bladder,
/// bowel, saddle, sex, both legs); weakness (getting worse quickly, both sides, sudden); serious injury in the last 2
/// weeks, then an older one nobody has checked; minor injury (and thin bones, also asked at 50 or over); fever (and
/// meningitis or sepsis signs); weak immune system (and cancer treatment, then feeling unwell); injecting drugs;
/// cancer; weight loss; night pain; with neck pain only, myelopathy and neck arteries; recent spinal procedure (and
/// its complications); pregnancy (and when to call maternity care now). Each positive answer gets that hazard's own
/// advice at once. On an emergency question (not cauda equina), a polite "I don't think so" is asked once more.</item>
/// <item>Pain: where it spreads, how bad, how long, whether it started before 45 (45 or over, over 12 weeks),
/// inflammatory back pain features (NICE NG65: started before 45, over 12 weeks), what helps.</item>
/// <item>Numbness, tingling or weakness: any, where, getting worse.</item>
/// <item>Treatments tried, and whether they helped.</item>
/// <item>Disposition: the level's advice, each hazard's own advice not yet said, the medicine advice (or its
/// pregnancy version), the safety net, the sources.</item>
/// <item>Education topics, then the offer of a referral, then the summary to copy.</item>
/// </list>
/// At any point an emergency, answered or typed, ends the interview with the emergency script (each emergency's
/// advice, the outcome, the number again). A red flag typed as present gets its advice at once; one only mentioned
/// (someone else, the past, a question) is asked about straight away (<see cref="Safety.RedFlagCheckDialog"/>).
/// </summary>
internal static class TriageDialog
{
    public const string Id = "triage";

    public static Dialog Create(TriageServices services, ChoicePrompt choice) =>
        new WaterfallDialog<TriageState>(Id, 2, TriageJsonContext.Default.TriageState, () => new TriageState())
            .AddStep("welcome", (step, ct) =>
            {
                Say(services, step, Welcome.Intro);
                Say(services, step, Welcome.QuestionCount);
                return step.NextAsync(null, ct);
            })
            .AddQuestion(services, "ask-consent", choice, step => new Wording(services.Content, step.Context).Ask(Prompt.Consent),
                (s, o) => s with { Consent = o.Value?.Value })
            .AddStep("route-consent", (step, ct) => step.Values.Consent switch
            {
                Choices.Yes => step.BeginDialogAsync(RedFlagScreenDialog.Id, null, ct),
                Choices.Under16 => EndWithAsync(services, step, ContentKeys.Consent.Under16, ct),
                _ => EndWithAsync(services, step, ContentKeys.Consent.Declined, ct),
            })
            .AddStep("after-red-flags", (step, ct) =>
            {
                // Where it hurts was asked in the screen: the summary shows it even if the triage ends here.
                step.Values = step.Values with { Pain = step.Values.Pain with { Locations = PainDialog.PlacesFound(services, TriageFindings.Of(step.Context)) } };
                return EmergencyOr(services, step, ContentKeys.Pain.Intro, PainDialog.Id, ct);
            })
            .AddStep("after-pain", (step, ct) =>
            {
                var pain = step.ResultAs(TriageJsonContext.Default.PainAnswers) ?? new PainAnswers();
                TriageFindings.Of(step.Context).Add(PainDialog.FindingsOf(pain));
                step.Values = step.Values with { Pain = pain with { Findings = null } };
                return EmergencyOr(services, step, ContentKeys.Numbness.Intro, NumbnessDialog.Id, ct);
            })
            .AddStep("after-numbness", (step, ct) =>
            {
                var numbness = step.ResultAs(TriageJsonContext.Default.NumbnessAnswers) ?? new NumbnessAnswers();
                TriageFindings.Of(step.Context).Add(numbness.Findings ?? []);
                step.Values = step.Values with { Numbness = numbness with { Findings = null } };
                return EmergencyOr(services, step, ContentKeys.Treatments.Intro, TreatmentsDialog.Id, ct);
            })
            .AddStep("disposition", (step, ct) =>
            {
                var treatments = step.ResultAs(TriageJsonContext.Default.TreatmentAnswers) ?? new TreatmentAnswers();
                TriageFindings.Of(step.Context).Add(treatments.Findings ?? []);
                step.Values = step.Values with { Treatments = treatments with { Findings = null } };
                var result = Evaluate(services, step);
                if (result.Level == DispositionLevel.Emergency)
                {
                    return EmergencyEndAsync(services, step, result, ct);
                }

                Outcomes.Disposition(services, step.Context, result, TriageFindings.Of(step.Context));
                return step.BeginDialogAsync(EducationDialog.Id, TypedResults.ToJson(step.Values.Findings), ct);
            })
            .AddStep("offer-referral", (step, ct) =>
                step.BeginDialogAsync(ReferralDialog.Id, TypedResults.ToJson(step.Values), ct))
            .AddStep("summary", (step, ct) =>
            {
                if (step.ResultAs(TriageJsonContext.Default.String) is { } reference)
                {
                    step.Values = step.Values with { Reference = reference };
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

    /// <summary>Everything found so far (<see cref="TriageFindings"/>: answers, and red flags typed along the way).</summary>
    private static DispositionResult Evaluate(TriageServices services, WaterfallStepContext<TriageState> step)
    {
        var findings = TriageFindings.Of(step.Context);
        var result = findings.Evaluate(services.Content);
        step.Values = step.Values with
        {
            Findings = [.. findings.All.Order(StringComparer.Ordinal)],
            Outcome = Outcomes.Id(result.Level),
            OutcomeName = Outcomes.OutcomeNameKey(result),
            Hazards = result.Hazards,
        };
        return result;
    }

    private static Task<DialogTurnResult> EmergencyEndAsync(
        TriageServices services, WaterfallStepContext<TriageState> step, DispositionResult result, CancellationToken cancellationToken)
    {
        Outcomes.Emergency(services, step.Context, result);
        return EndWithSummaryAsync(services, step, cancellationToken);
    }

    private static Task<DialogTurnResult> EndWithSummaryAsync(TriageServices services, WaterfallStepContext<TriageState> step, CancellationToken cancellationToken)
    {
        var wording = new Wording(services.Content, step.Context);
        step.Context.SendActivity(MessageFactory.Text(Summary.Write(wording, step.Values, services.ReferralsAreDelivered)));
        wording.Say(ContentKeys.Commands.RestartHint);
        TriageFindings.Of(step.Context).Clear();
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
