using Microsoft.Extensions.Options;

namespace TriageBot.Fhir;

/// <summary>
/// Checks <see cref="FhirReferralOptions"/> at startup: when delivery is on, the server and the token endpoint are
/// absolute https URLs (plain http only on loopback, for tests and a local server) and the client id and secret are
/// set; our canonical base and identifier system are absolute URIs either way.
/// </summary>
internal sealed class FhirReferralOptionsValidator : IValidateOptions<FhirReferralOptions>
{
    public ValidateOptionsResult Validate(string? name, FhirReferralOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!Uri.TryCreate(options.CanonicalBase, UriKind.Absolute, out _))
        {
            failures.Add($"{FhirReferralOptions.Section}:CanonicalBase must be an absolute URI.");
        }

        if (!Uri.TryCreate(options.IdentifierSystem, UriKind.Absolute, out _))
        {
            failures.Add($"{FhirReferralOptions.Section}:IdentifierSystem must be an absolute URI.");
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            failures.Add($"{FhirReferralOptions.Section}:Timeout must be positive.");
        }

        if (options.Enabled)
        {
            CheckEndpoint(failures, "BaseUrl", options.BaseUrl);
            CheckEndpoint(failures, "TokenEndpoint", options.TokenEndpoint);
            if (string.IsNullOrWhiteSpace(options.ClientId) || string.IsNullOrWhiteSpace(options.ClientSecret))
            {
                failures.Add($"{FhirReferralOptions.Section}:ClientId and ClientSecret are required when BaseUrl is set.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Tokens and patients' details travel on these: https, except to this machine.</summary>
    private static void CheckEndpoint(List<string> failures, string key, string? value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
        {
            failures.Add($"{FhirReferralOptions.Section}:{key} must be an absolute https URL (http only on loopback).");
        }
    }
}
