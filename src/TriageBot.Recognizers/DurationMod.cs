namespace TriageBot.Recognizers;

/// <summary>A qualifier on a duration.</summary>
public enum DurationMod
{
    /// <summary>Exactly the stated length: "3 weeks".</summary>
    None,

    /// <summary>"less than 2 hours".</summary>
    Less,

    /// <summary>"more than 4 days".</summary>
    More,

    /// <summary>"since last summer": from a point in the past up to the reference time.</summary>
    Since,

    /// <summary>"3 weeks ago": the length back from the reference time.</summary>
    Ago,
}
