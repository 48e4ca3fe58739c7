using Hl7.Fhir.Model;
using static TriageBot.Dialogs.ContentKeys;

namespace TriageBot.Fhir.Bundles;

/// <summary>
/// A disposition level as FHIR sees it. Priority (RequestPriority: routine | urgent | asap | stat): self-care and
/// routine are routine; urgent ("see someone today") is urgent; emergency ("call 999 now") is stat, the code FHIR
/// defines for an emergency. asap ("as soon as possible, higher than urgent") is not used: the triage has no level
/// between same-day and now. An unknown level is sent as urgent: when in doubt, escalate.
/// </summary>
internal static class DispositionCodes
{
    public static RequestPriority Priority(string? disposition) => disposition switch
    {
        "emergency" => RequestPriority.Stat,
        "self-care" or "routine" => RequestPriority.Routine,
        _ => RequestPriority.Urgent,
    };

    /// <summary>The level's short name in content (outcome.emergency, …), or null for an unknown level.</summary>
    public static string? OutcomeNameKey(string? disposition) => disposition switch
    {
        "emergency" => Outcome.Emergency,
        "urgent" => Outcome.Urgent,
        "routine" => Outcome.Routine,
        "self-care" => Outcome.SelfCare,
        _ => null,
    };
}
