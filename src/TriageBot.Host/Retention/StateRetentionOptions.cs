using Microsoft.Extensions.Options;

namespace TriageBot.Host.Retention;

/// <summary>
/// How long bot state outlives its last write. Bound from <c>Channels:DirectLine</c> (<c>Retention</c>,
/// <c>PurgeInterval</c>): the very settings that end the Direct Line transcript, so a conversation's log and its
/// answers end together, whatever the channel.
/// </summary>
public sealed class StateRetentionOptions
{
    public const string SectionName = "Channels:DirectLine";

    /// <summary>State not written for longer than this is deleted. The same default as the Direct Line log.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often the purge runs.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>Both durations must be positive: zero would stop the timer, or delete a conversation while it is going on.</summary>
internal sealed class StateRetentionOptionsValidator : IValidateOptions<StateRetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, StateRetentionOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();
        if (options.Retention <= TimeSpan.Zero)
        {
            builder.AddError($"{StateRetentionOptions.SectionName}:Retention must be positive.");
        }

        if (options.PurgeInterval <= TimeSpan.Zero)
        {
            builder.AddError($"{StateRetentionOptions.SectionName}:PurgeInterval must be positive.");
        }

        return builder.Build();
    }
}
