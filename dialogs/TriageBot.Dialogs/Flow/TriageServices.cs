using Microsoft.Extensions.Logging;
using TriageBot.Content;
using TriageBot.Dialogs.Referrals;
using TriageBot.Dialogs.Safety;
using TriageBot.Runtime.Referrals;
using TriageBot.Runtime.Telemetry;

namespace TriageBot.Dialogs.Flow;

/// <summary>What the triage dialogs need from outside: content, the clock, where referrals go, and the outcome log.</summary>
public sealed record TriageServices(IContentCatalog Content, TimeProvider Clock, IReferralStore Referrals, IReferralProtector Protector, ILogger Log)
{
    /// <summary>Counts outcomes, red flags and referrals next to their log events; none when the host has no meter.</summary>
    public TriageMetrics? Metrics { get; init; }

    /// <summary>
    /// Where a new referral is queued for delivery. None (the default): the referral is stored and the person is told
    /// it was not passed on, so they call the clinic.
    /// </summary>
    public ReferralRoutes Routes { get; init; } = ReferralRoutes.None;

    /// <summary>The delivery outbox, for "what happened to my request?" (has it reached the clinic yet); none: not asked.</summary>
    public IReferralOutbox? Outbox { get; init; }

    /// <summary>True when referrals go somewhere: the wording may then say "sent".</summary>
    public bool ReferralsAreDelivered => Routes.Destinations.Count > 0;

    /// <summary>Reads typed messages for red flags, present or only mentioned; the content's detector unless a host says otherwise.</summary>
    public IFreeTextReader FreeText { get; init; } = new CatalogFreeTextReader(Content);

    /// <summary>The clinic's Teams inbox (staff actions on referral cards, staff commands); none when not configured.</summary>
    public Clinic.ClinicInbox? Clinic { get; init; }
}
