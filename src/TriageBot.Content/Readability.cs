using System.Text.RegularExpressions;

namespace TriageBot.Content;

/// <summary>
/// Flesch-Kincaid grade level: 0.39 × words per sentence + 11.8 × syllables per word − 15.59. Syllables are
/// estimated with the usual English heuristics (vowel groups, silent final e, -ed/-es endings, i+vowel hiatus);
/// good to about a syllable per long word, which is enough to hold education text at or below grade 8.
/// </summary>
public static partial class Readability
{
    public static double FleschKincaidGrade(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = Words().Matches(text).Select(m => m.Value).ToList();
        if (words.Count == 0)
        {
            return 0;
        }

        var sentences = Math.Max(1, SentenceEnds().Split(text).Count(s => Words().IsMatch(s)));
        var syllables = words.Sum(Syllables);
        return (0.39 * words.Count / sentences) + (11.8 * syllables / words.Count) - 15.59;
    }

    /// <summary>Estimated syllables in one word; at least one.</summary>
    public static int Syllables(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var parts = word.Split(['-', '\''], StringSplitOptions.RemoveEmptyEntries);
        return parts.Length > 1 ? parts.Sum(Syllables) : SyllablesOf(word.ToLowerInvariant());
    }

    private static int SyllablesOf(string word)
    {
        var letters = new string([.. word.Where(char.IsAsciiLetter)]);
        if (letters.Length == 0)
        {
            return 1; // a number or symbol: read as one unit
        }

        if (letters.Length <= 3)
        {
            return 1;
        }

        var count = VowelGroups().Count(letters);
        if (HasSilentEnding(letters))
        {
            count--; // make, walked, makes
        }

        count += Hiatus().Count(letters); // ra-di-a-tion, e-val-u-ate
        return Math.Max(1, count);
    }

    [GeneratedRegex(@"[A-Za-z0-9]+(?:['’\-][A-Za-z0-9]+)*")]
    private static partial Regex Words();

    [GeneratedRegex(@"[.!?]+(?=\s|$)|\n+")]
    private static partial Regex SentenceEnds();

    // y is a vowel except at the start of a word (yes, you).
    [GeneratedRegex("[aeiou]+|(?<=.)y+")]
    private static partial Regex VowelGroups();

    /// <summary>Final e (not -le after a consonant, not -ee), -ed not after t or d, -es not after s, x, z, c, g, ch, sh.</summary>
    private static bool HasSilentEnding(string w)
    {
        static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
        var n = w.Length;
        if (w[n - 1] == 'e')
        {
            var syllabicLe = w[n - 2] == 'l' && !IsVowel(w[n - 3]);
            return !IsVowel(w[n - 2]) && !syllabicLe;
        }

        if (w[n - 1] is 'd' or 's' && w[n - 2] == 'e')
        {
            var before = w[n - 3];
            return w[n - 1] == 'd'
                ? !IsVowel(before) && before is not ('t' or 'd')
                : !IsVowel(before) && before is not ('s' or 'x' or 'z' or 'c' or 'g' or 'h');
        }

        return false;
    }

    // Two syllables where one vowel group: i or u before another vowel, except -tion/-sion/-cial/-gion, qu-, gu-.
    [GeneratedRegex("(?<![tscgq])i[aou]|(?<![qg])u[ao]")]
    private static partial Regex Hiatus();
}
