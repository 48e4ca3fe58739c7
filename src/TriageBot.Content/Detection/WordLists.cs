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
}
