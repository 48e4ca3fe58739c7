using System.Globalization;

namespace TriageBot.Recognizers.Text;

/// <summary>
/// Reads the longest sensible digit literal at a position. Grouping and decimal separators are
/// guessed from the shape: "1,234.5" and "1.234,5" are both 1234.5, "1,3" is 1.3, but a reading that
/// leaves ".1" or ",5" dangling ("192.168.1.2", "22,24,26") is refused and the plain digits win.
/// </summary>
internal static class DigitScanner
{
    private static readonly char[] GroupSeparators = [',', ' ', '\u202f', '\u00a0', '.'];

    public static (DigitLiteral Literal, int End) Scan(string text, int p)
    {
        if (text[p] == '.')
        {
            var fracEnd = Digits(text, p + 1);
            var s = "0" + text[p..fracEnd];
            return WithPower(text, s, fracEnd, isDecimal: true);
        }

        var e0 = Digits(text, p);
        var d0 = text[p..e0];

        // Inside a chain such as "192.168.1.2" or "22,24,26,31", each link is read as plain digits.
        if (p >= 2 && text[p - 1] is '.' or ',' && char.IsAsciiDigit(text[p - 2]))
        {
            return (new DigitLiteral(Parse(d0), false, false, false), e0);
        }
        foreach (var sep in GroupSeparators)
        {
            if (TryGrouped(text, e0, d0, sep) is { } grouped)
            {
                return (new DigitLiteral(Parse(grouped.Number), grouped.Number.Contains('.', StringComparison.Ordinal), false, true), grouped.End);
            }
        }

        foreach (var sep in (ReadOnlySpan<char>)['.', ','])
        {
            if (e0 + 1 < text.Length && text[e0] == sep && char.IsAsciiDigit(text[e0 + 1]))
            {
                var fracEnd = Digits(text, e0 + 1);
                var isGroupLike = sep == ',' && fracEnd - e0 - 1 == 3;
                if (!isGroupLike && !Dangles(text, fracEnd))
                {
                    return WithPower(text, d0 + "." + text[(e0 + 1)..fracEnd], fracEnd, isDecimal: true);
                }
            }
        }

        return WithPower(text, d0, e0, isDecimal: false);
    }

    private static (string Number, int End)? TryGrouped(string text, int e0, string d0, char sep)
    {
        if (d0.Length > 3)
        {
            return null;
        }

        var q = e0;
        var digits = d0;
        var groups = 0;
        while (IsGroup(text, q, sep, 3))
        {
            digits += text.Substring(q + 1, 3);
            q += 4;
            groups++;
        }

        // Indian grouping: "12,34,567" (pairs, then a final group of three).
        if (groups == 0 && sep == ',' && d0.Length <= 2)
        {
            var pairs = 0;
            while (IsGroup(text, q, sep, 2) && q + 3 < text.Length && text[q + 3] == ',')
            {
                digits += text.Substring(q + 1, 2);
                q += 3;
                pairs++;
            }

            if (pairs > 0 && IsGroup(text, q, sep, 3))
            {
                digits += text.Substring(q + 1, 3);
                q += 4;
                groups = 1;
            }
        }

        if (groups == 0)
        {
            return null;
        }

        var decimalSep = sep == '.' ? ',' : '.';
        var hasFraction = false;
        if (q + 1 < text.Length && text[q] == decimalSep && char.IsAsciiDigit(text[q + 1]))
        {
            var fracEnd = Digits(text, q + 1);
            digits += "." + text[(q + 1)..fracEnd];
            q = fracEnd;
            hasFraction = true;
        }

        // "4.800" is a decimal, not 4800: a dot groups thousands only when the shape proves it.
        if (sep == '.' && groups == 1 && !hasFraction)
        {
            return null;
        }

        return Dangles(text, q) ? null : (digits, q);
    }

    private static bool IsGroup(string text, int q, char sep, int size)
    {
        if (q + size >= text.Length || text[q] != sep)
        {
            return false;
        }

        for (var i = 1; i <= size; i++)
        {
            if (!char.IsAsciiDigit(text[q + i]))
            {
                return false;
            }
        }

        return q + size + 1 == text.Length || !char.IsAsciiDigit(text[q + size + 1]);
    }

    private static bool Dangles(string text, int q) =>
        q + 1 < text.Length && text[q] is '.' or ',' && char.IsAsciiDigit(text[q + 1]);

    private static (DigitLiteral, int) WithPower(string text, string mantissa, int end, bool isDecimal)
    {
        var q = end;
        string? exponent = null;
        var caret = false;
        if (q < text.Length && text[q] is 'e' or 'E')
        {
            exponent = SignedDigits(text, q + 1, out q);
        }
        else if (q < text.Length && text[q] == '^')
        {
            exponent = SignedDigits(text, q + 1, out q);
            caret = true;
        }
        else if (q + 3 < text.Length && text[q] is 'x' or 'X' or '\u00d7' && text[q + 1] == '1' && text[q + 2] == '0' && text[q + 3] == '^')
        {
            exponent = SignedDigits(text, q + 4, out q);
        }

        if (exponent is not null && (q >= text.Length || !char.IsLetter(text[q])))
        {
            var value = caret
                ? Math.Pow(Parse(mantissa), Parse(exponent))
                : Parse(mantissa + "e" + exponent);
            if (double.IsFinite(value))
            {
                return (new DigitLiteral(value, isDecimal, true, false), q);
            }
        }

        return (new DigitLiteral(Parse(mantissa), isDecimal, false, false), end);
    }

    private static string? SignedDigits(string text, int p, out int end)
    {
        var q = p < text.Length && text[p] is '+' or '-' ? p + 1 : p;
        end = Digits(text, q);
        return end > q ? text[p..end] : null;
    }

    private static int Digits(string text, int p)
    {
        while (p < text.Length && char.IsAsciiDigit(text[p]))
        {
            p++;
        }

        return p;
    }

    private static double Parse(string s) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN;
}
