using TriageBot.Recognizers.Text;

namespace TriageBot.Recognizers.Numbers;

/// <summary>
/// Parses the longest whole-number phrase starting at an atom: number words, digits, and the
/// connectors "and" and "-" where English allows them. With <c>ordinalAt</c>, the ordinal word at that
/// index counts as its cardinal ("hundred twenty fifth" parses like "hundred twenty five").
/// </summary>
internal static class CardinalParser
{
    private enum El
    {
        None,
        Zero,
        Unit,
        Teen,
        Tens,
        Hundred,
        Big,
        Dozen,
        A,
        And,
        Hyphen,
        Literal,
        GluedSuffix,
        SpacedSuffix,
    }

    public static CardinalParse? Parse(IReadOnlyList<Atom> atoms, int start, int limit, int ordinalAt = -1)
    {
        var (first, firstValue) = Classify(atoms, start, start, limit, ordinalAt);
        switch (first)
        {
            case El.Zero:
                return new CardinalParse(start, start, 0, 0, 0) { HasWords = true, IsZero = true };
            case El.Literal:
                var lit = atoms[start].Literal!;
                if (!IsCleanLiteral(atoms, start))
                {
                    return null;
                }

                if (lit.IsPower)
                {
                    return new CardinalParse(start, start, 0, lit.Value, 0) { HasLiteral = true, IsPower = true, LiteralIsDecimal = lit.IsDecimal };
                }

                break;
            case El.Unit or El.Teen or El.Tens:
                break;
            case El.A when start + 1 < limit && Classify(atoms, start + 1, start, limit, ordinalAt).El is El.Hundred or El.Big or El.Dozen:
                firstValue = 1;
                break;
            default:
                return null;
        }

        var st = new State { Prev = first, Current = firstValue, Small = firstValue };
        var best = first == El.A ? null : Snapshot(atoms, start, start, st);
        for (var k = start + 1; k < limit; k++)
        {
            var (el, v) = Classify(atoms, k, start, limit, ordinalAt);
            var next = k + 1 < limit ? Classify(atoms, k + 1, start, limit, ordinalAt).El : El.None;
            if (!Step(atoms, k, el, v, next, st))
            {
                break;
            }

            if (el is not (El.And or El.Hyphen))
            {
                best = Snapshot(atoms, start, k, st);
                if (el is El.GluedSuffix or El.SpacedSuffix)
                {
                    break;
                }
            }
        }

        return best;
    }

    private static bool Step(IReadOnlyList<Atom> atoms, int k, El el, double v, El next, State st)
    {
        var pending = st.Pending;
        var prev = st.Prev;
        st.Pending = El.None;
        switch (el)
        {
            case El.And when pending == El.None && (prev is El.Hundred or El.Big || (prev == El.Tens && next == El.Unit)):
                st.Pending = El.And;
                return true;
            case El.Hyphen when pending == El.None && prev == El.Tens && next == El.Unit:
                st.Pending = El.Hyphen;
                return true;
            case El.Unit when prev == El.Tens || (prev is El.Hundred or El.Big && pending != El.Hyphen):
                st.Small += v;
                st.Current += v;
                break;
            case El.Teen or El.Tens when prev is El.Hundred or El.Big && pending != El.Hyphen:
                st.Small = v;
                st.Current += v;
                break;
            case El.Literal when pending == El.And && IsCleanLiteral(atoms, k) && atoms[k].Literal!.IsInteger
                && ((prev == El.Hundred && v < 100) || (prev == El.Big && v < st.LastBig)):
                st.Small = v;
                st.Current += v;
                st.HasLiteral = true;
                break;
            case El.Hundred when pending == El.None && prev is El.Unit or El.Teen or El.Tens or El.A or El.Literal && !st.HasHundred:
                st.Current = st.Small * 100;
                st.Small = 0;
                st.HasHundred = true;
                st.ScaledByWord |= prev == El.Literal;
                break;
            case El.Big or El.GluedSuffix or El.SpacedSuffix when pending == El.None && prev != El.And:
                if (el != El.Big && prev != El.Literal)
                {
                    return false;
                }

                if (prev == El.Big)
                {
                    st.Total *= v;
                    st.LastBig *= v;
                }
                else if (st.LastBig == 0 || v < st.LastBig)
                {
                    st.Total += st.Current * v;
                    st.LastBig = v;
                }
                else
                {
                    return false;
                }

                st.ScaledByWord |= el != El.SpacedSuffix;
                st.ScaledBySpacedSuffix |= el == El.SpacedSuffix;
                st.Current = 0;
                st.Small = 0;
                st.HasHundred = false;
                break;
            case El.Dozen when pending == El.None && prev is El.Unit or El.Teen or El.Tens or El.A or El.Literal:
                st.Current = st.Current - st.Small + (st.Small * 12);
                st.Small = 0;
                st.UsedDozen = true;
                break;
            default:
                return false;
        }

        st.Prev = el is El.GluedSuffix or El.SpacedSuffix ? El.Big : el;
        return true;
    }

