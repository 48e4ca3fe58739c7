using System.Text.Json;
using TriageBot.Content.Model;
using TriageBot.Runtime.Turns;
using TriageBot.Schema;
using static TriageBot.Dialogs.ContentKeys;

namespace TriageBot.Dialogs.Flow;

/// <summary>Turning findings into a disposition, and telling the person (and the host page) what it is.</summary>
internal static class Outcomes
{
    public const string EventName = "triage.outcome";

    /// <summary>What every outcome key starts with; the event names the outcome without it (<c>mental-health</c>).</summary>
    private const string OutcomePrefix = "outcome.";

    public static string Id(DispositionLevel level) => level switch
    {
        DispositionLevel.Emergency => "emergency",
        DispositionLevel.Urgent => "urgent",
        DispositionLevel.Routine => "routine",
        _ => "self-care",
    };

    /// <summary>The level's short name for the summary (outcome.emergency, ...), from its id.</summary>
    public static string OutcomeNameKey(string outcomeId) => outcomeId switch
    {
        "emergency" => Outcome.Emergency,
        "urgent" => Outcome.Urgent,
        "routine" => Outcome.Routine,
        _ => Outcome.SelfCare,
    };

    /// <summary>
    /// The outcome's name for the summary: one the table names (a rule's <c>outcome:</c>) when every rule at the
    /// reached level names it (thoughts of self-harm alone: "Urgent mental health support"), else the level's.
    /// </summary>
    public static string OutcomeNameKey(DispositionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var atLevel = result.Matched.Where(r => r.Level == result.Level).Select(r => r.Outcome).Distinct(StringComparer.Ordinal).ToList();
        return atLevel is [{ } named] ? named : OutcomeNameKey(Id(result.Level));
    }

    /// <summary>
    /// The host page's banner for a named outcome, when content has one: thoughts of self-harm alone get urgent mental
    /// health support with the locale's crisis line, not the page's "emergency care now" (null: the page's own words).
    /// </summary>
    public static string? BannerKey(string outcomeNameKey) =>
        outcomeNameKey == Outcome.MentalHealth ? Banner.MentalHealth : null;

    /// <summary>An outcome key without its prefix, as the event names it (<c>outcome.mental-health</c>: <c>mental-health</c>).</summary>
    private static string OutcomeId(string outcomeNameKey) =>
        outcomeNameKey.StartsWith(OutcomePrefix, StringComparison.Ordinal) ? outcomeNameKey[OutcomePrefix.Length..] : outcomeNameKey;

    /// <summary>The level's own advice (advice.emergency, advice.urgent, ...).</summary>
    public static string AdviceKey(DispositionLevel level) => level switch
    {
        DispositionLevel.Emergency => Advice.Emergency,
        DispositionLevel.Urgent => Advice.Urgent,
        DispositionLevel.Routine => Advice.Routine,
        _ => Advice.SelfCare,
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

        var named = OutcomeNameKey(result);
        var banner = BannerKey(named) is { } key ? new Wording(services.Content, turn).Text(key) : null;
        var outcome = new TriageOutcome(level, result.Hazards, contentVersion, OutcomeId(named), banner);
        turn.SendActivity(new Activity
        {
            Type = ActivityTypes.Event,
            Name = EventName,
            Value = JsonSerializer.SerializeToElement(outcome, TriageJsonContext.Default.TriageOutcome),
        });
    }

    /// <summary>
    /// The end of a triage that is not an emergency: the level's advice, then each hazard's own advice not said yet
    /// (including routine notes such as inflammatory back pain), the medicine advice with self-care or routine advice
    /// (the pregnancy version instead when the person is or might be pregnant, never both), the safety net, the
    /// outcome, and where all that advice comes from.
    /// </summary>
    public static void Disposition(TriageServices services, TurnContext turn, DispositionResult result, TriageFindings findings)
    {
        var wording = new Wording(services.Content, turn);
        List<string> said = [AdviceKey(result.Level), .. findings.TakeNewAdvice(result, DispositionLevel.Routine)];
        if (MedicineAdvice(result.Level, findings.Has(Findings.PregnancyYes)) is { } medicine)
        {
            said.Add(medicine);
        }

        said.Add(ContentKeys.Safety.Net);
        foreach (var key in said)
        {
            wording.Say(key);
        }

        Report(services, turn, result);
        wording.SaySources(said);
    }

    /// <summary>Self-care and routine outcomes carry medicine advice; a pregnancy (or maybe) gets its own version instead.</summary>
    public static string? MedicineAdvice(DispositionLevel level, bool pregnant) =>
        level is DispositionLevel.Routine or DispositionLevel.SelfCare
            ? (pregnant ? Medicine.Pregnancy : Medicine.Painkillers)
            : null;

    /// <summary>
    /// The emergency script: the advice of every emergency rule that matched (or the general emergency advice), the
    /// outcome event, where the advice comes from, then the number again (<see cref="EmergencyRepeatKey"/>). Calm,
    /// clear, and nothing more is asked.
    /// </summary>
    public static void Emergency(TriageServices services, TurnContext turn, DispositionResult result)
    {
        var wording = new Wording(services.Content, turn);
        var adviceKeys = result.Matched
            .Where(r => r.Level == DispositionLevel.Emergency && r.Advice is not null)
            .Select(r => r.Advice!)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        foreach (var key in adviceKeys.Count > 0 ? adviceKeys : [Advice.Emergency])
        {
            wording.Say(key);
        }

        Report(services, turn, result);
        wording.SaySources(adviceKeys.Count > 0 ? adviceKeys : [Advice.Emergency]);
        wording.Say(EmergencyRepeatKey(OutcomeNameKey(result)));
    }

    /// <summary>
    /// What the emergency script says last: the emergency number again; for thoughts of self-harm alone, the crisis
    /// line first and the emergency number for danger now; for a possible infection with a weak immune system, the
    /// cancer helpline first on cancer treatment. Never "call 999 now" after advice that says otherwise.
    /// </summary>
    public static string EmergencyRepeatKey(string outcomeNameKey) => outcomeNameKey switch
    {
        Outcome.MentalHealth => ContentKeys.Safety.EmergencyRepeatMentalHealth,
        Outcome.AcuteOncology => ContentKeys.Safety.EmergencyRepeatAcuteOncology,
        _ => ContentKeys.Safety.EmergencyRepeat,
    };
}
