namespace TriageBot.Content.Detection;

/// <summary>
/// Whether a text word counts as a phrase word: the same word, its plural or verb form (<c>leg</c> → <c>legs</c>,
/// <c>leak</c> → <c>leaking</c>, never the reverse), an age in a band (<c>seventyplus</c>), or for words of five
/// letters or more one slip of the keyboard (<c>controll</c>, <c>numbess</c>). A typo must keep the first letter
/// (four-letter words: only two swapped letters) and must not be a real word on <see cref="WordLists.NotTypos"/>.
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

        if (IsAgeInBand(phraseWord, word))
        {
            return true;
        }

        // Every other match keeps the first letter; checking it first keeps a long lexicon fast.
        if (word.Length == 0 || word[0] != phraseWord[0])
        {
            return false;
        }

        if (IsInflection(phraseWord, word))
        {
            return true;
        }

        // A singular is not a typo of a plural entry: "hand" must not match "hands" (both hands). "numbnes" still
        // matches "numbness".
        if (Math.Abs(phraseWord.Length - word.Length) > 1 || WordLists.NotTypos.Contains(word)
            || (phraseWord.Length == word.Length + 1 && phraseWord[^1] == 's'
                && phraseWord.StartsWith(word, StringComparison.Ordinal) && !word.EndsWith('s')))
        {
            return false;
        }

        // Short words only forgive two swapped letters ("cnat"); anything more turns them into other words.
        return phraseWord.Length >= MinTypoLength
            ? word.Length >= MinTypoLength - 1 && WithinOneEdit(phraseWord, word)
            : phraseWord.Length == 4 && word.Length == 4 && WithinOneEdit(phraseWord, word) && IsSwap(phraseWord, word);
    }

    /// <summary>
    /// The phrase word with an ending: plural or verb form (<c>leak</c> → <c>leaks</c>, <c>leaked</c>,
    /// <c>leaking</c>; <c>wipe</c> → <c>wiped</c>, <c>wiping</c>; <c>drop</c> → <c>dropped</c>, <c>dropping</c>;
    /// <c>carry</c> → <c>carried</c>). Never the reverse, and never other suffixes (<c>numb</c> is not <c>number</c>).
    /// </summary>
    private static bool IsInflection(string phraseWord, string word)
    {
        if (phraseWord.Length < 3 || word.Length <= phraseWord.Length || !char.IsLetter(phraseWord[^1]))
        {
            return false;
        }

        if (word.StartsWith(phraseWord, StringComparison.Ordinal))
        {
            var ending = word.AsSpan(phraseWord.Length);
            if (ending is "s" or "es" or "ed" or "ing" || (ending is "d" && phraseWord[^1] == 'e' && phraseWord[^2] != 'e'))
            {
                return true;
            }

            // A doubled last consonant: "drop" → "dropped", "sit" → "sitting".
            return ending.Length >= 3 && ending[0] == phraseWord[^1] && !IsVowel(phraseWord[^1]) && ending[1..] is "ed" or "ing";
        }

        // A dropped final e ("wipe" → "wiping") or y ("carry" → "carried", "carries").
        var stem = phraseWord.AsSpan(0, phraseWord.Length - 1);
        var tail = word.AsSpan(stem.Length);
        return word.AsSpan().StartsWith(stem, StringComparison.Ordinal)
            && ((phraseWord[^1] == 'e' && phraseWord[^2] != 'e' && tail is "ing")
                || (phraseWord[^1] == 'y' && !IsVowel(phraseWord[^2]) && tail is "ied" or "ies"));
    }

    /// <summary>Whether a phrase word stands for an age (<c>fiftyplus</c>, <c>seventyplus</c>).</summary>
    public static bool IsAgeBand(string phraseWord) => AgeFrom(phraseWord) > 0;

    private static int AgeFrom(string phraseWord) => phraseWord switch
    {
        "fiftyplus" => 50,
        "seventyplus" => 70,
        _ => 0,
    };

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    /// <summary>
    /// The words <c>fiftyplus</c> and <c>seventyplus</c> in a phrase stand for a number from 50 (or 70) to 120, so
    /// "im seventyplus" matches "I'm 81" and "aged seventyplus" matches "aged 74".
    /// </summary>
    private static bool IsAgeInBand(string phraseWord, string word)
    {
        var from = AgeFrom(phraseWord);
        return from > 0 && word.Length is 2 or 3 && int.TryParse(word, System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var age) && age >= from && age <= 120;
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
