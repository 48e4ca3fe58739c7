using System.Globalization;
using System.Text.RegularExpressions;

namespace TriageBot.Content.Detection;

/// <summary>
/// A term of context.yaml ("years ago", "can * cause", "in &lt;year&gt;", "is &lt;age&gt;", "?"): words that must follow each other in
/// one clause, compared like red-flags.yaml compares them (lower case, apostrophes dropped, "do not" = "don't"), plus
/// a plural or possessive "s" ("mum" matches "mums"), but with no typo forgiveness: context words are short function
/// words, where one slip makes another word, and a missed context word leaves a red flag present (recall first).
/// </summary>
internal sealed partial class ContextTerm
{
    public const string QuestionMark = "?";
    public const string Wildcard = "*";
    public const string Year = "<year>";
    public const string Number = "<number>";

    /// <summary>A number a person's age could be (16 to 110): "my husband 72", "she is 85".</summary>
    public const string Age = "<age>";

    /// <summary>The youngest and oldest age <see cref="Age"/> matches (the bot triages adults).</summary>
    public const int MinAge = 16;

    public const int MaxAge = 110;

    /// <summary>How many words a <see cref="Wildcard"/> stands for, at most.</summary>
    public const int MaxWildcardWords = 5;

    /// <summary>Shortest word that matches with a plural or possessive "s" ("son" / "sons"; not "no" / "nos").</summary>
    public const int MinPluralLength = 3;

    private readonly int _lastYear;

    /// <param name="lastYear">The latest year <see cref="Year"/> matches: last year ("in 2026" may be last week).</param>
    public ContextTerm(string text, int lastYear = 2099)
    {
        Text = text;
        _lastYear = lastYear;
        IsQuestionMark = text.Trim() == QuestionMark;
        Parts = IsQuestionMark ? [] : Parse(text);
    }

    /// <summary>The term as written in context.yaml.</summary>
    public string Text { get; }

    /// <summary>The term is "?": the question mark itself, not words.</summary>
    public bool IsQuestionMark { get; }

    /// <summary>Normalized words, and the placeholders <see cref="Wildcard"/>, <see cref="Year"/>, <see cref="Number"/>.</summary>
    public IReadOnlyList<string> Parts { get; }

    /// <summary>
    /// How many parts come before the first <see cref="Wildcard"/> (all, without one): the trigger proper. In "is * a
    /// sign" the words matched by "*" are what is asked about, so the reach starts after "is".
    /// </summary>
    public int LeadLength => Parts.ToList().IndexOf(Wildcard) is var i and >= 0 ? i : Parts.Count;

    /// <summary>The first part when it is a word (terms are indexed by it); null for a placeholder.</summary>
    public string? FirstWord => Parts.Count > 0 && !IsPlaceholder(Parts[0]) ? Parts[0] : null;

    public static bool IsPlaceholder(string part) => part is Wildcard or Year or Number or Age;

    /// <summary>Matches at <paramref name="start"/>; <paramref name="end"/> is the index of the last matched token.</summary>
    public bool TryMatch(IReadOnlyList<Token> tokens, int start, out int end)
    {
        end = -1;
        return Parts.Count > 0 && Match(tokens, start, 0, start, ref end);
    }

    /// <summary>Whether a text word is the term word <paramref name="word"/>.</summary>
    public static bool WordEquals(string word, Token token)
    {
        var text = token.Text;
        return text == word || token.Alias == word
            || (word.Length >= MinPluralLength && text.Length == word.Length + 1 && text[^1] == 's'
                && text.StartsWith(word, StringComparison.Ordinal));
    }

    private bool Match(IReadOnlyList<Token> tokens, int position, int part, int first, ref int end)
    {
        if (part == Parts.Count)
        {
            end = position - 1;
            return true;
        }

        if (position >= tokens.Count || !SameClause(tokens, first, position))
        {
            return false;
        }

        var expected = Parts[part];
        if (expected == Wildcard)
        {
            for (var words = 1; words <= MaxWildcardWords && position + words <= tokens.Count; words++)
            {
                if (!SameClause(tokens, first, position + words - 1))
                {
                    return false;
                }

                if (Match(tokens, position + words, part + 1, first, ref end))
                {
                    return true;
                }
            }

            return false;
        }

        return PartMatches(expected, tokens[position]) && Match(tokens, position + 1, part + 1, first, ref end);
    }

    private static bool SameClause(IReadOnlyList<Token> tokens, int first, int position) =>
        position == first || (tokens[position].Sentence == tokens[first].Sentence && !tokens[position].CommaBefore);

    private bool PartMatches(string part, Token token) => part switch
    {
        Year => token.Text.Length == 4 && token.Text.All(char.IsAsciiDigit)
            && int.Parse(token.Text, CultureInfo.InvariantCulture) is var year && year >= 1900 && year <= _lastYear,
        Number => token.Text.All(char.IsAsciiDigit),
        Age => token.Text.Length is >= 2 and <= 3 && token.Text.All(char.IsAsciiDigit)
            && int.Parse(token.Text, CultureInfo.InvariantCulture) is >= MinAge and <= MaxAge,
        _ => WordEquals(part, token),
    };

    private static string[] Parse(string text)
    {
        var parts = new List<string>();
        foreach (var piece in Placeholders().Split(text))
        {
            if (IsPlaceholder(piece))
            {
                parts.Add(piece);
            }
            else if (!string.IsNullOrWhiteSpace(piece))
            {
                parts.AddRange(Tokenizer.Words(piece));
            }
        }

        return [.. parts];
    }

    [GeneratedRegex(@"(\*|<year>|<number>|<age>)")]
    private static partial Regex Placeholders();
}
