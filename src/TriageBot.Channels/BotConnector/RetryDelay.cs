namespace TriageBot.Channels.BotConnector;

/// <summary>Exponential backoff with jitter, or the channel's own <c>Retry-After</c> when it gives one.</summary>
public static class RetryDelay
{
    /// <param name="attempt">The attempt that just failed, starting at 1.</param>
    /// <param name="retryAfter">The channel's Retry-After, if any: honoured as given.</param>
    /// <param name="jitter">A number in [0, 1): the random part, passed in so the rule can be tested.</param>
    public static TimeSpan Compute(int attempt, TimeSpan? retryAfter, ConnectorRetryOptions options, double jitter)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        if (retryAfter is { } given)
        {
            return given < TimeSpan.Zero ? TimeSpan.Zero : given;
        }

        var exponential = options.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        var capped = Math.Min(exponential, options.MaxDelay.TotalMilliseconds);

        // "Equal jitter": at least half the backoff, so retries never bunch up at zero.
        return TimeSpan.FromMilliseconds(capped * (0.5 + (jitter / 2)));
    }
}
