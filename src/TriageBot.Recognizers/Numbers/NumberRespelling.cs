using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace TriageBot.Recognizers.Numbers;

/// <summary>
/// How people type a number on a phone, put right before a second reading: a number word with one slip ("fourr",
/// "sevun", "fiev", "sixx"), a homophone where a number word belongs ("fifty for", "sixty to", "for or five"), and a
/// unit glued to the digits ("28yrs"). Used only when the text as written holds no number, so a real word is never
/// turned into a number that was already there to read.
/// </summary>
internal static partial class NumberRespelling
{
    private static readonly string[] Words =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty",
        "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
    ];

    private static readonly FrozenSet<string> Tens = FrozenSet.ToFrozenSet(
        ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"], StringComparer.Ordinal);

    /// <summary>Common English words one slip away from a number word: they are never respelled.</summary>
    private static readonly FrozenSet<string> RealWords = FrozenSet.ToFrozenSet(
    [
        "there", "hour", "pour", "your", "tour", "sour", "four's", "fine", "file", "fire", "give", "hive", "dive", "live",
        "line", "mine", "wine", "nice", "none", "bone", "tone", "gone", "done", "lone", "once", "ones", "even", "seen",
        "sever", "weight", "height", "eighth", "then", "teen", "tent", "hero", "zeros", "fort", "forte", "thirsty",
        "weighty", "sixth", "tens", "twin", "twins", "fife", "fives", "nines", "sevens", "right", "light", "night",
        "tight", "fight", "might", "sight", "bight", "wight", "eights", "dine", "pine", "vine", "tine", "dour", "flour",
        "foul", "fiver", "jive", "threw", "thee", "tree", "throe", "tend", "tern", "zone", "forth", "fifth", "hundreds",
        "aero", "twos",
    ], StringComparer.Ordinal);

    /// <summary>The text with slips put right, or null when there was nothing to put right.</summary>
    public static string? Respell(string text)
    {
        var lower = text.ToLowerInvariant();
        var unglued = Glued().Replace(lower, "$1 $2");
        var parts = Token().Matches(unglued).Select(m => m.Value).ToArray();
        var wordAt = Enumerable.Range(0, parts.Length).Where(k => char.IsLetterOrDigit(parts[k][0])).ToArray();
        var words = wordAt.Select(k => parts[k]).ToArray();
        var changed = unglued != lower;
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            var respelled = word.Length >= 4 && !RealWords.Contains(word) && !Words.Contains(word) ? Words.FirstOrDefault(w => OneSlip(word, w)) : null;
            respelled ??= Homophone(words, i);
            if (respelled is not null)
            {
                parts[wordAt[i]] = respelled;
                words[i] = respelled;
                changed = true;
            }
        }

        return changed ? string.Concat(parts) : null;
    }

    /// <summary>"for" and "to" where a number word belongs: after a tens word ("fifty for"), or beside "or" and a number ("for or five").</summary>
    private static string? Homophone(string[] words, int i)
    {
        var number = words[i] switch { "for" => "four", "to" or "too" => "two", _ => null };
        if (number is null)
        {
            return null;
        }

        var afterTens = i > 0 && Tens.Contains(words[i - 1]);
        var beforeOr = i + 2 < words.Length && words[i + 1] == "or" && IsNumber(words[i + 2]);
        var afterOr = i >= 2 && words[i - 1] == "or" && IsNumber(words[i - 2]);
        return afterTens || beforeOr || afterOr ? number : null;
    }

    private static bool IsNumber(string word) => Words.Contains(word) || (word.Length > 0 && word.All(char.IsAsciiDigit));

    /// <summary>Damerau-Levenshtein distance exactly 1 (one letter added, dropped, changed, or two swapped).</summary>
    private static bool OneSlip(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1 || a == b)
        {
            return false;
        }

        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        if (a.Length == b.Length)
        {
            return a[(i + 1)..] == b[(i + 1)..]
                || (i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a[(i + 2)..] == b[(i + 2)..]);
        }

        return a.Length > b.Length ? a[(i + 1)..] == b[i..] : a[i..] == b[(i + 1)..];
    }

    /// <summary>Words (letters, digits, apostrophes) and what lies between them, kept so the text reads the same.</summary>
    [GeneratedRegex(@"[\p{L}\p{N}'/]+|[^\p{L}\p{N}'/]+")]
    private static partial Regex Token();

    /// <summary>Digits with a unit glued on: "28yrs", "57y/o".</summary>
    [GeneratedRegex(@"(\d)(yrs?|years?|y/?o|mths?|months?|wks?|weeks?|days?)\b")]
    private static partial Regex Glued();
}
