using System.Text.RegularExpressions;

namespace TriageBot.Recognizers.Text;

/// <summary>Splits text into <see cref="Atom"/>s. Never throws.</summary>
internal static partial class Atomizer
{
    public static IReadOnlyList<Atom> Split(string text)
    {
        var atoms = new List<Atom>();
        var urls = UrlSpans(text);
        var space = true;
        var p = 0;
        while (p < text.Length)
        {
            var c = text[p];
            if (char.IsWhiteSpace(c))
            {
                space = true;
                p++;
                continue;
            }

            var atom = Next(text, p);
            var inUrl = urls.Exists(u => atom.Start >= u.Start && atom.Start < u.End);
            atoms.Add(atom with { SpaceBefore = space, InUrl = inUrl });
            space = false;
            p = atom.End;
        }

        return atoms;
    }

    private static Atom Next(string text, int p)
    {
        var c = text[p];
        var startsLiteral = char.IsAsciiDigit(c)
            || (c == '.' && p + 1 < text.Length && char.IsAsciiDigit(text[p + 1]) && (p == 0 || !char.IsAsciiDigit(text[p - 1])));
        if (startsLiteral)
        {
            var (literal, end) = DigitScanner.Scan(text, p);
            return new Atom(AtomKind.Literal, p, end, text[p..end], text[p..end]) { Literal = literal };
        }

        if (char.IsLetter(c))
        {
            var end = p + 1;
            while (end < text.Length && (char.IsLetter(text[end])
                || (IsApostrophe(text[end]) && end + 1 < text.Length && char.IsLetter(text[end + 1]))))
            {
                end++;
            }

            var raw = text[p..end];
            return new Atom(AtomKind.Word, p, end, raw.ToLowerInvariant().Replace('\u2019', '\''), raw);
        }

        var kind = c switch
        {
            '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2212' => AtomKind.Hyphen,
            '/' => AtomKind.Slash,
            '%' => AtomKind.Percent,
            _ => AtomKind.Symbol,
        };
        var symbolEnd = SymbolEnd(text, p);
        var s = text[p..symbolEnd];
        return new Atom(kind, p, symbolEnd, s, s);
    }

    // An emoji is a surrogate pair, optionally followed by skin-tone modifiers, variation selectors
    // or zero-width joiners; "👌🏾" is one symbol, not two.
    private static int SymbolEnd(string text, int p)
    {
        var end = p + (char.IsHighSurrogate(text[p]) && p + 1 < text.Length && char.IsLowSurrogate(text[p + 1]) ? 2 : 1);
        while (end < text.Length)
        {
            if (text[end] is '\uFE0F' or '\u200D')
            {
                end++;
            }
            else if (end + 1 < text.Length && text[end] == '\uD83C' && text[end + 1] >= '\uDFFB' && text[end + 1] <= '\uDFFF')
            {
                end += 2;
            }
            else
            {
                break;
            }
        }

        return end;
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    private static List<(int Start, int End)> UrlSpans(string text)
    {
        var spans = new List<(int, int)>();
        foreach (var m in UrlRegex().EnumerateMatches(text))
        {
            spans.Add((m.Index, m.Index + m.Length));
        }

        return spans;
    }

    // Numbers inside URLs ("...%2D9114...") are not numbers anyone said.
    [GeneratedRegex(@"\b(?:https?://|www\.)\S+", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex UrlRegex();
}
