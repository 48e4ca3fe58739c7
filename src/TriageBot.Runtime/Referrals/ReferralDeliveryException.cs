namespace TriageBot.Runtime.Referrals;

/// <summary>
/// A destination could not take a referral now. <see cref="Reason"/> is a short code safe to store and log (never
/// a remote body or anything personal); <see cref="RetryAfter"/> carries a remote Retry-After; a permanent failure
/// (the remote side refuses this referral for good) is dead-lettered at once instead of retried.
/// </summary>
public sealed class ReferralDeliveryException : Exception
{
    public ReferralDeliveryException()
        : this("failed")
    {
    }

    public ReferralDeliveryException(string reason)
        : this(reason, retryAfter: null, permanent: false)
    {
    }

    public ReferralDeliveryException(string reason, Exception innerException)
        : base(reason, innerException) => Reason = reason;

    public ReferralDeliveryException(string reason, TimeSpan? retryAfter, bool permanent, Exception? innerException = null)
        : base(reason, innerException)
    {
        Reason = reason;
        RetryAfter = retryAfter;
        Permanent = permanent;
    }

    public string Reason { get; } = "failed";

    public TimeSpan? RetryAfter { get; }

    public bool Permanent { get; }
}
