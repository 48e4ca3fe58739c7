using TriageBot.Recognizers.Numbers;
using TriageBot.Recognizers.Text;

namespace TriageBot.Recognizers;

/// <summary>Ordinals relative to the end or to the current item. Phrase table, longest first.</summary>
internal static class RelativeOrdinals
{
    // Phrases that take a leading "the" into their span ("the last but one").
    private static readonly (string[] Words, OrdinalRelativeTo To, long Offset)[] WithThe =
    [
        (["one", "before", "the", "last", "one"], OrdinalRelativeTo.End, -1),
        (["one", "before", "the", "last"], OrdinalRelativeTo.End, -1),
        (["one", "before", "last"], OrdinalRelativeTo.End, -1),
        (["last", "but", "one"], OrdinalRelativeTo.End, -1),
        (["next", "to", "last"], OrdinalRelativeTo.End, -1),
    ];

    private static readonly (string[] Words, OrdinalRelativeTo To, long Offset)[] Bare =
    [
        (["antepenultimate"], OrdinalRelativeTo.End, -2),
        (["penultimate"], OrdinalRelativeTo.End, -1),
        (["next", "one"], OrdinalRelativeTo.Current, 1),
        (["previous", "one"], OrdinalRelativeTo.Current, -1),
        (["current", "one"], OrdinalRelativeTo.Current, 0),
        (["next"], OrdinalRelativeTo.Current, 1),
        (["previous"], OrdinalRelativeTo.Current, -1),
        (["current"], OrdinalRelativeTo.Current, 0),
        (["last"], OrdinalRelativeTo.End, 0),
    ];

    public static OrdinalMatch? Match(IReadOnlyList<Atom> atoms, int i)
    {
        var hasThe = atoms[i].IsWord("the");
        var from = hasThe ? i + 1 : i;
        if (from < atoms.Count && (Phrase(atoms, from, WithThe) ?? CountedFromEnd(atoms, from)) is { } m)
        {
            return m with { First = i };
        }

        return hasThe ? null : Phrase(atoms, i, Bare);
    }

    private static OrdinalMatch? Phrase(IReadOnlyList<Atom> atoms, int i, (string[] Words, OrdinalRelativeTo To, long Offset)[] table)
    {
        foreach (var (words, to, offset) in table)
        {
            if (i + words.Length <= atoms.Count && Enumerable.Range(0, words.Length).All(j => atoms[i + j].IsWord(words[j])))
            {
                return new OrdinalMatch(i, i + words.Length - 1, new OrdinalValue(offset, to));
            }
        }

        return null;
    }

    /// <summary>"second to last", "third from last", "fourth from the end".</summary>
    private static OrdinalMatch? CountedFromEnd(IReadOnlyList<Atom> atoms, int i)
    {
        if (i + 2 >= atoms.Count || NumberWords.OrdinalBase(atoms[i].Text, false) is not { } b)
        {
            return null;
        }

        var n = (long)NumberWords.Classify(b).Value;
        var last = atoms[i + 1].Text switch
        {
            "to" or "from" when atoms[i + 2].IsWord("last") => i + 2,
            "from" when i + 3 < atoms.Count && atoms[i + 2].IsWord("the") && atoms[i + 3].IsWord("end") => i + 3,
            _ => -1,
        };
        return last < 0 || n < 1 ? null : new OrdinalMatch(i, last, new OrdinalValue(1 - n, OrdinalRelativeTo.End));
    }
}
