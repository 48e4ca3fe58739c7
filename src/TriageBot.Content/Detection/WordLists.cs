namespace TriageBot.Content.Detection;

/// <summary>The small closed word lists negation handling needs. Symptom words live in red-flags.yaml, not here.</summary>
internal static class WordLists
{
    /// <summary>Words that deny what follows them: "no numbness", "I don't have any weakness".</summary>
    public static readonly HashSet<string> Negators = new(StringComparer.Ordinal)
    {
        "no", "not", "never", "without", "none", "nothing", "nor", "neither", "nope",
        "dont", "doesnt", "didnt", "havent", "hasnt", "hadnt", "isnt", "arent", "wasnt", "werent",
    };

    /// <summary>Words that deny what came before them: "my bladder is fine", "bowels normal".</summary>
    public static readonly HashSet<string> AfterNegators = new(StringComparer.Ordinal)
    {
        "fine", "normal", "normally", "ok", "okay", "alright", "unaffected", "none",
    };

    /// <summary>After a negator these deny what came before: "bladder - no problems", "it hasn't changed".</summary>
    public static readonly HashSet<string> NegatedAfterNouns = new(StringComparer.Ordinal)
    {
        "problem", "problems", "issue", "issues", "trouble", "troubles", "change", "changes", "changed", "affected",
    };

    /// <summary>A negator followed by these is doubt, not denial ("not sure", "don't know"): doubt counts as yes.</summary>
    public static readonly HashSet<string> DoubtWords = new(StringComparer.Ordinal)
    {
        "sure", "certain", "know", "knowing", "remember", "understand", "only", "just", "longer",
    };

    /// <summary>
    /// Said of a symptom at the end of a sentence, these mean it is over: "the tingling has gone", "it went away".
    /// Not "gone numb": the word must end the sentence or be followed by <see cref="ResolvedTails"/>.
    /// </summary>
    public static readonly HashSet<string> ResolvedWords = new(StringComparer.Ordinal)
    {
        "gone", "went", "stopped", "disappeared", "resolved", "settled", "cleared", "improved",
    };

    public static readonly HashSet<string> ResolvedTails = new(StringComparer.Ordinal) { "away", "now", "completely", "off", "up" };

    /// <summary>Words that end a negation's reach: "no pain but my legs are numb".</summary>
    public static readonly HashSet<string> ContrastWords = new(StringComparer.Ordinal)
    {
        "but", "although", "though", "tho", "except", "however", "yet", "apart", "otherwise", "besides", "whereas",
        "just", "only", "still", "now",
    };

    /// <summary>A coordinator or comma followed by one of these starts a new clause: "no fever, and my legs are weak".</summary>
    public static readonly HashSet<string> ClauseStarters = new(StringComparer.Ordinal)
    {
        "my", "his", "her", "their", "our", "your", "i", "im", "ive", "id", "he", "hes", "she", "shes", "they",
        "theyre", "we", "it", "its", "the", "this", "that", "there", "theres", "now",
    };

    public static readonly HashSet<string> Coordinators = new(StringComparer.Ordinal) { "and", "or", "nor" };

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