    private static CardinalParse Snapshot(IReadOnlyList<Atom> atoms, int start, int last, State st)
    {
        var firstLiteral = atoms[start].Literal;
        return new CardinalParse(start, last, st.Total, st.Current, st.LastBig)
        {
            HasLiteral = st.HasLiteral || firstLiteral is not null,
            HasWords = firstLiteral is null || last > start,
            LiteralIsDecimal = firstLiteral?.IsDecimal == true,
            ScaledByWord = st.ScaledByWord,
            ScaledBySpacedSuffix = st.ScaledBySpacedSuffix,
            EndsWithSuffix = last > start && st.Prev == El.Big && atoms[last].Kind == AtomKind.Word
                && !NumberWords.Cardinals.ContainsKey(atoms[last].Text),
            UsedDozen = st.UsedDozen,
        };
    }

    private static (El El, double Value) Classify(IReadOnlyList<Atom> atoms, int k, int start, int limit, int ordinalAt)
    {
        var atom = atoms[k];
        switch (atom.Kind)
        {
            case AtomKind.Literal:
                return (El.Literal, atom.Literal!.Value);
            case AtomKind.Hyphen:
                return (El.Hyphen, 0);
            case AtomKind.Word:
                break;
            default:
                return (El.None, 0);
        }

        if (k > start && atoms[k - 1].Kind == AtomKind.Literal)
        {
            if (!atom.SpaceBefore && NumberWords.GluedSuffixes.TryGetValue(atom.Raw, out var g) && !IsGluedToLetter(atoms, k, limit))
            {
                return (El.GluedSuffix, g);
            }

            if (atom.SpaceBefore && NumberWords.SpacedSuffixes.TryGetValue(atom.Raw, out var s))
            {
                return (El.SpacedSuffix, s);
            }
        }

        var word = atom.Text;
        if (k == ordinalAt)
        {
            word = NumberWords.OrdinalBase(word, allowPlural: true) ?? string.Empty;
        }
        else if (word is "and")
        {
            return (El.And, 0);
        }
        else if (word is "a" or "an")
        {
            return (El.A, 1);
        }

        var (cls, value) = NumberWords.Classify(word);
        return cls switch
        {
            WordClass.Zero => (El.Zero, 0),
            WordClass.Unit => (El.Unit, value),
            WordClass.Teen => (El.Teen, value),
            WordClass.Tens => (El.Tens, value),
            WordClass.Hundred => (El.Hundred, value),
            WordClass.Big => (El.Big, value),
            WordClass.Dozen => (El.Dozen, value),
            _ => (El.None, 0),
        };
    }

    private static bool IsGluedToLetter(IReadOnlyList<Atom> atoms, int k, int limit) =>
        k + 1 < limit && atoms[k + 1].Kind == AtomKind.Literal && !atoms[k + 1].SpaceBefore;

    /// <summary>
    /// Digits count as a number only when they stand alone: "180ml", "A1B2" and "1m" are not numbers,
    /// but "10k", "1.2b" and "$20" are.
    /// </summary>
    public static bool IsCleanLiteral(IReadOnlyList<Atom> atoms, int k)
    {
        if (k > 0 && !atoms[k].SpaceBefore && atoms[k - 1].Kind == AtomKind.Word)
        {
            return false;
        }

        if (k + 1 < atoms.Count && !atoms[k + 1].SpaceBefore && atoms[k + 1].Kind == AtomKind.Word)
        {
            return NumberWords.GluedSuffixes.ContainsKey(atoms[k + 1].Raw);
        }

        return true;
    }

    private sealed class State
    {
        public El Prev { get; set; }

        public El Pending { get; set; }

        public double Current { get; set; }

        public double Small { get; set; }

        public double Total { get; set; }

        public double LastBig { get; set; }

        public bool HasHundred { get; set; }

        public bool HasLiteral { get; set; }

        public bool ScaledByWord { get; set; }

        public bool ScaledBySpacedSuffix { get; set; }

        public bool UsedDozen { get; set; }
    }
}
