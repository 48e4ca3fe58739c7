namespace TriageBot.Content.Detection;

/// <summary>
/// Decides whether a matched concept is denied. A negator denies a concept up to <see cref="Window"/> words after it
/// ("I don't have any numbness"), across lists ("no numbness or tingling"), but not past a contrast word ("but"),
/// a sentence end, or a new clause ("no fever, and my legs are weak"). A few words deny what came before
/// ("my bladder is fine"), or say it is over ("the numbness has gone"). Doubt is not denial: "not sure", "don't know"
/// leave the concept standing.
/// </summary>
internal static class Negation
{
    public const int Window = 5;
    public const int AfterWindow = 3;

    /// <param name="ignored">Token indices whose negators belong to the phrase itself ("no feeling", "can't control").</param>
    public static bool IsNegated(IReadOnlyList<Token> tokens, int start, int end, ISet<int> ignored) =>
        IsNegatedBefore(tokens, start, ignored) || IsNegatedAfter(tokens, end);

    private static bool IsNegatedBefore(IReadOnlyList<Token> tokens, int start, ISet<int> ignored)
    {
        var between = 0;
        for (var j = start - 1; j >= 0 && between <= Window; j--)
        {
            if (EndsScope(tokens, j))
            {
                return false;
            }

            if (!ignored.Contains(j) && IsDenyingNegator(tokens, j))
            {
                return true;
            }

            between++;
        }

        return false;
    }

    private static bool IsNegatedAfter(IReadOnlyList<Token> tokens, int end)
    {
        for (var k = end + 1; k < tokens.Count && k <= end + AfterWindow; k++)
        {
            if (EndsScope(tokens, k - 1))
            {
                return false;
            }

            var word = tokens[k].Text;
            var afterNegator = WordLists.Negators.Contains(tokens[k - 1].Text);
            if (WordLists.AfterNegators.Contains(word) && !afterNegator)
            {
                return true; // "bladder is fine" - but "not fine" is no denial
            }

            if (WordLists.NegatedAfterNouns.Contains(word) && afterNegator && k - 1 > end)
            {
                return true; // "bladder - no problems", "it hasn't changed"
            }

            if (WordLists.ResolvedWords.Contains(word) && !afterNegator && EndsResolution(tokens, k))
            {
                return true; // "the tingling in my feet has gone (away)"
            }
        }

        return false;
    }

    private static bool EndsResolution(IReadOnlyList<Token> tokens, int k) =>
        k + 1 >= tokens.Count || tokens[k + 1].Sentence != tokens[k].Sentence || WordLists.ResolvedTails.Contains(tokens[k + 1].Text);

    /// <summary>Whether scope stops between token <paramref name="j"/> and the token after it (or at j itself).</summary>
    private static bool EndsScope(IReadOnlyList<Token> tokens, int j)
    {
        if (j + 1 >= tokens.Count)
        {
            return false;
        }

        var token = tokens[j];
        var next = tokens[j + 1];
        if (token.Sentence != next.Sentence || WordLists.ContrastWords.Contains(token.Text)
            || WordLists.ContrastWords.Contains(next.Text))
        {
            return true;
        }

        var startsClause = WordLists.ClauseStarters.Contains(next.Text);
        return startsClause && (next.CommaBefore || WordLists.Coordinators.Contains(token.Text));
    }

    private static bool IsDenyingNegator(IReadOnlyList<Token> tokens, int j)
    {
        if (!WordLists.Negators.Contains(tokens[j].Text))
        {
            return false;
        }

        if (j + 1 >= tokens.Count)
        {
            return true;
        }

        var next = tokens[j + 1];
        if (next.CommaBefore || WordLists.DoubtWords.Contains(next.Text))
        {
            return false; // "No, I can't feel..." / "not sure if my legs are numb"
        }

        // "No my legs are numb": an answer to a question, not a denial of what follows.
        return !(tokens[j].Text is "no" or "nope" && WordLists.ClauseStarters.Contains(next.Text));
    }
}
