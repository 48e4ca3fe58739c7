using System.Collections.Concurrent;

namespace TriageBot.Recognizers.Choices;

/// <summary>
/// The tokens of a choice's value or synonym, tokenized once: the same few hundred words from the content are
/// matched against every reply (a safety question's "no" is checked against every choice's synonyms). Tokenizing
/// is a pure function of the text, so a remembered token list is the token list. Bounded: after
/// <see cref="Capacity"/> different candidates, new ones are tokenized each time and not kept, so candidates built
/// from anything else (a caller's own list) cannot grow it without limit.
/// </summary>
internal static class CandidateTokens
{
    internal const int Capacity = 8192;

    private static readonly ConcurrentDictionary<string, ChoiceToken[]> Known = new(StringComparer.Ordinal);

    /// <summary>Entries added (ConcurrentDictionary.Count takes every lock).</summary>
    private static int _count;

    public static IReadOnlyList<ChoiceToken> Of(string candidate)
    {
        if (Known.TryGetValue(candidate, out var tokens))
        {
            return tokens;
        }

        tokens = [.. ChoiceToken.Tokenize(candidate)];
        if (Volatile.Read(ref _count) < Capacity && Known.TryAdd(candidate, tokens))
        {
            Interlocked.Increment(ref _count);
        }

        return tokens;
    }
}
