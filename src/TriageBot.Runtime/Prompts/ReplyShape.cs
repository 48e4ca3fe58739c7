using System.Collections.Frozen;

namespace TriageBot.Runtime.Prompts;

/// <summary>
/// The shape of a typed reply at a choice prompt, before its words are matched: is it a question, or is it free
/// text (several words)? A question names things ("what does a laminectomy involve?") without choosing them, so a
/// prompt must never read it as an answer. English only, like the recognizers.
/// </summary>
public static class ReplyShape
{
    /// <summary>A reply this long that only partly matches an option is free text, not a choice.</summary>
    public const int FreeTextWords = 6;

    /// <summary>A question word needs this many words after it to start a question: "could be" and "will do" are answers.</summary>
    private const int QuestionWords = 3;

    private static readonly FrozenSet<string> Openers = FrozenSet.ToFrozenSet(
    [
        "what", "what's", "whats", "how", "how's", "why", "is", "are", "am", "can", "could", "does", "do", "did",
        "should", "shall", "will", "would", "when", "where", "who", "whom", "whose", "which", "isn't", "aren't",
        "doesn't", "explain", "tell",
    ], StringComparer.Ordinal);

    /// <summary>"When" and "where" open statements too ("when I wipe it's numb"): a question only with one of these next.</summary>
    private static readonly FrozenSet<string> Auxiliaries = FrozenSet.ToFrozenSet(
    [
        "is", "are", "was", "were", "do", "does", "did", "can", "could", "will", "would", "should", "shall", "has",
        "have", "might", "must",
    ], StringComparer.Ordinal);

    private static readonly string[] Phrases = ["i want to know", "i'd like to know", "i would like to know", "i wonder", "i was wondering", "please explain"];

    /// <summary>True for a question: it ends with a question mark, or opens like one ("how long does it take to heal").</summary>
    public static bool IsQuestion(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        if (trimmed.EndsWith('?') || trimmed.EndsWith('\uFF1F'))
        {
            return true;
        }

        var words = WordList(trimmed);
        var lower = string.Join(' ', words);
        return (words.Count >= QuestionWords && OpensAQuestion(words))
            || Phrases.Any(p => lower.StartsWith(p + " ", StringComparison.Ordinal));
    }

    // "Do not know", "is not", "could not say" are answers; "when I bend" is a statement, "when will it stop" a question.
    private static bool OpensAQuestion(List<string> words) =>
        Openers.Contains(words[0])
        && words[1] != "not"
        && (words[0] is not ("when" or "where") || Auxiliaries.Contains(words[1]));

    /// <summary>True for a reply of <see cref="FreeTextWords"/> words or more.</summary>
    public static bool IsLong(string? text) => WordList(text).Count >= FreeTextWords;

    /// <summary>The reply's words, lower case, apostrophes kept ("what's").</summary>
    public static IReadOnlyList<string> Words(string? text) => WordList(text);

    private static List<string> WordList(string? text) =>
        [.. (text ?? "").ToLowerInvariant().Replace('\u2019', '\'')
            .Split([' ', '\t', '\n', '\r', ',', '.', '!', '?', ';', ':', '"', '(', ')'], StringSplitOptions.RemoveEmptyEntries)];
}
