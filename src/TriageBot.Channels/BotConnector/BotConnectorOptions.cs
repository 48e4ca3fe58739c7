using Microsoft.Extensions.Options;

namespace TriageBot.Channels.BotConnector;

/// <summary>Access, limits and delivery settings for <c>/api/messages</c>, bound from <c>Channels:BotConnector</c>.</summary>
public sealed class BotConnectorOptions
{
    public const string SectionName = "Channels:BotConnector";

    /// <summary>Largest request body accepted; larger ones get 413. Activities are small; 256 KB is generous.</summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// Serve <c>/api/messages</c> without authentication (no MicrosoftAppId) outside Development. Only for a bot that
    /// listens on loopback addresses alone: the host refuses to start otherwise. In Development it is allowed anyway.
    /// </summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>How long one attempt to post a reply may take (connect and response headers).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long one reply may take in all, retries and their waits included. Channels wait ~15 s for our HTTP answer
    /// and replies are delivered before we answer, so this stays near that.
    /// </summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Largest channel response read (a ResourceResponse or an ErrorResponse is tiny); larger ones fail the reply.</summary>
    public int MaxResponseBytes { get; set; } = 64 * 1024;

    public ConnectorRetryOptions Retry { get; set; } = new();
}

/// <summary>
/// How an outbound request is retried: replies to a channel (on 408/429/502/503/504, network failures and attempt
/// timeouts) and the bot's token requests (<see cref="Authentication.TokenRequestOptions"/>, which adds 500).
/// </summary>
public sealed class ConnectorRetryOptions
{
    /// <summary>Attempts in all, the first one included; 1 turns retries off.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The first backoff; each retry doubles it, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest backoff between two attempts.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>
    /// The longest <c>Retry-After</c> honoured. A channel asking for a longer wait gets no retry: the reply fails at
    /// once rather than waiting to be cut off by <see cref="BotConnectorOptions.TotalTimeout"/>.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>What is wrong with these settings and the timeouts around them, as messages naming the keys.</summary>
    internal static IEnumerable<string> Check(TimeSpan attemptTimeout, TimeSpan totalTimeout, ConnectorRetryOptions retry)
    {
        // Polly's timeout strategy accepts 10 ms to one day.
        if (attemptTimeout < TimeSpan.FromMilliseconds(10))
        {
            yield return "AttemptTimeout must be at least 10 ms.";
        }

        if (totalTimeout < attemptTimeout || totalTimeout > TimeSpan.FromMinutes(5))
        {
            yield return "TotalTimeout must be at least AttemptTimeout and at most 5 minutes.";
        }

        if (retry.MaxAttempts is < 1 or > 10)
        {
            yield return "Retry:MaxAttempts must be between 1 and 10.";
        }

        if (retry.BaseDelay < TimeSpan.Zero || retry.MaxDelay < retry.BaseDelay)
        {
            yield return "Retry:BaseDelay must not be negative or above Retry:MaxDelay.";
        }

        if (retry.MaxRetryAfter < TimeSpan.Zero || retry.MaxRetryAfter >= totalTimeout)
        {
            yield return "Retry:MaxRetryAfter must not be negative and must be below TotalTimeout.";
        }
    }
}

/// <summary>Rules across settings that attributes cannot say; checked at startup.</summary>
internal sealed class BotConnectorOptionsValidator : IValidateOptions<BotConnectorOptions>
{
    public ValidateOptionsResult Validate(string? name, BotConnectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Check(options.MaxBodyBytes > 0, "MaxBodyBytes must be positive.");
        Check(options.MaxResponseBytes is >= 1024 and <= 16 * 1024 * 1024, "MaxResponseBytes must be between 1 KB and 16 MB.");
        failures.AddRange(ConnectorRetryOptions.Check(options.AttemptTimeout, options.TotalTimeout, options.Retry));
        return failures.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(failures.Select(f => $"{BotConnectorOptions.SectionName}: {f}"));

        void Check(bool ok, string failure)
        {
            if (!ok)
            {
                failures.Add(failure);
            }
        }
    }
}
