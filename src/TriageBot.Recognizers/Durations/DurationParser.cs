using TriageBot.Recognizers.Numbers;
using TriageBot.Recognizers.Text;

namespace TriageBot.Recognizers.Durations;

/// <summary>
/// "[less than|more than] quantity [business] unit [and a half] [more parts] [ago]", where the quantity
/// is any number phrase ("two and a half", "twenty and four") or a vague word ("a few", "a couple of",
/// "another", "all", "half an"). "3day" and "10D" are read with the unit glued to the digits.
/// </summary>
internal static class DurationParser
{
    public static DurationParse? Parse(IReadOnlyList<Atom> atoms, int i)
    {
        var mod = DurationMod.None;
        var k = i;
        foreach (var (words, m) in DurationWords.Mods)
        {
            if (Matches(atoms, i, words))
            {
                mod = m;
                k = i + words.Length;
                break;
            }
        }

        if (Simple(atoms, k, numericOnly: false) is not { } first)
        {
            return null;
        }

        var parts = new List<(DurationUnit, double)>(first.Parts);
        var last = first.Last;

        // "2 days 1 month", "1 hour and 30 minutes": further parts need a number, so "an hour a day" stays two things.
        for (var guard = 0; guard < 4; guard++)
        {
            var j = last + 1 < atoms.Count && atoms[last + 1].Text is "and" or "," ? last + 2 : last + 1;
            if (Simple(atoms, j, numericOnly: true) is not { } more || more.Parts.Any(p => parts.Exists(q => q.Item1 == p.Unit)))
            {
                break;
            }

            parts.AddRange(more.Parts);
            last = more.Last;
        }

        if (mod == DurationMod.None && last + 1 < atoms.Count && atoms[last + 1].IsWord("ago"))
        {
            mod = DurationMod.Ago;
            last++;
        }

        return new DurationParse(i, last, parts, mod);
    }

    private static DurationParse? Simple(IReadOnlyList<Atom> atoms, int k, bool numericOnly)
    {
        if (k >= atoms.Count || atoms[k].InUrl)
        {
            return null;
        }

        if (Glued(atoms, k) is { } glued)
        {
            return glued;
        }

        DurationParse? best = null;
        foreach (var (quantity, qLast) in Quantities(atoms, k, numericOnly))
        {
            if (Unit(atoms, k, quantity, qLast) is { } d && (best is null || d.Last > best.Last))
            {
                best = d;
            }
        }

        return best;
    }

    private static IEnumerable<(double Quantity, int Last)> Quantities(IReadOnlyList<Atom> atoms, int k, bool numericOnly)
    {
        if (NumberParser.Parse(atoms, k) is { Value: > 0 } n)
        {
            yield return (n.Value, n.Last);
        }

        if (numericOnly)
        {
            yield break;
        }

        foreach (var (words, q) in DurationWords.VagueQuantities)
        {
            if (Matches(atoms, k, words))
            {
                yield return (q, k + words.Length - 1);
            }
        }
    }

    private static DurationParse? Unit(IReadOnlyList<Atom> atoms, int first, double quantity, int qLast)
    {
        var u = qLast + 1;
        if (u < atoms.Count && atoms[u].Kind == AtomKind.Hyphen && !atoms[u].SpaceBefore)
        {
            u++;
        }

        var business = u < atoms.Count && atoms[u].IsWord("business");
        u += business ? 1 : 0;
        if (u >= atoms.Count || atoms[u].Kind != AtomKind.Word || !DurationWords.Units.TryGetValue(atoms[u].Text, out var unit))
        {
            return null;
        }

        var kind = business && unit.Unit == DurationUnit.Day ? DurationUnit.BusinessDay : unit.Unit;
        var total = quantity * unit.Factor;
        var last = u;

        // "an hour and a half", "one year and a quarter".
        var t = u + 1;
        if (t + 1 < atoms.Count && atoms[t].IsWord("and"))
        {
            var w = atoms[t + 1].Text is "a" or "an" && t + 2 < atoms.Count ? t + 2 : t + 1;
            var extra = atoms[w].Text switch { "half" => 0.5, "quarter" => 0.25, _ => 0 };
            if (extra > 0)
            {
                total += extra * unit.Factor;
                last = w;
            }
        }

        return new DurationParse(first, last, [(kind, total)], DurationMod.None);
    }

    private static DurationParse? Glued(IReadOnlyList<Atom> atoms, int k)
    {
        if (atoms[k].Literal is not { IsPower: false } lit || k + 1 >= atoms.Count || atoms[k + 1].SpaceBefore || atoms[k + 1].Kind != AtomKind.Word)
        {
            return null;
        }

        if (k > 0 && !atoms[k].SpaceBefore && atoms[k - 1].Kind == AtomKind.Word)
        {
            return null;
        }

        var word = atoms[k + 1].Text;
        if (!DurationWords.Units.TryGetValue(word, out var unit) && !DurationWords.GluedLetters.TryGetValue(word, out unit))
        {
            return null;
        }

        return lit.Value > 0 ? new DurationParse(k, k + 1, [(unit.Unit, lit.Value * unit.Factor)], DurationMod.None) : null;
    }

    public static bool Matches(IReadOnlyList<Atom> atoms, int i, string[] words)
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
