namespace TriageBot.Content.Detection;

/// <summary>
/// A group's entries by the first letter of their first word, so a message word is tried only against entries that
/// could start there (every match but an age keeps the first letter: see <see cref="WordMatch"/>). Keeps a lexicon of
/// thousands of entries fast.
/// </summary>
internal sealed class EntryIndex
{
    private readonly Dictionary<char, PhraseEntry[]> _byFirstLetter;
    private readonly PhraseEntry[] _ages;

    public EntryIndex(IReadOnlyList<PhraseEntry> entries)
    {
        var usable = entries.Where(e => e.Words.Count > 0).ToList();
        _byFirstLetter = usable.GroupBy(e => e.Words[0][0]).ToDictionary(g => g.Key, g => g.ToArray());
        _ages = [.. usable.Where(e => WordMatch.IsAgeBand(e.Words[0]))];
    }

    /// <summary>The entries whose first word may match <paramref name="token"/>, in the order they were written.</summary>
    /// <remarks>An array, not a sequence: this runs for every word of every message against every phrase group, and
    /// the common case (no alias, no age) hands back the bucket itself without allocating.</remarks>
    public PhraseEntry[] StartingAt(Token token)
    {
        var own = Bucket(token.Text);
        var alias = token.Alias is { Length: > 0 } a && a[0] != token.Text[0] ? Bucket(a) : [];
        var ages = char.IsDigit(token.Text[0]) ? _ages : [];
        return alias.Length == 0 && ages.Length == 0 ? own : [.. own, .. alias, .. ages];
    }

    private PhraseEntry[] Bucket(string word) =>
        word.Length > 0 && _byFirstLetter.TryGetValue(word[0], out var entries) ? entries : [];
}
