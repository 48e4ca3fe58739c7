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
    /// Sends the <c>triage.outcome</c> event where a host can use it: Direct Line / Web Chat / Emulator, and always
    /// in expectReplies answers. Teams shows nothing for events, so it gets none.
    /// </summary>
    public static void SendEvent(TurnContext turn, DispositionResult result, string contentVersion)
    {
        var accepts = turn.Activity.DeliveryMode == DeliveryModes.ExpectReplies
            || turn.Activity.ChannelId is ChannelIds.DirectLine or ChannelIds.WebChat or ChannelIds.Emulator or ChannelIds.Test;
        if (!accepts)
        {
            return;
        }

        var outcome = new TriageOutcome(Id(result.Level), result.Hazards, contentVersion);
        turn.SendActivity(new Activity
        {
            Type = ActivityTypes.Event,
            Name = EventName,
            Value = JsonSerializer.SerializeToElement(outcome, TriageJsonContext.Default.TriageOutcome),
        });
    }

    /// <summary>
    /// The emergency script: the advice for each emergency red flag found (or the general emergency advice), the
    /// outcome event, then the number again. Calm, clear, and nothing more is asked.
    /// </summary>
    public static void Emergency(Wording wording, TurnContext turn, DispositionResult result, IEnumerable<string> findings)
    {
        var adviceKeys = wording.Content.RedFlags
            .Where(r => r.Level == DispositionLevel.Emergency && findings.Contains($"redflag.{r.Id}"))
            .Select(r => r.AdviceKey)
            .Distinct()
            .ToList();
        foreach (var key in adviceKeys.Count > 0 ? adviceKeys : ["advice.emergency"])
        {
            wording.Say(key);
        }

        SendEvent(turn, result, wording.Content.Version);
        wording.Say("emergency.repeat");
    }
}
