namespace TriageBot.Runtime.Referrals;

/// <summary>
/// One attempt to hand a referral to one destination. The idempotency key is the same on every attempt for this
/// referral and destination, so a retried or restarted delivery is recognised as the same one.
/// </summary>
public sealed record ReferralDelivery(ReferralRecord Referral, string Destination, string IdempotencyKey, int Attempt)
{
    /// <summary>The key for a referral at a destination: stable, derived, and holding nothing personal.</summary>
    public static string KeyFor(string reference, string destination) => $"{reference}:{destination}";
}
