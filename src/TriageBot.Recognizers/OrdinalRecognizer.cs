using TriageBot.Recognizers.Numbers;
using TriageBot.Recognizers.Text;

namespace TriageBot.Recognizers;

/// <summary>
/// English ordinals: "second", "2nd", "twenty-first", "one hundred twenty fifth", and positions
/// relative to the end or the current item: "last", "penultimate", "the one before the last", "next one".
/// </summary>
public static class OrdinalRecognizer
{
    public static Recognized<OrdinalValue> RecognizeAll(string? text, string culture = Cultures.EnglishUS)
    {
        if (string.IsNullOrWhiteSpace(text) || !Cultures.IsSupported(culture))
        {
            return Recognized<OrdinalValue>.Empty;
        }

        var atoms = Atomizer.Split(text);
        var found = new List<Recognition<OrdinalValue>>();
        var i = 0;
        while (i < atoms.Count)
        {
            var m = atoms[i].InUrl ? null : RelativeOrdinals.Match(atoms, i) ?? Digits(atoms, i) ?? Words(atoms, i);
            if (m is null)
            {
                i++;
                continue;
            }

            if (m.Value is { } value)
            {
                var start = atoms[m.First].Start;
                var end = atoms[m.Last].End;
                var confidence = start == 0 && end == text.TrimEnd().Length ? 1.0 : 0.9;
                found.Add(Recognition<OrdinalValue>.Of(text, start, end, value, confidence));
            }

            i = m.Last + 1;
        }

        return new Recognized<OrdinalValue>(found);
    }

    public static Recognition<OrdinalValue> Recognize(string? text, string culture = Cultures.EnglishUS) =>
        RecognizeAll(text, culture).First;

    /// <summary>"11th", "2nd".</summary>
    private static OrdinalMatch? Digits(IReadOnlyList<Atom> atoms, int i)
    {
        if (atoms[i].Literal is not { IsInteger: true } lit || i + 1 >= atoms.Count)
        {
            return null;
        }

        var suffix = atoms[i + 1];
        var gluedBefore = i > 0 && !atoms[i].SpaceBefore && atoms[i - 1].Kind == AtomKind.Word;
        if (gluedBefore || suffix.SpaceBefore || suffix.Kind != AtomKind.Word || !NumberWords.OrdinalDigitSuffixes.Contains(suffix.Text))
        {
            return null;
        }

        return ToMatch(i, i + 1, lit.Value);
    }

    /// <summary>"eleventh", "twenty-fifth", "a hundred trillionth". "a trillionth" is a fraction, not an ordinal.</summary>
    private static OrdinalMatch? Words(IReadOnlyList<Atom> atoms, int i)
    {
        var k = i;
        while (k < atoms.Count && atoms[k].Kind is AtomKind.Word or AtomKind.Hyphen && NumberWords.OrdinalBase(atoms[k].Text, false) is null)
        {
            var isNumberWord = atoms[k].Kind == AtomKind.Hyphen || atoms[k].Text is "and" or "a" or "an"
                || NumberWords.Classify(atoms[k].Text).Class != WordClass.None;
            if (!isNumberWord)
            {
                return null;
            }

            k++;
        }

        if (k >= atoms.Count || atoms[k].Kind != AtomKind.Word || NumberWords.OrdinalBase(atoms[k].Text, false) is not { } baseWord)
        {
            return null;
        }

        if (k == i)
        {
            return ToMatch(i, k, NumberWords.Classify(baseWord).Value);
        }

        var p = CardinalParser.Parse(atoms, i, k + 1, ordinalAt: k);
        if (p is null || p.Last != k)
        {
            return null;
        }

        var roundFraction = k == i + 1 && atoms[i].Text is "a" or "an" && NumberWords.Classify(baseWord).Class is WordClass.Hundred or WordClass.Big;
        return roundFraction ? new OrdinalMatch(i, k, null) : ToMatch(i, k, p.Value);
    }

    private static OrdinalMatch? ToMatch(int first, int last, double value) =>
        value is >= 0 and < 9e18 && NumberFormat.IsIntegral(value)
            ? new OrdinalMatch(first, last, new OrdinalValue((long)Math.Round(value), OrdinalRelativeTo.Start))
            : null;
}

/// <summary>A match over atoms; a null <see cref="Value"/> consumes the words without reporting them.</summary>
internal sealed record OrdinalMatch(int First, int Last, OrdinalValue? Value);
