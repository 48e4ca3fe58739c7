namespace TriageBot.Content.Detection;

/// <summary>
/// A phrase from red-flags.yaml: word groups that must all be present, undenied, somewhere in the text, and none of
/// its exclusion groups (opened by the word <c>unless</c>): "fingers numb" reads as both hands unless "left hand".
/// </summary>
internal sealed class PhraseMatcher
{
    private readonly EntryIndex[] _groups;
    private readonly EntryIndex[] _exclusions;

    public PhraseMatcher(IReadOnlyList<IReadOnlyList<PhraseEntry>> groups)
    {
        Groups = [.. groups.Where(g => !IsExclusion(g))];
        Exclusions = [.. groups.Where(IsExclusion).Select(g => (IReadOnlyList<PhraseEntry>)[.. g.Skip(1)])];
        _groups = [.. Groups.Select(g => new EntryIndex(g))];
        _exclusions = [.. Exclusions.Select(g => new EntryIndex(g))];
    }

    public IReadOnlyList<IReadOnlyList<PhraseEntry>> Groups { get; }

    public IReadOnlyList<IReadOnlyList<PhraseEntry>> Exclusions { get; }

    /// <summary>The smallest token span covering one undenied match of every group, or null.</summary>
    public (int Start, int End)? Match(IReadOnlyList<Token> tokens)
    {
        if (Groups.Count == 0)
        {
            return null;
        }

        var found = new List<Occurrence>[Groups.Count];
        for (var g = 0; g < Groups.Count; g++)
        {
            found[g] = Find(_groups[g], tokens);
            if (found[g].Count == 0)
            {
                return null;
            }
        }

        if (_exclusions.Any(g => Find(g, tokens).Count > 0))
        {
            return null;
        }

        // Negators inside the phrase's own entries ("no feeling" in "no feeling down below") deny nothing.
        var ignored = new HashSet<int>();
        foreach (var occurrence in found.SelectMany(o => o).Where(o => o.Entry.ContainsNegator))
        {
            for (var t = occurrence.Start; t <= occurrence.End; t++)
            {
                ignored.Add(t);
            }
        }

        var standing = new List<Occurrence>[Groups.Count];
        for (var g = 0; g < Groups.Count; g++)
        {
            standing[g] = found[g]
                .Where(o => o.Entry.ContainsNegator || !Negation.IsNegated(tokens, o.Start, o.End, ignored))
                .ToList();
            if (standing[g].Count == 0)
            {
                return null;
            }
        }

        return Smallest(standing);
    }

    private static bool IsExclusion(IReadOnlyList<PhraseEntry> group) =>
        group.Count > 1 && group[0].Text == PhraseEntry.Unless;

    private static List<Occurrence> Find(EntryIndex entries, IReadOnlyList<Token> tokens)
    {
        var occurrences = new List<Occurrence>();
        for (var t = 0; t < tokens.Count; t++)
        {
            foreach (var entry in entries.StartingAt(tokens[t]))
            {
                if (entry.TryMatch(tokens, t, out var end))
                {
                    occurrences.Add(new Occurrence(t, end, entry));
                }
            }
        }

        return occurrences;
    }

    private static (int Start, int End) Smallest(List<Occurrence>[] groups)
    {
        (int Start, int End) best = (0, int.MaxValue);
        foreach (var anchor in groups.SelectMany(g => g))
        {
            var start = anchor.Start;
            var end = anchor.End;
            foreach (var group in groups)
            {
                var nearest = group.MinBy(o => Math.Abs(o.Start - anchor.Start))!;
                start = Math.Min(start, nearest.Start);
                end = Math.Max(end, nearest.End);
            }

            if (end - start < best.End - best.Start || (end - start == best.End - best.Start && start < best.Start))
            {
                best = (start, end);
            }
        }

        return best;
    }

    private sealed record Occurrence(int Start, int End, PhraseEntry Entry);
}
