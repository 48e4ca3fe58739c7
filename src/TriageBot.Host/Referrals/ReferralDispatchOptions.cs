using Microsoft.Extensions.Options;

namespace TriageBot.Host.Referrals;

/// <summary>How the outbox dispatcher delivers referrals, bound from <c>Referrals:Dispatch</c>.</summary>
public sealed class ReferralDispatchOptions
{
    public const string SectionName = "Referrals:Dispatch";

    /// <summary>How often the outbox is checked for due entries when the last check found less than a batch.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Entries claimed at once (delivered one after another, oldest first).</summary>
    public int BatchSize { get; set; } = 10;

    /// <summary>How long a claim holds an entry: after a crash, the entry is delivered again once this has passed.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>One delivery is abandoned (and retried) after this; shorter than <see cref="Lease"/>.</summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>After this many failed attempts an entry is dead-lettered (a permanent refusal is at once).</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The wait after the first failure; doubled for each further one, with jitter, up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>Every duration positive; the lease longer than a delivery may take, or two instances could deliver at once.</summary>
internal sealed class ReferralDispatchOptionsValidator : IValidateOptions<ReferralDispatchOptions>
{
    public ValidateOptionsResult Validate(string? name, ReferralDispatchOptions options)
    {
        const string S = ReferralDispatchOptions.SectionName;
        var builder = new ValidateOptionsResultBuilder();
        foreach (var (key, value) in new[]
        {
            ("PollInterval", options.PollInterval), ("Lease", options.Lease), ("DeliveryTimeout", options.DeliveryTimeout),
            ("BaseDelay", options.BaseDelay), ("MaxDelay", options.MaxDelay),
        })
        {
            if (value <= TimeSpan.Zero)
            {
                builder.AddError($"{S}:{key} must be positive.");
            }
        }

        if (options.Lease <= options.DeliveryTimeout)
        {
            builder.AddError($"{S}:Lease must be longer than {S}:DeliveryTimeout, or a slow delivery could be claimed again while it runs.");
        }

        if (options.MaxDelay < options.BaseDelay)
        {
            builder.AddError($"{S}:MaxDelay must be at least {S}:BaseDelay.");
        }

        if (options.BatchSize is < 1 or > Runtime.Referrals.OutboxArguments.MaxClaim)
        {
            builder.AddError($"{S}:BatchSize must be between 1 and {Runtime.Referrals.OutboxArguments.MaxClaim}.");
        }

        if (options.MaxAttempts is < 1 or > 100)
        {
            builder.AddError($"{S}:MaxAttempts must be between 1 and 100.");
        }

        return builder.Build();
    }
}
