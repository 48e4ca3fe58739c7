namespace TriageBot.Runtime.Referrals;

/// <summary>
/// Where a referral stands, as the patient may ask ("what happened to my request?") and as staff move it on:
/// stored and waiting, seen (claimed) by someone at the clinic, contacted. Stored as these exact strings.
/// </summary>
public static class ReferralStatuses
{
    public const string Waiting = "waiting";
    public const string Seen = "seen";
    public const string Contacted = "contacted";

    public static bool IsKnown(string? status) => status is Waiting or Seen or Contacted;
}
