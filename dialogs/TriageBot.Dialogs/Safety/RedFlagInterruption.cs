using Microsoft.Extensions.Logging;
using TriageBot.Content.Model;
using TriageBot.Dialogs.Flow;
using TriageBot.Runtime.Dialogs;
using TriageBot.Runtime.Prompts;
using TriageBot.Schema;

namespace TriageBot.Dialogs.Safety;

/// <summary>
/// Every typed message, at any step (the very first one too), is read for red flags (<see cref="IFreeTextReader"/>).
/// <list type="bullet">
/// <item>Stated as present ("I can't control my bladder"): an emergency ends the interview at once with the
/// emergency script (crisis advice for self-harm), whatever was being asked; anything else gets that hazard's own
/// advice, is remembered, and the message still answers the open question.</item>
/// <item>Only mentioned (someone else, the past, a question, a hypothetical, unclear): that red flag's check question
/// is asked straight away (<see cref="RedFlagCheckDialog"/>); a yes counts as the red flag, a no carries on and the
/// open question is asked again. Never 999 on a mention alone, and never silence.</item>
/// </list>
/// </summary>
internal sealed class RedFlagInterruption(TriageServices services, ILogger<RedFlagInterruption> logger) : IInterruption
{
    public async Task<InterruptionResult> OnMessageAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        if (dc.Context.Activity.Text is not { Length: > 0 } text || services.FreeText.Read(text) is not { } reading || (reading.Present.Count == 0 && reading.Mentions.Count == 0))
        {
            return InterruptionResult.NotHandled;
        }

        var findings = TriageFindings.Of(dc.Context);
        if (reading.Present.Count > 0 && await OnPresentAsync(dc, reading.Present, findings, cancellationToken))
        {
            return InterruptionResult.Handled;
        }

        var mentions = reading.Mentions.Where(m => m.Reason != MentionReason.Concept || !IsShortAnswer(dc, text)).ToList();
        var toCheck = mentions
            .Select(m => m.RuleId)
            .Where(id => !findings.Has(ContentKeys.Findings.RedFlag(id)) && !findings.WasRuledOut(id))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        // Already asking about a mention: the reply answers that question, it does not start another one.
        if (toCheck.Count == 0 || dc.Stack.Any(frame => frame.Id == RedFlagCheckDialog.Id))
        {
            return InterruptionResult.NotHandled;
        }

        var rules = string.Join(',', toCheck);
        var reasons = string.Join(',', mentions.Select(m => m.Reason.ToString()).Distinct(StringComparer.Ordinal));
        DialogsLog.FreeTextMention(logger, rules, reasons);
        SayTopicsForQuestions(dc, mentions);
        await dc.BeginDialogAsync(RedFlagCheckDialog.Id, RedFlagCheckDialog.Options(toCheck), cancellationToken);
        return InterruptionResult.Handled;
    }

    /// <summary>
    /// A short reply (fewer words than <see cref="ReplyShape.FreeTextWords"/>) while a question is open answers that
    /// question: a word of a hazard's topic in it (the mention tier, <see cref="MentionReason.Concept"/>) is the
    /// question's to read ("left foot and groin" at the numbness question records the saddle, an emergency). Longer
    /// messages, and the first message, are read for it.
    /// </summary>
    private static bool IsShortAnswer(DialogContext dc, string text) =>
        dc.Stack.Count > 0 && !ReplyShape.IsLong(text);

    /// <summary>Present red flags: true when they made the triage an emergency (and the interview has ended).</summary>
    private async Task<bool> OnPresentAsync(DialogContext dc, IReadOnlyList<RedFlagHit> hits, TriageFindings findings, CancellationToken cancellationToken)
    {
        findings.Add(hits.Select(h => ContentKeys.Findings.RedFlag(h.RuleId)));
        var result = findings.Evaluate(services.Content);
        var hazards = hits.Select(h => h.Hazard).Distinct().ToList();
        DialogsLog.FreeTextRedFlag(logger, string.Join(',', hazards), Outcomes.Id(result.Level));
        foreach (var hazard in hazards)
        {
            services.Metrics?.RedFlagDetected(hazard);
        }

        if (result.Level == DispositionLevel.Emergency)
        {
            await EmergencyEndAsync(services, dc, result, cancellationToken);
            return true;
        }

        new Wording(services.Content, dc.Context).SayAdvice(findings.TakeNewAdvice(result));
        return false;
    }

    /// <summary>
    /// The emergency script, then the summary of what is known so far (as a screen emergency ends: its outcome names the
    /// help, such as urgent mental health support), then the interview ends: nothing more is asked.
    /// </summary>
    public static async Task EmergencyEndAsync(TriageServices services, DialogContext dc, DispositionResult result, CancellationToken cancellationToken)
    {
        Outcomes.Emergency(services, dc.Context, result);
        var findings = TriageFindings.Of(dc.Context);
        var known = new TriageState
        {
            Findings = [.. findings.All.Order(StringComparer.Ordinal)],
            Outcome = Outcomes.Id(result.Level),
            OutcomeName = Outcomes.OutcomeNameKey(result),
            Hazards = result.Hazards,
            Pain = new PainAnswers(Locations: PainDialog.PlacesFound(services, findings)),
        };
        var wording = new Wording(services.Content, dc.Context);
        dc.Context.SendActivity(MessageFactory.Text(Summary.Write(wording, known, services.ReferralsAreDelivered)));
        wording.Say(ContentKeys.Commands.RestartHint);
        await dc.CancelAllDialogsAsync(cancellationToken);
        TriageFindings.Of(dc.Context).Clear();
    }

    /// <summary>A question about a condition ("could it be cauda equina?") also gets its education topic, when one fits.</summary>
    private void SayTopicsForQuestions(DialogContext dc, IReadOnlyList<RedFlagMention> mentions)
    {
        var topics = mentions
            .Where(m => m.Reason == MentionReason.Question)
            .Select(m => services.Content.RedFlags.FirstOrDefault(r => r.Id == m.RuleId)?.Topic)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (topics.Count == 0)
        {
            return;
        }

        var wording = new Wording(services.Content, dc.Context);
        foreach (var topic in services.Content.Education(wording.Locale).Where(t => topics.Contains(t.Id)))
        {
            EducationDialog.Show(wording, topic);
        }
    }
}
