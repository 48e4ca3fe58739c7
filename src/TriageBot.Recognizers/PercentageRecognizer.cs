using TriageBot.Recognizers.Numbers;
using TriageBot.Recognizers.Text;

namespace TriageBot.Recognizers;

/// <summary>
/// Percentages: "10%", "240 percent", "minus five percent", "percent of 10". A bare "%" standing
/// for a percentage ("the % of increase") is reported with a null value.
/// </summary>
public static class PercentageRecognizer
{
    public static Recognized<double?> RecognizeAll(string? text, string culture = Cultures.EnglishUS)
    {
        if (string.IsNullOrWhiteSpace(text) || !Cultures.IsSupported(culture))
        {
            return Recognized<double?>.Empty;
        }

        var atoms = Atomizer.Split(text);
        var numbers = NumberParser.ParseAll(atoms);
        var found = new List<Recognition<double?>>();
        var used = new HashSet<int>();
        foreach (var n in numbers)
        {
            if (Suffix(atoms, n.Last + 1) is { } last)
            {
                Add(found, text, atoms, n.First, last, n.Value);
                used.UnionWith(Enumerable.Range(n.First, last - n.First + 1));
            }
            else if (n.First >= 2 && atoms[n.First - 2].Text is "percent" or "percentage" && atoms[n.First - 1].IsWord("of"))
            {
                Add(found, text, atoms, n.First - 2, n.Last, n.Value);
                used.UnionWith(Enumerable.Range(n.First - 2, n.Last - n.First + 3));
            }
        }

        for (var i = 0; i < atoms.Count; i++)
        {
            var bare = atoms[i].Kind == AtomKind.Percent && !atoms[i].InUrl && !used.Contains(i) && atoms[i].SpaceBefore
                && (i + 1 == atoms.Count || atoms[i + 1].SpaceBefore) && i > 0 && atoms[i - 1].Kind == AtomKind.Word;
            if (bare)
            {
                Add(found, text, atoms, i, i, null);
            }
        }

        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return new Recognized<double?>(found);
    }

    public static Recognition<double?> Recognize(string? text, string culture = Cultures.EnglishUS) =>
        RecognizeAll(text, culture).First;

    /// <summary>Index of the last atom of "%", "percent(s)" or "per cent" at <paramref name="k"/>, or null.</summary>
    private static int? Suffix(IReadOnlyList<Atom> atoms, int k)
    {
        if (k >= atoms.Count || atoms[k].InUrl)
        {
            return null;
        }

        return atoms[k] switch
        {
            { Kind: AtomKind.Percent } => k,
            { Text: "percent" or "percents" or "pct" } => k,
            { Text: "per" } when k + 1 < atoms.Count && atoms[k + 1].IsWord("cent") => k + 1,
            _ => null,
        };
    }

    private static void Add(List<Recognition<double?>> found, string text, IReadOnlyList<Atom> atoms, int first, int last, double? value)
    {
        var start = atoms[first].Start;
        var end = atoms[last].End;
        var confidence = start == 0 && end == text.TrimEnd().Length ? 1.0 : 0.9;
        found.Add(Recognition<double?>.Of(text, start, end, value, confidence));
    }
}
