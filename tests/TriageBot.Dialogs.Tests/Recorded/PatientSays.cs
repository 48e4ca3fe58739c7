namespace TriageBot.Dialogs.Tests.Recorded;

/// <summary>
/// What one person says in a triage, in their own words: the titles of the buttons they tap and what they type.
/// Questions not covered here get the ordinary answer (No to a warning sign, Skip, Done). A question this person
/// has no answer for, or an answer here that was never asked for, fails the run: the script and the conversation
/// must agree.
/// </summary>
internal sealed record PatientSays
{
    /// <summary>The page's locale (Web Chat's <c>locale</c>): en-GB or en-US.</summary>
    public required string Locale { get; init; }

    /// <summary>The age group tapped, e.g. "45 to 49".</summary>
    public required string Age { get; init; }

    /// <summary>The warning-sign questions (prompt keys) answered Yes; every other one is answered No.</summary>
    public IReadOnlyList<string> YesTo { get; init; } = [];

    /// <summary>Where the pain is, where it spreads, its score (typed) and how long (tapped), e.g. "Over 12 weeks".</summary>
    public required PainSays Pain { get; init; }

    /// <summary>The answer to the inflammatory back pain features (NICE NG65), asked only under 45 with pain over 12 weeks.</summary>
    public string? InflammatoryPattern { get; init; }

    /// <summary>Where the numbness, tingling or weakness is, tapped in this order; none: "No" to having any.</summary>
    public IReadOnlyList<string> NumbIn { get; init; } = [];

    public string? NumbnessWorsening { get; init; }

    /// <summary>The treatments tried, tapped in this order; none: "None of these".</summary>
    public IReadOnlyList<string> Tried { get; init; } = [];

    public string? Helped { get; init; }

    /// <summary>The referral, when the person accepts the offer; null: "No, thanks".</summary>
    public ReferralSays? Referral { get; init; }
}

/// <summary>The pain as the person describes it: three taps and a typed score.</summary>
internal sealed record PainSays(string In, string Spreading, string Score, string For);

/// <summary>
/// The referral details as the person gives them: typed name and phone or e-mail, the contact time's title, and
/// whether they fill in the card (Web Chat's form) or type each answer.
/// </summary>
internal sealed record ReferralSays(string Name, string Contact, string Time, bool ByCard);
