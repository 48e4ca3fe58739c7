using System.Collections.Frozen;

namespace TriageBot.Recognizers.Choices;

/// <summary>A lower-cased word or digit run with its span in the original text.</summary>
internal readonly record struct ChoiceToken(string Text, int Start, int End)
{
    /// <summary>Contractions typed without the apostrophe ("dont think so"), read as written with it.</summary>
    private static readonly FrozenDictionary<string, string> Contractions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["dont"] = "don't",
        ["cant"] = "can't",
        ["didnt"] = "didn't",
        ["doesnt"] = "doesn't",
        ["isnt"] = "isn't",
        ["wasnt"] = "wasn't",
        ["havent"] = "haven't",
        ["hasnt"] = "hasn't",
        ["couldnt"] = "couldn't",
        ["wouldnt"] = "wouldn't",
        ["im"] = "i'm",
        ["ive"] = "i've",
        ["id"] = "i'd",
        ["its"] = "it's",
        ["thats"] = "that's",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static List<ChoiceToken> Tokenize(string text)
    {
        var tokens = new List<ChoiceToken>();
        var p = 0;
        while (p < text.Length)
        {
            if (!char.IsLetterOrDigit(text[p]))
            {
                p++;
                continue;
            }

            var start = p;
            while (p < text.Length && (char.IsLetterOrDigit(text[p])
                || (text[p] is '\'' or '\u2019' && p + 1 < text.Length && char.IsLetter(text[p + 1]))))
            {
                p++;
            }

            var word = text[start..p].ToLowerInvariant().Replace('\u2019', '\'');
            tokens.Add(new ChoiceToken(Contractions.GetValueOrDefault(word, word), start, p));
        }

        return tokens;
    }
}
