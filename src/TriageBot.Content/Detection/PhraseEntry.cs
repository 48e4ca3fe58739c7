namespace TriageBot.Content.Detection;

/// <summary>
/// One entry of a word group: one or more words that must appear in order, with at most
/// <see cref="MaxGap"/> other words between neighbours ("lost control" also matches "lost all control").
/// </summary>
internal sealed class PhraseEntry
{
    public const int MaxGap = 2;

    /// <summary>The word that opens an exclusion group: <c>[ unless, "left hand", "one side" ]</c>.</summary>
    public const string Unless = "unless";

    // Words that end a negation's reach in context.yaml but flip no meaning inside an entry ("legs just gave way").
    private static readonly HashSet<string> Fillers = new(StringComparer.Ordinal) { "just", "only", "still", "now" };

    // Intensifiers and texting fillers do not count as a gap ("my legs are straight up not working", "can't
    // literally feel my legs"): they add emphasis, never meaning. A bound keeps the look-ahead short.
    private static readonly HashSet<string> Intensifiers = new(StringComparer.Ordinal)
    {
        "really", "literally", "legit", "totally", "completely", "actually", "proper", "so", "very", "straight",
        "lowkey", "highkey", "deadass", "fr", "honestly", "basically", "like", "even",
    };

    private const int MaxIntensifiers = 3;

    private readonly IReadOnlySet<string> _gapBreakers;

    /// <summary>The entry is an age word on its own (<c>fiftyplus</c>): a number, unless a unit follows it.</summary>
    private readonly bool _bareAge;

    public PhraseEntry(string text, ContextRules context)
    {
        Text = text;
        Words = Tokenizer.Words(text);
        ContainsNegator = Words.Any(context.Negators.Contains);
        _bareAge = Words.Count == 1 && WordMatch.IsAgeBand(Words[0]);
        _gapBreakers = context.GapBreakers;
    }

    /// <summary>The entry as written in red-flags.yaml.</summary>
    public string Text { get; }

    public IReadOnlyList<string> Words { get; }

    /// <summary>"no control", "not able to": the negator is part of the symptom, so the entry is never negated.</summary>
    public bool ContainsNegator { get; }

    /// <summary>Matches at <paramref name="start"/>; <paramref name="end"/> is the index of the last matched token.</summary>
    public bool TryMatch(IReadOnlyList<Token> tokens, int start, out int end)
    {
        end = start;
        if (Words.Count == 0 || !WordMatch.Matches(Words[0], tokens[start]))
        {
            return false;
        }

        for (var w = 1; w < Words.Count; w++)
        {
            if (!TryMatchNext(tokens, Words[w], end, out end))
            {
                return false;
            }
        }

        // A bare age ("my husband 72") is not a quantity: "50 mg", "100 degrees", "60 out of 100".
        return !_bareAge || end + 1 >= tokens.Count || tokens[end + 1].Sentence != tokens[end].Sentence
            || !WordLists.Units.Contains(tokens[end + 1].Text);
    }

    private bool TryMatchNext(IReadOnlyList<Token> tokens, string word, int previous, out int found)
    {
        found = previous;
        var gaps = 0;
        for (var k = previous + 1; k < tokens.Count && k <= previous + 1 + MaxGap + MaxIntensifiers; k++)
        {
            if (tokens[k].Sentence != tokens[previous].Sentence)
            {
                return false;
            }

            if (WordMatch.Matches(word, tokens[k]))
            {
                found = k;
                return true;
            }

            // A skipped word may not flip the meaning: "legs are not numb" is not "legs ... numb", nor is "legs hurt
            // but feet numb" "legs numb". Fillers ("legs just gave way") flip nothing.
            var skipped = tokens[k].Text;
            if ((_gapBreakers.Contains(skipped) && !Fillers.Contains(skipped))
                || (!Intensifiers.Contains(skipped) && ++gaps > MaxGap))
            {
                return false;
            }
        }

        return false;
    }
}
