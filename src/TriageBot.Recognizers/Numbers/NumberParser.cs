using System.Globalization;
using TriageBot.Recognizers.Text;

namespace TriageBot.Recognizers.Numbers;

/// <summary>
/// The number grammar on top of <see cref="CardinalParser"/> and <see cref="FractionParser"/>: signs,
/// "point" decimals, mixed numbers ("six and a half"), ratios ("7 out of 10"), and multiplied
/// fractions ("two thirds of a million"). Of all readings at a position, the longest wins.
/// </summary>
internal static class NumberParser
{
    /// <summary>Every number in the atoms, left to right, without overlaps.</summary>
    public static List<NumberParse> ParseAll(IReadOnlyList<Atom> atoms)
    {
        var found = new List<NumberParse>();
        var i = 0;
        while (i < atoms.Count)
        {
            var p = atoms[i].InUrl ? null : Parse(atoms, i);
            if (p is null)
            {
                i++;
                continue;
            }

            if (!(p.IsLoneOne && i > 0 && atoms[i - 1].Kind == AtomKind.Word && NumberWords.PronounOneContext.Contains(atoms[i - 1].Text)))
            {
                found.Add(p);
            }

            i = p.Last + 1;
        }

        return found;
    }

    public static NumberParse? Parse(IReadOnlyList<Atom> atoms, int i)
    {
        var atom = atoms[i];
        if (atom.Kind == AtomKind.Word && atom.Text is "minus" or "negative" && i + 1 < atoms.Count)
        {
            return Negate(ParseUnsigned(atoms, i + 1), i);
        }

        var freeHyphen = i == 0 || atom.SpaceBefore || atoms[i - 1].Kind is not (AtomKind.Word or AtomKind.Literal);
        if (atom.Kind == AtomKind.Hyphen && freeHyphen && i + 1 < atoms.Count && atoms[i + 1].Kind == AtomKind.Literal)
        {
            return Negate(ParseUnsigned(atoms, i + 1), i);
        }

        return ParseUnsigned(atoms, i);
    }

    private static NumberParse? Negate(NumberParse? p, int first) =>
        p is null ? null : p with { First = first, Value = -p.Value, Numerator = -p.Numerator, IsLoneOne = false };

    private static NumberParse? ParseUnsigned(IReadOnlyList<Atom> atoms, int i)
    {
        var candidates = new List<NumberParse>();
        var cardinal = CardinalParser.Parse(atoms, i, atoms.Count);
        if (cardinal is not null)
        {
            AddIfAny(candidates, Mixed(atoms, cardinal));
            AddIfAny(candidates, DigitMixed(atoms, cardinal));
            AddIfAny(candidates, Point(atoms, cardinal));
            AddIfAny(candidates, Ratio(atoms, cardinal));
        }

        AddIfAny(candidates, Scaled(atoms, FractionParser.ParseWords(atoms, i)));
        AddIfAny(candidates, FractionParser.ParseDigits(atoms, i));
        AddIfAny(candidates, HalfOrQuarter(atoms, i));
        AddIfAny(candidates, Vulgar(atoms, i));
        AddIfAny(candidates, Couple(atoms, i));
        if (cardinal is not null)
        {
            candidates.Add(Plain(atoms, cardinal));
        }

        NumberParse? best = null;
        foreach (var c in candidates)
        {
            if (best is null || c.Last > best.Last)
            {
                best = c;
            }
        }

        return best;
    }

    private static void AddIfAny(List<NumberParse> list, NumberParse? p)
    {
        if (p is not null)
        {
            list.Add(p);
        }
    }

    private static NumberParse Plain(IReadOnlyList<Atom> atoms, CardinalParse c)
    {
        var subtype = c switch
        {
            { IsPower: true } => NumberSubtype.Power,
            { LiteralIsDecimal: true, ScaledByWord: false } => NumberSubtype.Decimal,
            _ when !NumberFormat.IsIntegral(c.Value) => NumberSubtype.Decimal,
            _ => NumberSubtype.Integer,
        };
        var loneOne = c.AtomCount == 1 && atoms[c.First].IsWord("one");
        return new NumberParse(c.First, c.Last, c.Value, subtype) { IsLoneOne = loneOne };
    }

