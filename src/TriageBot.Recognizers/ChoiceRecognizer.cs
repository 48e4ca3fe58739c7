using TriageBot.Recognizers.Choices;

namespace TriageBot.Recognizers;

/// <summary>
/// Which of a list of choices the user meant. In order: whole-word text match on the value or a
/// synonym (partial matches score lower), then an ordinal ("the second one", "last"), then a
/// number ("2" is the second choice), then a one-letter typo in a word of five letters or more.
/// Never matches inside a word: "derma" does not pick "Dermatology".
/// </summary>
public static class ChoiceRecognizer
{
    // Ordinals and numbers are only trusted in short answers, so "it got worse last week" does not pick the last choice.
    private const int MaxTokensForPositionalPick = 5;
    private const double TypoPenalty = 0.7;

    public static Recognition<FoundChoice> Recognize(string? text, IReadOnlyList<Choice> choices, string culture = Cultures.EnglishUS) =>
        RecognizeAll(text, choices, culture).First;

    /// <summary>Every choice the text matches, best score first.</summary>
    public static Recognized<FoundChoice> RecognizeAll(string? text, IReadOnlyList<Choice> choices, string culture = Cultures.EnglishUS)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (string.IsNullOrWhiteSpace(text) || choices.Count == 0 || !Cultures.IsSupported(culture))
        {
            return Recognized<FoundChoice>.Empty;
        }

        var tokens = ChoiceToken.Tokenize(text);
        var found = ByText(text, tokens, choices, string.Equals, 1.0);
        if (found.Count == 0 && tokens.Count <= MaxTokensForPositionalPick)
        {
            found = ByPosition(text, choices.Count, choices);
        }

        if (found.Count == 0)
        {
            found = ByText(text, tokens, choices, TokenMatcher.WithinOneEdit, TypoPenalty);
        }

        found.Sort((a, b) => b.Value.Score.CompareTo(a.Value.Score) is var c and not 0 ? c : a.Value.Index.CompareTo(b.Value.Index));
        return new Recognized<FoundChoice>(found);
    }

    private static List<Recognition<FoundChoice>> ByText(
        string text, List<ChoiceToken> tokens, IReadOnlyList<Choice> choices, Func<string, string, bool> equal, double factor)
    {
        var found = new List<Recognition<FoundChoice>>();
        for (var index = 0; index < choices.Count; index++)
        {
            Recognition<FoundChoice>? best = null;
            foreach (var candidate in (string[])[choices[index].Value, .. choices[index].Synonyms])
            {
                var candidateTokens = CandidateTokens.Of(candidate ?? string.Empty);
                if (candidateTokens.Count == 0 || TokenMatcher.Match(tokens, candidateTokens, equal) is not { } m)
                {
                    continue;
                }

                var score = m.Score * factor;
                if (best is null || score > best.Value.Score)
                {
                    var value = new FoundChoice(choices[index].Value, index, score, candidate);
                    best = Recognition<FoundChoice>.Of(text, tokens[m.First].Start, tokens[m.Last].End, value, score);
                }
            }

            if (best is not null)
            {
                found.Add(best);
            }
        }

        return found;
    }

    private static List<Recognition<FoundChoice>> ByPosition(string text, int count, IReadOnlyList<Choice> choices)
    {
        foreach (var o in OrdinalRecognizer.RecognizeAll(text))
        {
            if (o.Value.RelativeTo != OrdinalRelativeTo.Current && o.Value.IndexIn(count) is { } index)
            {
                return [Pick(text, o.Start, o.End, choices, index)];
            }
        }

        foreach (var n in NumberRecognizer.RecognizeAll(text))
        {
            var v = n.Value;
            if (v.Subtype == NumberSubtype.Integer && v.Value >= 1 && v.Value <= count)
            {
                return [Pick(text, n.Start, n.End, choices, (int)v.Value - 1)];
            }
        }

        return [];
    }

    private static Recognition<FoundChoice> Pick(string text, int start, int end, IReadOnlyList<Choice> choices, int index) =>
        Recognition<FoundChoice>.Of(text, start, end, new FoundChoice(choices[index].Value, index, 1.0, null));
}
