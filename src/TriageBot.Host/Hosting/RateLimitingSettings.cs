using Microsoft.Extensions.Options;

namespace TriageBot.Host.Hosting;

/// <summary>
/// The limits every request passes (configuration section <c>RateLimiting</c>): a token bucket per client (IPv4
/// address or IPv6 /64), then one for the whole server. Generous by default: a clinic's patients behind one NAT, and a
/// test suite on one machine, stay well inside them.
/// </summary>
public sealed class RateLimitingSettings
{
    public const string SectionName = "RateLimiting";

    /// <summary>Each client's bucket: a burst of 300 requests, refilled at 50 a second.</summary>
    public TokenBucketSettings PerClient { get; set; } = new() { TokenLimit = 300, TokensPerPeriod = 50 };

    /// <summary>The server's bucket, shared by everyone: a burst of 2000, refilled at 500 a second.</summary>
    public TokenBucketSettings Global { get; set; } = new() { TokenLimit = 2000, TokensPerPeriod = 500 };

    /// <summary>
    /// Requests from loopback (health probes, a local admin, a same-host proxy that forwards no client address) skip the
    /// per-client bucket; the global one still applies.
    /// </summary>
    public bool ExemptLoopback { get; set; } = true;
}

/// <summary>One token bucket: up to <see cref="TokenLimit"/> at once, <see cref="TokensPerPeriod"/> back every period.</summary>
public sealed class TokenBucketSettings
{
    public int TokenLimit { get; set; }

    public int TokensPerPeriod { get; set; }

    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>Refuses to start with a bucket that could never admit anyone.</summary>
internal sealed class RateLimitingSettingsValidator : IValidateOptions<RateLimitingSettings>
{
    public ValidateOptionsResult Validate(string? name, RateLimitingSettings options)
    {
        var errors = Check("RateLimiting:PerClient", options.PerClient).Concat(Check("RateLimiting:Global", options.Global)).ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static IEnumerable<string> Check(string section, TokenBucketSettings bucket)
    {
        if (bucket.TokenLimit < 1)
        {
            yield return $"{section}:TokenLimit must be at least 1.";
        }

        if (bucket.TokensPerPeriod < 1)
        {
            yield return $"{section}:TokensPerPeriod must be at least 1.";
        }

        if (bucket.ReplenishmentPeriod <= TimeSpan.Zero || bucket.ReplenishmentPeriod > TimeSpan.FromHours(1))
        {
            yield return $"{section}:ReplenishmentPeriod must be more than zero and at most an hour.";
        }
    }
}
