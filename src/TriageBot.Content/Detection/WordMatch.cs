namespace TriageBot.Content.Detection;

/// <summary>
/// Whether a text word counts as a phrase word: the same word, its plural (<c>leg</c> → <c>legs</c>, never the
/// reverse), or for words of five letters or more one slip of the keyboard (<c>controll</c>, <c>numbess</c>). A
/// typo must keep the first letter (four-letter words: only two swapped letters) and must not be a real word on <see cref="WordLists.NotTypos"/>.
/// </summary>
internal static class WordMatch
{
    public const int MinTypoLength = 5;

    public static bool Matches(string phraseWord, Token token)
    {
        var word = token.Text;
        if (word == phraseWord || token.Alias == phraseWord)
        {
            return true;
        }

        if (phraseWord.Length >= 3 && word.Length > phraseWord.Length
            && word.StartsWith(phraseWord, StringComparison.Ordinal)
            && word.AsSpan(phraseWord.Length) is "s" or "es")
        {
            return true;
        }

        // A singular is not a typo of a plural entry: "hand" must not match "hands" (both hands). "numbnes" still
        // matches "numbness".
        if (word[0] != phraseWord[0] || WordLists.NotTypos.Contains(word)
            || (phraseWord == word + "s" && !word.EndsWith('s')))
        {
            return false;
        }

        // Short words only forgive two swapped letters ("cnat"); anything more turns them into other words.
        return phraseWord.Length >= MinTypoLength
            ? word.Length >= MinTypoLength - 1 && WithinOneEdit(phraseWord, word)
            : phraseWord.Length == 4 && word.Length == 4 && WithinOneEdit(phraseWord, word) && IsSwap(phraseWord, word);
    }

    private static bool IsSwap(string a, string b)
    {
        var differ = Enumerable.Range(0, a.Length).Where(i => a[i] != b[i]).ToArray();
        return differ.Length == 2 && differ[1] == differ[0] + 1;
    }

    /// <summary>One insertion, deletion, substitution or swap of two neighbouring letters at most.</summary>
    internal static bool WithinOneEdit(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        if (i == a.Length && i == b.Length)
        {
            return true;
        }

        var restA = a.AsSpan(i);
        var restB = b.AsSpan(i);
        if (a.Length == b.Length)
        {
            // substitution, or a swap of a[i] and a[i+1]
            return restA[1..].SequenceEqual(restB[1..])
                || (restA.Length >= 2 && restA[0] == restB[1] && restA[1] == restB[0] && restA[2..].SequenceEqual(restB[2..]));
        }

        return a.Length > b.Length ? restA[1..].SequenceEqual(restB) : restA.SequenceEqual(restB[1..]);
    }
}