    /// <summary>"six and a half", "one hundred and three quarters", "five and a half million", "3 million and a quarter".</summary>
    private static NumberParse? Mixed(IReadOnlyList<Atom> atoms, CardinalParse c)
    {
        // The whole part may end at any "and" inside the greedy reading: "two million and one half".
        NumberParse? best = null;
        for (var and = c.First + 1; and <= c.Last + 1 && and + 1 < atoms.Count; and++)
        {
            if (!atoms[and].IsWord("and"))
            {
                continue;
            }

            var whole = and == c.Last + 1 ? c : CardinalParser.Parse(atoms, c.First, and);
            if (whole is not null && whole.Last == and - 1 && MixedWith(atoms, whole, and + 1) is { } m && (best is null || m.Last > best.Last))
            {
                best = m;
            }
        }

        return best;
    }

    private static NumberParse? MixedWith(IReadOnlyList<Atom> atoms, CardinalParse c, int fractionAt)
    {
        if (c.IsPower)
        {
            return null;
        }

        var f = FractionParser.ParseWords(atoms, fractionAt) ?? HalfOrQuarter(atoms, fractionAt, allowMultiplier: false);
        if (f is null || f.Value >= 1 || f.Value <= 0)
        {
            return null;
        }

        var last = f.Last;
        double value;
        if (Multiplier(atoms, last + 1) is { } m)
        {
            value = c.Total + ((c.Current + f.Value) * m.Value);
            last = m.Last;
        }
        else if (c.Current == 0 && c.LastBig >= 1e6)
        {
            value = c.Total + (f.Value * c.LastBig);
        }
        else
        {
            value = c.Value + f.Value;
        }

        return new NumberParse(c.First, last, value, NumberSubtype.Fraction);
    }

    /// <summary>"2  1/4", "- 1 4/5".</summary>
    private static NumberParse? DigitMixed(IReadOnlyList<Atom> atoms, CardinalParse c)
    {
        if (c.AtomCount != 1 || atoms[c.First].Literal is not { IsInteger: true } || c.Last + 1 >= atoms.Count || !atoms[c.Last + 1].SpaceBefore)
        {
            return null;
        }

        var f = FractionParser.ParseDigits(atoms, c.Last + 1);
        return f is { Value: < 1 } ? new NumberParse(c.First, f.Last, c.Value + f.Value, NumberSubtype.Fraction) : null;
    }

    /// <summary>"two hundred point zero three", "nought point eleven".</summary>
    private static NumberParse? Point(IReadOnlyList<Atom> atoms, CardinalParse c)
    {
        var k = c.Last + 1;
        if (c.IsPower || c.EndsWithSuffix || !NumberFormat.IsIntegral(c.Value) || k + 1 >= atoms.Count || !atoms[k].IsWord("point"))
        {
            return null;
        }

        var digits = string.Empty;
        var last = k;
        for (var j = k + 1; j < atoms.Count; j++)
        {
            var (cls, v) = NumberWords.Classify(atoms[j].Kind == AtomKind.Word ? atoms[j].Text : string.Empty);
            if (cls is not (WordClass.Zero or WordClass.Unit or WordClass.Teen or WordClass.Tens))
            {
                break;
            }

            var joined = j + 2 < atoms.Count && cls == WordClass.Tens && atoms[j + 1].Kind == AtomKind.Hyphen
                && NumberWords.Classify(atoms[j + 2].Text).Class == WordClass.Unit;
            var joinedSpace = !joined && j + 1 < atoms.Count && cls == WordClass.Tens && NumberWords.Classify(atoms[j + 1].Text).Class == WordClass.Unit;
            var unit = joined ? NumberWords.Classify(atoms[j + 2].Text).Value : joinedSpace ? NumberWords.Classify(atoms[j + 1].Text).Value : 0;
            digits += (v + unit).ToString(CultureInfo.InvariantCulture);
            j += joined ? 2 : joinedSpace ? 1 : 0;
            last = j;
        }

        if (digits.Length == 0)
        {
            return null;
        }

        var text = c.Value.ToString("F0", CultureInfo.InvariantCulture) + "." + digits;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? new NumberParse(c.First, last, value, NumberSubtype.Decimal)
            : null;
    }

