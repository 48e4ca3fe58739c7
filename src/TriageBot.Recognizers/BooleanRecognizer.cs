using TriageBot.Recognizers.Text;

namespace TriageBot.Recognizers;

/// <summary>
/// Yes/no in English ("yep", "sure", "not really", "I don't think so", 👍). When a sentence holds
/// several answers, the longest phrase wins ("agree, it is not ok" is no), then the earliest ("Yes. I said no").
/// </summary>
public static class BooleanRecognizer
{
    public static Recognition<bool> Recognize(string? text, string culture = Cultures.EnglishUS)
    {
        var all = RecognizeAll(text, culture);
        Recognition<bool>? best = null;
        foreach (var r in all)
        {
            if (best is null || r.Confidence > best.Confidence)
            {
                best = r;
            }
        }

        return best ?? Recognition<bool>.None;
    }

    /// <summary>Every yes/no phrase, in order of position, each with a confidence that grows with its share of the utterance.</summary>
    public static Recognized<bool> RecognizeAll(string? text, string culture = Cultures.EnglishUS)
    {
        if (string.IsNullOrWhiteSpace(text) || !Cultures.IsSupported(culture))
        {
            return Recognized<bool>.Empty;
        }

        var atoms = Atomizer.Split(text);
        var content = atoms.Count(a => a.Kind is AtomKind.Word or AtomKind.Literal || (a.Kind == AtomKind.Symbol && char.IsSurrogate(a.Raw[0])));
        var found = new List<Recognition<bool>>();
        var i = 0;
        while (i < atoms.Count)
        {
            if (Match(atoms, i) is { } m)
            {
                var count = m.Last - i + 1;
                var confidence = count >= content ? 1.0 : 0.5 + (0.5 * count / Math.Max(content, 1));
                found.Add(Recognition<bool>.Of(text, atoms[i].Start, atoms[m.Last].End, m.Value, confidence));
                i = m.Last + 1;
            }
            else
            {
                i++;
            }
        }

        return new Recognized<bool>(found);
    }

    private static (int Last, bool Value)? Match(IReadOnlyList<Atom> atoms, int i)
    {
        var atom = atoms[i];
        if (atom.Kind == AtomKind.Symbol)
        {
            var cp = char.IsSurrogatePair(atom.Raw, 0) ? char.ConvertToUtf32(atom.Raw, 0) : atom.Raw[0];
            return BooleanWords.Emoji(cp) is { } v ? (i, v) : null;
        }

        foreach (var (words, value) in BooleanWords.Phrases)
        {
            if (Matches(atoms, i, words))
            {
                return (i + words.Length - 1, value);
            }
        }

        return null;
    }

    private static bool Matches(IReadOnlyList<Atom> atoms, int i, string[] words)
    {
        if (i + words.Length > atoms.Count)
        {
            return false;
        }

        for (var j = 0; j < words.Length; j++)
        {
            if (!atoms[i + j].IsWord(words[j]))
            {
                return false;
            }
        }

        return true;
    }
}
