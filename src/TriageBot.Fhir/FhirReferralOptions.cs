namespace TriageBot.Fhir;

/// <summary>
/// <c>Referrals:Fhir</c>: where referrals go as FHIR R4 transaction Bundles, and how the bot gets its token there
/// (OAuth 2.0 client credentials). Delivery is on only when <see cref="BaseUrl"/> is set; the triage Questionnaire
/// is published either way.
/// </summary>
public sealed class FhirReferralOptions
{
    public const string Section = "Referrals:Fhir";

    /// <summary>The FHIR server's base URL; the transaction Bundle is posted here. Empty: no FHIR delivery.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>The OAuth 2.0 token endpoint that issues the bot's access token for the FHIR server.</summary>
    public string? TokenEndpoint { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The scope asked for (for example <c>system/*.write</c>, or <c>api://…/.default</c> on Entra); optional.</summary>
    public string? Scope { get; set; }

    /// <summary>The identifier system under which the clinic's server keeps our reference numbers (TB-…).</summary>
    public string IdentifierSystem { get; set; } = "https://triagebot.example/fhir/referral-reference";

    /// <summary>Where our definitions live: <c>{CanonicalBase}/Questionnaire/triage</c> and our code systems.</summary>
    public string CanonicalBase { get; set; } = "https://triagebot.example/fhir";

    /// <summary>The language of the clinic's records: the Questionnaire's and the note's wording (a content locale).</summary>
    public string Locale { get; set; } = "en-GB";

    /// <summary>How long one request to the FHIR server or the token endpoint may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool Enabled => !string.IsNullOrWhiteSpace(BaseUrl);
}
