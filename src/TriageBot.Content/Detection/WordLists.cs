namespace TriageBot.Content.Detection;

/// <summary>
/// Closed word lists of the phrase matcher. Symptom words live in red-flags.yaml; the words of negation and the other
/// contexts in context.yaml.
/// </summary>
internal static class WordLists
{
    /// <summary>
    /// Real words one letter away from a red-flag word; never read as a typo of it ("cancel" is not "cancer",
    /// "injection" is not "infection", "stood" is not "stool").
    /// </summary>
    public static readonly HashSet<string> NotTypos = new(StringComparer.Ordinal)
    {
        "cancel", "canker", "injection", "injections", "injected", "inject", "stood", "spool", "grown", "groan",
        "groans", "bowl", "bowls", "fewer", "chill", "chilly", "waking", "walking", "failing", "waiting", "heard",
        "crush", "ladder", "larder", "handy", "tinkling", "steep", "sheep", "sleek", "weigh", "eight", "might",
        "lots", "water", "later",
    };

    /// <summary>
    /// Units after a number: "50 mg", "100 degrees", "60 mph" are not an age, so a bare age word (<c>fiftyplus</c>)
    /// does not match the number before them.
    /// </summary>
    public static readonly HashSet<string> Units = new(StringComparer.Ordinal)
    {
        "mg", "mgs", "mcg", "ml", "mls", "g", "kg", "kgs", "kilo", "kilos", "lb", "lbs", "pound", "pounds", "stone",
        "st", "mph", "kph", "kmh", "km", "miles", "mile", "metres", "meters", "m", "ft", "feet", "foot", "cm", "mm",
        "inches", "degrees", "deg", "f", "c", "percent", "pc", "minutes", "mins", "min", "hours", "hrs", "hour",
        "seconds", "secs", "days", "day", "weeks", "week", "wks", "months", "month", "times", "x", "pills",
        "tablets", "bpm", "mmhg", "units", "out", "of",
    };
}
