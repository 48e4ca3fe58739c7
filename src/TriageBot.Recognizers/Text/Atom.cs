namespace TriageBot.Recognizers.Text;

internal enum AtomKind
{
    Word,
    Literal,
    Hyphen,
    Slash,
    Percent,
    Symbol,
}

/// <summary>
/// One lexical unit of the input: a word (lower-cased), a digit literal, or a single symbol.
/// Whitespace is not an atom; <see cref="SpaceBefore"/> records whether any preceded it, because
/// "-1" and "SCP-173" or "3day" and "3 day" differ only in that.
/// </summary>
internal sealed record Atom(AtomKind Kind, int Start, int End, string Text, string Raw)
{
    public bool SpaceBefore { get; init; }

    public bool InUrl { get; init; }

    public DigitLiteral? Literal { get; init; }

    public bool IsWord(string word) => Kind == AtomKind.Word && Text == word;
}
