namespace TriageBot.Content.Detection;

/// <summary>
/// Context terms by their first word, so that a message is looked up once per word rather than tried against every
/// term at every word. A word also finds the terms of its alias ("isnt" for "not") and of its singular ("mums").
/// </summary>
internal sealed class TermIndex<T>
{
    private readonly ILookup<string, T> _byFirstWord;
    private readonly IReadOnlyList<T> _unindexed;

    public TermIndex(IEnumerable<T> items, Func<T, ContextTerm> term)
    {
        var all = items.ToList();
        _byFirstWord = all.Where(i => term(i).FirstWord is not null).ToLookup(i => term(i).FirstWord!, StringComparer.Ordinal);
        _unindexed = [.. all.Where(i => term(i).FirstWord is null)];
    }

    /// <summary>Every item whose term could start at <paramref name="token"/> (a superset: TryMatch decides).</summary>
    public IEnumerable<T> Candidates(Token token)
    {
        var candidates = _byFirstWord[token.Text].Concat(_unindexed);
        if (token.Alias is { } alias)
        {
            candidates = candidates.Concat(_byFirstWord[alias]);
        }

        if (token.Text.Length > ContextTerm.MinPluralLength && token.Text[^1] == 's')
        {
            candidates = candidates.Concat(_byFirstWord[token.Text[..^1]]);
        }

        return candidates;
    }
}
