namespace TriageBot.Host.Referrals;

/// <summary>
/// When a failed delivery is tried again: exponential backoff with "equal jitter" (a random point in the upper half of
/// the doubled delay), so instances that failed together do not retry together, yet no retry comes almost at once.
/// A destination's Retry-After wins over the backoff (capped at a day, against a remote asking for forever).
/// </summary>
/// <remarks>
/// Polly's retry strategy (Microsoft.Extensions.Resilience) computes the same kind of delay, but only inside one
/// in-memory execution: it would hold the entry's lease while waiting and forget the attempt count on a restart. The
/// schedule here is stored in the outbox row instead (attempts, next attempt), so it survives kill -9 and is shared
/// by every instance; the calculation is these few lines.
/// </remarks>
internal static class ReferralBackoff
{
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromDays(1);

    public static TimeSpan Delay(int failedAttempts, TimeSpan retryAfter, ReferralDispatchOptions options, Random random) =>
        retryAfter > TimeSpan.Zero ? (retryAfter < MaxRetryAfter ? retryAfter : MaxRetryAfter) : Delay(failedAttempts, options, random);

    public static TimeSpan Delay(int failedAttempts, ReferralDispatchOptions options, Random random)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(random);
        var exponent = Math.Clamp(failedAttempts - 1, 0, 30);
        var ceiling = Math.Min(options.MaxDelay.Ticks, options.BaseDelay.Ticks * Math.Pow(2, exponent));
        return TimeSpan.FromTicks((long)((ceiling / 2) + (random.NextDouble() * ceiling / 2)));
    }
}
