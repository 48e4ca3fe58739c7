using TriageBot.Content.Model;

namespace TriageBot.Content.Detection;

/// <summary>
/// A phrase from red-flags.yaml: word groups that must all be present, undenied, somewhere in the text, and none of
/// its exclusion groups (opened by the word <c>unless</c>: "fingers numb" reads as both hands unless "left hand").
/// Each match of an entry is a concept occurrence that context.yaml may deny (dropped), or place with someone else,
/// in the past, in a hypothetical or a question (a mention).
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
    /// <param name="keep">Contexts that make no mention of this rule (self-harm in any tense).</param>
    /// <param name="topicWords">The mention tier: any negation in the word's sentence denies it (<see cref="ContextScan.IsDeniedInClause"/>).</param>
    /// <returns>
    /// Present (no reason) when every group has an occurrence no context reaches; otherwise a mention, with the
    /// reason of the occurrences chosen (<see cref="MentionReason.Ambiguous"/> when some are present and some not).
    /// </returns>
    public PhraseMatch? Match(IReadOnlyList<Token> tokens, ContextScan context, ContextFlags keep, bool topicWords = false)
    {
        if (Groups.Count == 0)
        {
            return null;
        }

        // Most phrases miss most messages: the first group decides before anything is allocated for this phrase.
        if (Find(_groups[0], tokens) is not { } first)
        {
            return null;
        }

        var found = new List<Occurrence>[Groups.Count];
        found[0] = first;
        for (var g = 1; g < Groups.Count; g++)
        {
            if (Find(_groups[g], tokens) is not { } occurrences)
            {
                return null;
            }

            found[g] = occurrences;
        }

        foreach (var exclusion in _exclusions)
        {
            if (Find(exclusion, tokens) is not null)
            {
                return null;
            }
        }

        // Context words inside the phrase's own words ("no feeling down below", "legs gone numb") are the symptom.
        var ignored = new HashSet<int>();
        foreach (var occurrence in found.SelectMany(o => o))
        {
            for (var t = occurrence.Start; t <= occurrence.End; t++)
            {
                ignored.Add(t);
            }
        }

        var ignore = keep | (context.CarerSpeaking ? ContextFlags.Other : ContextFlags.None);
        var standing = new List<Occurrence>[Groups.Count];
        for (var g = 0; g < Groups.Count; g++)
        {
            standing[g] = [.. found[g]
                .Where(o => (o.Entry.ContainsNegator || !context.IsNegated(o.Start, o.End, ignored)) && !context.IsNegatedAround(o.Start, o.End, o.Entry.Words)
                    && !(topicWords && context.IsDeniedInClause(o.Start, o.End, ignored)))
                .Select(o => o with { Flags = context.Flags(o.Start, o.End, ignored) & ~ignore & ~(context.WritersOwn(o.Start, o.End) ? ContextFlags.Other : ContextFlags.None) })];
            if (standing[g].Count == 0)
            {
                return null;
            }
        }

        var present = standing.Select(g => g.Where(o => o.Flags == ContextFlags.None).ToList()).ToArray();
        if (present.All(g => g.Count > 0))
        {
            var (start, end, _) = Smallest(present);
            var inside = context.InsideFlags(start, end) & ~ignore;
            return new PhraseMatch(start, end, inside == ContextFlags.None ? null : Primary(inside));
        }

        var mention = Smallest(standing);
        return new PhraseMatch(mention.Start, mention.End, Reason(mention.Chosen));
    }

    /// <summary>Someone else first (the check asks who), then a question (education may answer it), then the rest.</summary>
    internal static MentionReason Reason(IReadOnlyCollection<Occurrence> chosen)
    {
        if (chosen.Any(o => o.Flags == ContextFlags.None))
        {
            return MentionReason.Ambiguous;
        }

        return Primary(chosen.Aggregate(ContextFlags.None, (all, o) => all | o.Flags));
    }

    private static MentionReason Primary(ContextFlags flags) =>
        flags.HasFlag(ContextFlags.Other) ? MentionReason.Other
            : flags.HasFlag(ContextFlags.Question) ? MentionReason.Question
            : flags.HasFlag(ContextFlags.Hypothetical) ? MentionReason.Hypothetical
            : MentionReason.Historical;

    private static bool IsExclusion(IReadOnlyList<PhraseEntry> group) =>
        group.Count > 1 && group[0].Text == PhraseEntry.Unless;

    /// <summary>Every occurrence of the group's entries, or null when there is none (no list for a miss).</summary>
    private static List<Occurrence>? Find(EntryIndex entries, IReadOnlyList<Token> tokens)
    {
        List<Occurrence>? occurrences = null;
        for (var t = 0; t < tokens.Count; t++)
        {
            foreach (var entry in entries.StartingAt(tokens[t]))
            {
                if (entry.TryMatch(tokens, t, out var end))
                {
                    (occurrences ??= []).Add(new Occurrence(t, end, entry, ContextFlags.None));
                }
            }
        }

        return occurrences;
    }

    private static (int Start, int End, List<Occurrence> Chosen) Smallest(List<Occurrence>[] groups)
    {
        (int Start, int End, List<Occurrence> Chosen) best = (0, int.MaxValue, []);
        foreach (var anchor in groups.SelectMany(g => g))
        {
            var chosen = groups.Select(group => group.MinBy(o => Math.Abs(o.Start - anchor.Start))!).ToList();
            var start = Math.Min(anchor.Start, chosen.Min(o => o.Start));
            var end = Math.Max(anchor.End, chosen.Max(o => o.End));
            if (end - start < best.End - best.Start || (end - start == best.End - best.Start && start < best.Start))
            {
                best = (start, end, chosen);
            }
        }

        return best;
    }

    internal sealed record Occurrence(int Start, int End, PhraseEntry Entry, ContextFlags Flags);
}

/// <summary>A phrase's match: its token span, and why it is only a mention (null: present).</summary>
internal readonly record struct PhraseMatch(int Start, int End, MentionReason? Reason);
