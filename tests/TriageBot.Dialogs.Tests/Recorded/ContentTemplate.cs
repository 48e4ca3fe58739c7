using System.Text.RegularExpressions;
using TriageBot.Content;

namespace TriageBot.Dialogs.Tests.Recorded;

/// <summary>
/// Reads values back out of text the bot wrote from a content template ("Pain: {location}. Spreads to: {spread}. ..."):
/// the template, in the locale and with its manifest placeholders filled, becomes a pattern with one group per
/// argument. So a reader knows the summary's layout only through the content, as the bot does.
/// </summary>
internal static class ContentTemplate
{
    /// <summary>
    /// The arguments of the first of <paramref name="paragraphs"/> that is exactly the <paramref name="key"/> text;
    /// null when none is.
    /// </summary>
    public static IReadOnlyDictionary<string, string>? Read(IContentCatalog content, string key, string locale, IEnumerable<string> paragraphs, params string[] names)
    {
        var pattern = Pattern(content, key, locale, names);
        var match = paragraphs.Select(p => pattern.Match(p)).FirstOrDefault(m => m.Success);
        return match is null ? null : names.ToDictionary(n => n, n => match.Groups[n].Value, StringComparer.Ordinal);
    }

    /// <summary>
    /// A list the bot joined with ", ", split back into its items by the items it could have used (hazard names hold
    /// commas). "-" (nothing) is empty; text that is no known item is kept as it is, so it shows in a failure.
    /// </summary>
    public static IReadOnlyList<string> SplitKnown(string text, IEnumerable<string> vocabulary)
    {
        if (text == "-")
        {
            return [];
        }

        var known = vocabulary.Distinct(StringComparer.Ordinal).OrderByDescending(v => v.Length).ToList();
        var items = new List<string>();
        var rest = text;
        while (rest.Length > 0)
        {
            var item = known.FirstOrDefault(v => rest.StartsWith(v, StringComparison.Ordinal) && (rest.Length == v.Length || rest[v.Length..].StartsWith(", ", StringComparison.Ordinal)))
                ?? (rest.IndexOf(", ", StringComparison.Ordinal) is var comma and >= 0 ? rest[..comma] : rest);
            items.Add(item);
            rest = rest.Length == item.Length ? "" : rest[(item.Length + 2)..];
        }

        return items;
    }

    /// <summary>Every hazard the content can name (disposition rules and red flags), by its name in the content: name → id.</summary>
    public static IReadOnlyDictionary<string, string> Hazards(IContentCatalog content)
    {
        var catalog = content as ContentCatalog
            ?? throw new InvalidOperationException($"The host's content is a {content.GetType().Name}, not the catalog loaded from dialogs/content.");
        return catalog.DispositionRules.Select(r => r.Hazard).Concat(catalog.RedFlags.Select(r => r.Hazard)).OfType<string>()
            .Distinct(StringComparer.Ordinal).ToDictionary(content.HazardName, id => id, StringComparer.Ordinal);
    }

    private static Regex Pattern(IContentCatalog content, string key, string locale, string[] names)
    {
        var marked = content.Text(key, locale, names.ToDictionary(n => n, n => $"@@{n}@@", StringComparer.Ordinal));
        var pattern = names.Aggregate(Regex.Escape(marked), (p, n) => p.Replace($"@@{n}@@", $"(?<{n}>.+?)", StringComparison.Ordinal));
        return new Regex($"^{pattern}$", RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));
    }
}
