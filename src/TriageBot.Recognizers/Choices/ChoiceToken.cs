namespace TriageBot.Recognizers.Choices;

/// <summary>A lower-cased word or digit run with its span in the original text.</summary>
internal readonly record struct ChoiceToken(string Text, int Start, int End)
{
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

            tokens.Add(new ChoiceToken(text[start..p].ToLowerInvariant().Replace('\u2019', '\''), start, p));
        }

        return tokens;
    }
}
