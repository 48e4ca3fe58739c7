namespace TriageBot.Dialogs.Flow;

/// <summary>
/// The answers of one triage, as the root dialog keeps them. Findings are the clinical vocabulary the disposition
/// table matches on (dialogs/content/README.md); the other fields feed the summary and the referral.
/// </summary>
public sealed record TriageState
{
    public string? Consent { get; init; }

    public IReadOnlyList<string> Findings { get; init; } = [];

    public PainAnswers Pain { get; init; } = new();

    public NumbnessAnswers Numbness { get; init; } = new();

    public TreatmentAnswers Treatments { get; init; } = new();

    public string? Outcome { get; init; }

    /// <summary>
    /// The outcome's name in the summary (a messages.yaml key): the level's, or one the disposition table names for
    /// the rules that set it ("Urgent mental health support"). Null in older state: the level's name.
    /// </summary>
    public string? OutcomeName { get; init; }

    public IReadOnlyList<string> Hazards { get; init; } = [];

    public string? Reference { get; init; }

    public TriageState WithFindings(IEnumerable<string> more) => this with { Findings = [.. Findings.Union(more, StringComparer.Ordinal)] };
}

/// <summary>
/// Pain answers: choice ids (<see cref="Locations"/>: every place, in the content's order), the 0-10 score, the
/// duration band, whether it started before 45 (asked at 45 or over with pain over 12 weeks), inflammatory back pain
/// features (asked when it started before 45 and is long-standing), and optional free text (never logged).
/// <see cref="Location"/> is the one place kept by content before 2026.12.07.7 (state saved then still reads).
/// </summary>
public sealed record PainAnswers(
    string? Location = null, string? Spread = null, double? Score = null, string? Duration = null, string? Triggers = null,
    IReadOnlyList<string>? Findings = null, string? InflammatoryPattern = null, bool Under45 = false,
    IReadOnlyList<string>? Locations = null, string? OnsetBefore45 = null)
{
    /// <summary>Every place the pain is: <see cref="Locations"/>, or the one <see cref="Location"/> of older state.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<string> Places => Locations ?? (Location is { } one ? [one] : []);
}

/// <summary>Numbness, tingling and weakness answers: <see cref="Places"/> holds every place chosen (choice ids).</summary>
public sealed record NumbnessAnswers(string? Any = null, IReadOnlyList<string>? Places = null, string? Worsening = null, IReadOnlyList<string>? Findings = null);

/// <summary>Treatments tried (choice ids) and whether they helped.</summary>
public sealed record TreatmentAnswers(IReadOnlyList<string>? Tried = null, string? Helped = null, IReadOnlyList<string>? Findings = null);


/// <summary>Education menu state: topics already shown.</summary>
public sealed record EducationState(IReadOnlyList<string>? Shown = null);

/// <summary>
/// Referral form answers. The name and contact are held encrypted (<see cref="Referrals.IReferralProtector"/>), and
/// only until the referral is stored or refused.
/// </summary>
public sealed record ReferralAnswers(
    string? Offer = null, string? ProtectedName = null, string? ProtectedContact = null, string? Time = null, string? Consent = null, string? Reference = null);

/// <summary>Delete-my-data and restart confirmations.</summary>
public sealed record ConfirmState(string? Answer = null);

/// <summary>
/// The outcome a host page receives in the <c>triage.outcome</c> event: the level, the hazard ids, the content
/// version, the summary's outcome (<c>emergency</c>, ... or one the table names, such as <c>mental-health</c>), and,
/// for a named outcome with one in content, the banner text to show instead of the page's own words for the level.
/// </summary>
public sealed record TriageOutcome(string Level, IReadOnlyList<string> Reasons, string ContentVersion, string? Outcome = null, string? Banner = null);
