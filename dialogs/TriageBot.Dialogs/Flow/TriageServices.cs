using Microsoft.Extensions.Logging;
using TriageBot.Content;
using TriageBot.Dialogs.Referrals;
using TriageBot.Runtime.Referrals;

namespace TriageBot.Dialogs.Flow;

/// <summary>What the triage dialogs need from outside: content, the clock, where referrals go, and the outcome log.</summary>
public sealed record TriageServices(IContentCatalog Content, TimeProvider Clock, IReferralStore Referrals, IReferralProtector Protector, ILogger Log);