    /// <summary>"1 over 3", "one in twenty-one", "two out of five hundred": a ratio only when it is a proper fraction.</summary>
    private static NumberParse? Ratio(IReadOnlyList<Atom> atoms, CardinalParse c)
    {
        var k = c.Last + 1;
        if (c.IsPower || c.EndsWithSuffix || k + 1 >= atoms.Count || !NumberFormat.IsIntegral(c.Value))
        {
            return null;
        }

        int denominatorAt;
        if (atoms[k].IsWord("over") || atoms[k].IsWord("in"))
        {
            denominatorAt = k + 1;
        }
        else if (atoms[k].IsWord("out") && atoms[k + 1].IsWord("of"))
        {
            denominatorAt = k + 2;
        }
        else
        {
            return null;
        }

        var d = denominatorAt < atoms.Count ? CardinalParser.Parse(atoms, denominatorAt, atoms.Count) : null;
        if (d is null || d.IsPower || d.Value <= 0 || c.Value >= d.Value || !NumberFormat.IsIntegral(d.Value))
        {
            return null;
        }

        return new NumberParse(c.First, d.Last, c.Value / d.Value, NumberSubtype.Fraction, c.Value, d.Value);
    }

    /// <summary>"two thirds of a million", "three quarters million".</summary>
    private static NumberParse? Scaled(IReadOnlyList<Atom> atoms, NumberParse? f)
    {
        if (f is null || Multiplier(atoms, f.Last + 1) is not { } m)
        {
            return f;
        }

        var value = f.Value * m.Value;
        var subtype = m.IsDozen && NumberFormat.IsIntegral(value) ? NumberSubtype.Integer : NumberSubtype.Fraction;
        return new NumberParse(f.First, m.Last, value, subtype);
    }

    /// <summary>"half" (0.5) alone; "half a dozen", "quarter million" with a multiplier.</summary>
    private static NumberParse? HalfOrQuarter(IReadOnlyList<Atom> atoms, int i, bool allowMultiplier = true)
    {
        var word = atoms[i].Kind == AtomKind.Word ? atoms[i].Text : string.Empty;
        if (word is not ("half" or "quarter"))
        {
            return null;
        }

        var f = new NumberParse(i, i, word == "half" ? 0.5 : 0.25, NumberSubtype.Fraction);
        var scaled = allowMultiplier ? Scaled(atoms, f) : f;
        return word == "quarter" && ReferenceEquals(scaled, f) ? null : scaled;
    }

    /// <summary>"½", "¾", "⅔": single-character fractions.</summary>
    private static NumberParse? Vulgar(IReadOnlyList<Atom> atoms, int i) =>
        atoms[i].Kind == AtomKind.Symbol && atoms[i].Raw.Length == 1 && NumberWords.VulgarFractions.TryGetValue(atoms[i].Raw[0], out var f)
            ? new NumberParse(i, i, f.Numerator / f.Denominator, NumberSubtype.Fraction, f.Numerator, f.Denominator)
            : null;

    private static NumberParse? Couple(IReadOnlyList<Atom> atoms, int i) =>
        i + 1 < atoms.Count && atoms[i].IsWord("a") && atoms[i + 1].IsWord("couple")
            ? new NumberParse(i, i + 1, 2, NumberSubtype.Integer)
            : null;

    /// <summary>A multiplier after a fraction: "million", "a dozen", "of a million".</summary>
    private static (double Value, int Last, bool IsDozen)? Multiplier(IReadOnlyList<Atom> atoms, int k)
    {
        if (k < atoms.Count && atoms[k].IsWord("of"))
        {
            k++;
        }

        if (k < atoms.Count && atoms[k].Text is "a" or "an")
        {
            k++;
        }

        if (k >= atoms.Count || atoms[k].Kind != AtomKind.Word)
        {
            return null;
        }

        var (cls, v) = NumberWords.Classify(atoms[k].Text);
        return cls is WordClass.Big or WordClass.Dozen ? (v, k, cls == WordClass.Dozen) : null;
    }
}
