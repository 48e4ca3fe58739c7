namespace TriageBot.Recognizers.Choices;

/// <summary>
/// Finds a candidate phrase's tokens in the utterance, in order, whole words only, with at most
/// <see cref="MaxSkipped"/> utterance tokens between two matched ones.
/// </summary>
internal static class TokenMatcher
{
    public const int MaxSkipped = 2;

    private static readonly HashSet<string> Filler = ["the", "a", "an", "of", "and", "or", "in", "on", "to", "my", "i", "for", "with", "is"];

    /// <summary>Score in (0, 1] and the matched token range, or null. Partial matches score lower.</summary>
    public static (double Score, int First, int Last)? Match(
        IReadOnlyList<ChoiceToken> utterance, IReadOnlyList<ChoiceToken> candidate, Func<string, string, bool> equal)
    {
        (double Score, int First, int Last)? best = null;
        for (var u0 = 0; u0 < utterance.Count; u0++)
        {
            if (Walk(utterance, candidate, u0, equal) is { } m && (best is null || m.Score > best.Value.Score))
            {
                best = m;
            }
        }

        return best;
    }

    private static (double Score, int First, int Last)? Walk(
        IReadOnlyList<ChoiceToken> utterance, IReadOnlyList<ChoiceToken> candidate, int u0, Func<string, string, bool> equal)
    {
        int matched = 0, first = -1, last = -1, pos = u0;
        var meaningful = false;
        foreach (var c in candidate)
        {
            var limit = first < 0 ? u0 : Math.Min(utterance.Count - 1, pos + MaxSkipped);
            for (var q = pos; q <= limit && q < utterance.Count; q++)
            {
                if (equal(utterance[q].Text, c.Text))
                {
                    matched++;
                    meaningful |= !Filler.Contains(c.Text);
                    first = first < 0 ? q : first;
                    last = q;
                    pos = q + 1;
                    break;
                }
            }
        }

        if (matched == 0 || !meaningful)
        {
            return null;
        }

        var completeness = (double)matched / candidate.Count;
        var accuracy = (double)matched / (last - first + 1);
        var score = completeness * accuracy;
        return (completeness < 1 ? score * 0.6 : score, first, last);
    }

    /// <summary>Levenshtein distance of at most one, for small typos in longer words ("dermatolgy").</summary>
    public static bool WithinOneEdit(string a, string b)
    {
        if (a == b)
        {
            return true;
        }

        if (Math.Min(a.Length, b.Length) < 5 || Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        int i = 0, j = 0, edits = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                i++;
                j++;
                continue;
            }

            if (++edits > 1)
            {
                return false;
            }

            if (a.Length > b.Length)
            {
                i++;
            }
            else if (b.Length > a.Length)
            {
                j++;
            }
            else
            {
                i++;
                j++;
            }
        }

        return edits + (a.Length - i) + (b.Length - j) <= 1;
    }
}
