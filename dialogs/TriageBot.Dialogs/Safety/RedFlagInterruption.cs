using Microsoft.Extensions.Logging;
using TriageBot.Content.Model;
using TriageBot.Dialogs.Flow;
using TriageBot.Runtime.Dialogs;

namespace TriageBot.Dialogs.Safety;

/// <summary>
/// Every typed message, at any step (the very first one too), is scanned for red-flag statements ("I can't control
/// my bladder", "I want to end my life"). An emergency hit ends the interview at once with the emergency script
/// (crisis advice for self-harm), whatever was being asked. A non-emergency hit is answered with its advice and
/// remembered for the disposition, and the message still answers the open question.
/// </summary>
internal sealed class RedFlagInterruption(TriageServices services, ILogger<RedFlagInterruption> logger) : IInterruption
{
    public async Task<InterruptionResult> OnMessageAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (dc.Context.Activity.Text is not { Length: > 0 } text || services.Content.DetectRedFlags(text) is not { Count: > 0 } hits)
        {
            return InterruptionResult.NotHandled;
        }

        var scope = dc.Context.State?.Dialog;
        var known = scope?.Get(TriageKeys.FreeTextFindings, TriageJsonContext.Default.ListString) ?? [];
        var findings = hits.Select(h => $"redflag.{h.RuleId}").Distinct(StringComparer.Ordinal).ToList();
        var result = services.Content.Evaluate(known.Union(findings, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal));
        var hazards = hits.Select(h => h.Hazard).Distinct().ToList();
        DialogsLog.FreeTextRedFlag(logger, string.Join(',', hazards), Outcomes.Id(result.Level));
        foreach (var hazard in hazards)
        {
            services.Metrics?.RedFlagDetected(hazard);
        }

        var wording = new Wording(services.Content, dc.Context);
        if (result.Level == DispositionLevel.Emergency)
        {
            Outcomes.Emergency(services, dc.Context, result, findings);
            wording.Say("ending.restart-hint");
            await dc.CancelAllDialogsAsync(cancellationToken);
            scope?.Remove(TriageKeys.FreeTextFindings);
            return InterruptionResult.Handled;
        }

        foreach (var rule in services.Content.RedFlags.Where(r => findings.Contains($"redflag.{r.Id}") && !known.Contains($"redflag.{r.Id}")))
        {
            wording.Say(rule.AdviceKey);
        }

        scope?.Set(TriageKeys.FreeTextFindings, [.. known.Union(findings, StringComparer.Ordinal)], TriageJsonContext.Default.ListString);
        return InterruptionResult.NotHandled;
    }
}
