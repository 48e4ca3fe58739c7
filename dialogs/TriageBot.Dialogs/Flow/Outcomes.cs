using System.Text.Json;
using TriageBot.Content.Model;
using TriageBot.Runtime.Turns;
using TriageBot.Schema;

namespace TriageBot.Dialogs.Flow;

/// <summary>Turning findings into a disposition, and telling the person (and the host page) what it is.</summary>
internal static class Outcomes
{
    public const string EventName = "triage.outcome";

    public static string Id(DispositionLevel level) => level switch
    {
        DispositionLevel.Emergency => "emergency",
        DispositionLevel.Urgent => "urgent",
        DispositionLevel.Routine => "routine",
        _ => "self-care",
    };

    /// <summary>
    /// Records a disposition: logs level, hazard ids and content version (never answers), and sends the
    /// <c>triage.outcome</c> event where a host can use it: Direct Line / Web Chat / Emulator, and always in
    /// expectReplies answers. Teams shows nothing for events, so it gets none.
    /// </summary>
    public static void Report(TriageServices services, TurnContext turn, DispositionResult result)
    {
        var contentVersion = services.Content.Version;
        var level = Id(result.Level);
        var hazards = string.Join(',', result.Hazards);
        DialogsLog.TriageOutcome(services.Log, level, hazards, contentVersion);
        services.Metrics?.Disposition(level);
        var accepts = turn.Activity.DeliveryMode == DeliveryModes.ExpectReplies
            || turn.Activity.ChannelId is ChannelIds.DirectLine or ChannelIds.WebChat or ChannelIds.Emulator or ChannelIds.Test;
        if (!accepts)
        {
            return;
        }

        var outcome = new TriageOutcome(level, result.Hazards, contentVersion);
        turn.SendActivity(new Activity
        {
            Type = ActivityTypes.Event,
            Name = EventName,
            Value = JsonSerializer.SerializeToElement(outcome, TriageJsonContext.Default.TriageOutcome),
        });
    }

    /// <summary>
    /// What a non-emergency outcome says, in order: the level's advice; for self-care and routine, the medicine
    /// advice (the pregnancy version instead when the person is or might be pregnant, never both); then the
    /// safety net.
    /// </summary>
    public static IReadOnlyList<string> AdviceKeys(DispositionLevel level, IReadOnlyCollection<string> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var advice = $"advice.{Id(level)}";
        if (level is not (DispositionLevel.SelfCare or DispositionLevel.Routine))
        {
            return [advice, ContentKeys.Safety.Net];
        }

        var medicine = findings.Contains(ContentKeys.Findings.PregnancyYes) ? ContentKeys.Medicine.Pregnancy : ContentKeys.Medicine.Painkillers;
        return [advice, medicine, ContentKeys.Safety.Net];
    }

    /// <summary>
    /// The emergency script: the advice for each emergency red flag found (or the general emergency advice), the
    /// outcome event, where the advice comes from, then the number again. Calm, clear, and nothing more is asked.
    /// </summary>
    public static void Emergency(TriageServices services, TurnContext turn, DispositionResult result, IEnumerable<string> findings)
    {
        var wording = new Wording(services.Content, turn);
        var adviceKeys = wording.Content.RedFlags
            .Where(r => r.Level == DispositionLevel.Emergency && findings.Contains($"redflag.{r.Id}"))
            .Select(r => r.AdviceKey)
            .Distinct()
            .ToList();
        if (adviceKeys.Count == 0)
        {
            adviceKeys.Add("advice.emergency");
        }

        foreach (var key in adviceKeys)
        {
            wording.Say(key);
        }

        Report(services, turn, result);
        wording.SaySources(adviceKeys);
        wording.Say("emergency.repeat");
    }
}
