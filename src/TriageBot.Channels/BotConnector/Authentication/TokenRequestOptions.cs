using Microsoft.Extensions.Options;

namespace TriageBot.Channels.BotConnector.Authentication;

/// <summary>
/// How the bot's own token requests (client credentials to Entra, managed identity to IMDS) are timed and retried,
/// bound from <c>Channels:BotConnector:TokenRequests</c>. A reply waits for its token, so these stay short.
/// </summary>
public sealed class TokenRequestOptions
{
    public const string SectionName = "Channels:BotConnector:TokenRequests";

    /// <summary>How long one attempt may take. Also bounds each OpenID metadata or JWKS fetch on the same client.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one token request may take in all, retries and their waits included.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Retried on 408, 429, 500, 502, 503, 504, network failures and attempt timeouts; never on 400 or 401.</summary>
    public ConnectorRetryOptions Retry { get; set; } = new()
    {
        MaxAttempts = 3,
        BaseDelay = TimeSpan.FromMilliseconds(200),
        MaxDelay = TimeSpan.FromSeconds(2),
        MaxRetryAfter = TimeSpan.FromSeconds(5),
    };
}

/// <summary>The same rules as the reply settings: Polly's limits, and waits that fit in the total timeout.</summary>
internal sealed class TokenRequestOptionsValidator : IValidateOptions<TokenRequestOptions>
{
    public ValidateOptionsResult Validate(string? name, TokenRequestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = ConnectorRetryOptions.Check(options.AttemptTimeout, options.TotalTimeout, options.Retry).ToList();
        return failures.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(failures.Select(f => $"{TokenRequestOptions.SectionName}: {f}"));
    }
}
