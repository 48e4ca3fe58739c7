namespace TriageBot.Content.Detection;

/// <summary>
/// A lexicon word typed in two pieces is read as one: "osteo porosis", "whip lash", "in continent", "para lysed"
/// (phone keyboards, dictation and writers unsure of a long word split it). Two neighbouring words join when, written
/// together, they are a word of the lexicon six letters or longer and they are not both lexicon words themselves
/// ("night time" stays two words of night pain). Only the lexicon's own vocabulary is used, so nothing new is read
/// into a message. Pure and thread-safe; allocates nothing unless a join is made.
/// </summary>
internal sealed class SplitWords
{
    private const int MinJoinedLength = 6;
    private const int MaxJoinedLength = 40;

    private readonly HashSet<string> _words;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _joinable;

    /// <param name="lexiconWords">Every word of every phrase and mention entry, as <see cref="Tokenizer.Words"/> reads it.</param>
    public SplitWords(IEnumerable<string> lexiconWords)
    {
        _words = new HashSet<string>(lexiconWords, StringComparer.Ordinal);
        _joinable = new HashSet<string>(
                _words.Where(w => w.Length >= MinJoinedLength && w.Length <= MaxJoinedLength && w.All(char.IsAsciiLetterLower)),
                StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary><paramref name="tokens"/> with split lexicon words joined, or the same list when there are none.</summary>
    public IReadOnlyList<Token> Join(IReadOnlyList<Token> tokens)
    {
        List<Token>? joined = null;
        Span<char> buffer = stackalloc char[MaxJoinedLength];
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (i + 1 < tokens.Count && IsSplit(token, tokens[i + 1], buffer))
            {
                joined ??= [.. tokens.Take(i)];
                var next = tokens[i + 1];
                joined.Add(token with { Text = token.Text + next.Text, End = next.End, QuestionAfter = next.QuestionAfter });
                i++;
                continue;
            }

            joined?.Add(token);
        }

        return joined ?? tokens;
    }

    private bool IsSplit(Token first, Token second, Span<char> buffer)
    {
        var length = first.Text.Length + second.Text.Length;
        if (length < MinJoinedLength || length > MaxJoinedLength || first.Text.Length < 2 || second.Text.Length < 2
            || second.Sentence != first.Sentence || second.CommaBefore || first.QuestionAfter
            || first.Alias is not null || second.Alias is not null)
        {
            return false;
        }

        first.Text.CopyTo(buffer);
        second.Text.CopyTo(buffer[first.Text.Length..]);
        return _joinable.Contains(buffer[..length]) && !(_words.Contains(first.Text) && _words.Contains(second.Text));
    }
}
