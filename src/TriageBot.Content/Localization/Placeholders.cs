using System.Text;

namespace TriageBot.Content.Localization;

/// <summary>
/// <c>{name}</c> placeholders: filled from the locale, the clinic and the caller's arguments. <c>{{</c> and
/// <c>}}</c> write a literal brace. Any other brace is a content error the validator reports.
/// </summary>
internal static class Placeholders
{
    /// <summary>Filled from manifest.yaml (locale settings and clinic).</summary>
    public static readonly IReadOnlySet<string> FromManifest = new HashSet<string>(StringComparer.Ordinal)
    {
        "emergencyNumber", "emergencyDepartment", "urgentService", "nonUrgentService", "crisisLine", "physio",
        "clinicName", "clinicPhone", "clinicEmail",
    };

    /// <summary>Arguments the code passes (dialogs/content/README.md, "Keys the code uses").</summary>
    public static readonly IReadOnlySet<string> FromCode = new HashSet<string>(StringComparer.Ordinal)
    {
        "reference", "outcome", "items", "location", "spread", "score", "duration", "where", "worsening", "helped",
        "source", "errorId",
    };

    /// <summary>Replaces every placeholder; an unknown one is a programmer error.</summary>
    /// <exception cref="InvalidOperationException">A placeholder has no value.</exception>
    public static string Fill(string text, string key, Func<string, string?> valueOf)
    {
        if (text.IndexOfAny(['{', '}']) < 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length + 32);
        foreach (var part in Parse(text))
        {
            if (part.Placeholder is null)
            {
                result.Append(part.Literal);
                continue;
            }

            var value = valueOf(part.Placeholder)
                ?? throw new InvalidOperationException(
                    $"Content '{key}' uses {{{part.Placeholder}}} but no value was passed for it. Pass it in args, " +
                    "or fix the text (the startup validator lists which placeholders each key may use).");
            result.Append(value);
        }

        return result.ToString();
    }

    /// <summary>The placeholder names a text uses.</summary>
    public static IEnumerable<string> Names(string text) =>
        Parse(text).Where(p => p.Placeholder is not null).Select(p => p.Placeholder!);

    /// <summary>Braces that are neither a placeholder nor an escaped brace, e.g. <c>{ emergency number }</c>.</summary>
    public static IEnumerable<string> StrayBraces(string text) =>
        Parse(text).Where(p => p.Stray).Select(p => p.Literal);

    private static IEnumerable<Part> Parse(string text)
    {
        var literal = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if ((c == '{' || c == '}') && i + 1 < text.Length && text[i + 1] == c)
            {
                literal.Append(c);
                i += 2;
                continue;
            }

            if (c == '}')
            {
                yield return Flush(literal);
                yield return new Part("}", null, Stray: true);
                i++;
                continue;
            }

            if (c != '{')
            {
                literal.Append(c);
                i++;
                continue;
            }

            var close = text.IndexOf('}', i + 1);
            var name = close < 0 ? null : text[(i + 1)..close];
            yield return Flush(literal);
            if (name is not null && IsName(name))
            {
                yield return new Part(string.Empty, name, Stray: false);
                i = close + 1;
            }
            else
            {
                var end = close < 0 ? text.Length : close + 1;
                yield return new Part(text[i..end], null, Stray: true);
                i = end;
            }
        }

        yield return Flush(literal);
    }

    private static Part Flush(StringBuilder literal)
    {
        var part = new Part(literal.ToString(), null, Stray: false);
        literal.Clear();
        return part;
    }

    private static bool IsName(string name) =>
        name.Length > 0 && char.IsAsciiLetter(name[0]) && name.All(char.IsAsciiLetterOrDigit);

    private readonly record struct Part(string Literal, string? Placeholder, bool Stray);
}
