using TriageBot.Recognizers.Text;

namespace TriageBot.Recognizers.Numbers;

/// <summary>
/// Fractions: "two thirds", "a twenty-first", "one hundred thirty fifths", "3/4".
/// The split between numerator and denominator follows how English speakers group the words:
/// the denominator is the longest ordinal phrase that starts with a tens word or with a unit that a
/// multiplier follows ("one thousand fifths"), and never with a unit hyphen-bound to the tens before it.
/// </summary>
internal static class FractionParser
{
    public static NumberParse? ParseWords(IReadOnlyList<Atom> atoms, int i)
    {
        var k = i + 1;
        while (k < atoms.Count && !IsDenominatorWord(atoms[k]))
        {
            if (!IsNumberish(atoms[k]))
            {
                return null;
            }

            k++;
        }

        if (k >= atoms.Count || !IsNumberish(atoms[i]) || atoms[i].Kind == AtomKind.Hyphen)
        {
            return null;
        }

        for (var s = i + 1; s <= k; s++)
        {
            if (atoms[s].Kind == AtomKind.Hyphen)
            {
                continue;
            }

            var numEnd = atoms[s - 1].Kind == AtomKind.Hyphen ? s - 1 : s;
            var numerator = Numerator(atoms, i, numEnd);
            var denominator = numerator is null ? null : Denominator(atoms, s, k);
            if (numerator is { } n && denominator is { } d && d > 0)
            {
                return new NumberParse(i, k, n / d, NumberSubtype.Fraction, n, d);
            }
        }

        return null;
    }

    /// <summary>"3/4" with no spaces, and not part of a date such as "5/17/2018".</summary>
    public static NumberParse? ParseDigits(IReadOnlyList<Atom> atoms, int i)
    {
        if (i + 2 >= atoms.Count || atoms[i + 1].Kind != AtomKind.Slash || atoms[i + 1].SpaceBefore || atoms[i + 2].SpaceBefore)
        {
            return null;
        }

        if (atoms[i].Literal is not { IsInteger: true } n || atoms[i + 2].Literal is not { IsInteger: true } d || d.Value == 0)
        {
            return null;
        }

        var partOfDate = (i + 3 < atoms.Count && atoms[i + 3].Kind == AtomKind.Slash && !atoms[i + 3].SpaceBefore)
            || (i > 0 && atoms[i - 1].Kind == AtomKind.Slash && !atoms[i].SpaceBefore);
        if (partOfDate || !CardinalParser.IsCleanLiteral(atoms, i) || !CardinalParser.IsCleanLiteral(atoms, i + 2))
        {
            return null;
        }

        return new NumberParse(i, i + 2, n.Value / d.Value, NumberSubtype.Fraction, n.Value, d.Value);
    }

    private static double? Numerator(IReadOnlyList<Atom> atoms, int i, int numEnd)
    {
        if (numEnd <= i)
        {
            return null;
        }

        if (numEnd == i + 1 && atoms[i].Text is "a" or "an")
        {
            return 1;
        }

        var p = CardinalParser.Parse(atoms, i, numEnd);
        return p is { Last: var last, IsPower: false, EndsWithSuffix: false } && last == numEnd - 1 && NumberFormat.IsIntegral(p.Value)
            ? p.Value
            : null;
    }

    private static double? Denominator(IReadOnlyList<Atom> atoms, int s, int k)
    {
        var word = atoms[k].Text;
        if (s == k && NumberWords.SpecialDenominators.TryGetValue(word, out var special))
        {
            return special;
        }

        var head = NumberWords.Classify(atoms[s].Text).Class;
        if (s == k)
        {
            // "one second" is a length of time and "a first" is not a fraction.
            var b = NumberWords.OrdinalBase(word, allowPlural: true);
            var (cls, value) = NumberWords.Classify(b ?? string.Empty);
            return b is null or "one" or "two" ? null : cls is WordClass.Hundred or WordClass.Big ? value : Parse(atoms, s, k);
        }

        if (atoms[s].Kind != AtomKind.Word || head is WordClass.None or WordClass.Zero or WordClass.Hundred or WordClass.Big or WordClass.Dozen)
        {
            return null;
        }

        var nextIsMultiplier = NumberWords.Classify(NumberWords.OrdinalBase(atoms[s + 1].Text, true) ?? atoms[s + 1].Text).Class
            is WordClass.Hundred or WordClass.Big;
        if (head is WordClass.Unit or WordClass.Teen && !nextIsMultiplier)
        {
            return null;
        }

        var boundToTens = s >= 2 && atoms[s - 1].Kind == AtomKind.Hyphen && NumberWords.Classify(atoms[s - 2].Text).Class == WordClass.Tens;
        return boundToTens ? null : Parse(atoms, s, k);
    }

    private static double? Parse(IReadOnlyList<Atom> atoms, int s, int k)
    {
        var p = CardinalParser.Parse(atoms, s, k + 1, ordinalAt: k);
        return p is not null && p.Last == k ? p.Value : null;
    }

    public static bool IsDenominatorWord(Atom atom) =>
        atom.Kind == AtomKind.Word
        && (NumberWords.SpecialDenominators.ContainsKey(atom.Text) || NumberWords.OrdinalBase(atom.Text, allowPlural: true) is not null);

    private static bool IsNumberish(Atom atom) => atom.Kind switch
    {
        AtomKind.Hyphen => true,
        AtomKind.Literal => atom.Literal!.IsInteger,
        AtomKind.Word => atom.Text is "and" or "a" or "an" || NumberWords.Classify(atom.Text).Class != WordClass.None,
        _ => false,
    };
}
