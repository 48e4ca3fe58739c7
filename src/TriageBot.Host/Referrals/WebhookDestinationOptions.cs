using Microsoft.Extensions.Options;

namespace TriageBot.Host.Referrals;

/// <summary>
/// The webhook destination, bound from <c>Referrals:Destinations:Webhook</c>: each referral is POSTed as JSON to
/// <see cref="Url"/>, signed with <see cref="Secret"/>. Registered only when a URL is configured.
/// </summary>
public sealed class WebhookDestinationOptions
{
    public const string SectionName = "Referrals:Destinations:Webhook";

    public const int MinSecretLength = 32;

    /// <summary>Where referrals are POSTed: https, or http to a loopback address (a receiver on the same machine).</summary>
    public Uri? Url { get; set; }

    /// <summary>The HMAC-SHA256 key the receiver checks the signature with; at least 32 characters. Keep it in a secret store.</summary>
    public string? Secret { get; set; }

    /// <summary>
    /// Whether the body carries the person's name and phone or e-mail in clear (false: reference, outcome, summary and
    /// preferred time only, and the clinic looks the contact up in TriageBot's staff view). Needs an https URL.
    /// </summary>
    public bool IncludeContact { get; set; }
}

/// <summary>A usable URL and a strong secret; contact details only over TLS.</summary>
internal sealed class WebhookDestinationOptionsValidator : IValidateOptions<WebhookDestinationOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookDestinationOptions options)
    {
        const string S = WebhookDestinationOptions.SectionName;
        var builder = new ValidateOptionsResultBuilder();
        var url = options.Url;
        if (url is not { IsAbsoluteUri: true } || !(url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback)))
        {
            builder.AddError($"{S}:Url must be an absolute https URL (or http to a loopback address).");
        }

        if (options.Secret is not { Length: >= WebhookDestinationOptions.MinSecretLength })
        {
            builder.AddError($"{S}:Secret must be at least {WebhookDestinationOptions.MinSecretLength} characters.");
        }

        if (options.IncludeContact && url?.Scheme != Uri.UriSchemeHttps)
        {
            builder.AddError($"{S}:IncludeContact needs an https Url: contact details never travel in clear.");
        }

        return builder.Build();
    }
}
