namespace TriageBot.Content.Localization;

/// <summary>
/// A text with optional locale variants: YAML <c>"..."</c> (all locales) or <c>{ default: "...", en-US: "..." }</c>.
/// </summary>
internal sealed class LocalizedText
{
    public const string DefaultKey = "default";

    public LocalizedText(string defaultText, IReadOnlyDictionary<string, string>? variants = null)
    {
        Default = defaultText;
        Variants = variants is null
            ? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, string>(variants, StringComparer.OrdinalIgnoreCase);
    }

    public string Default { get; }

    /// <summary>Variant texts by locale name (case-insensitive), without the default.</summary>
    public IReadOnlyDictionary<string, string> Variants { get; }

    /// <summary>The text for a resolved locale: its own variant, else its language's (<c>en</c>), else the default.</summary>
    public string For(string locale)
    {
        if (Variants.TryGetValue(locale, out var exact))
        {
            return exact;
        }

        var dash = locale.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0 && Variants.TryGetValue(locale[..dash], out var language))
        {
            return language;
        }

        return Default;
    }

    /// <summary>Every text it holds, the default first, with the variant's locale (or <c>default</c>).</summary>
    public IEnumerable<(string Variant, string Text)> All()
    {
        yield return (DefaultKey, Default);
        foreach (var (locale, text) in Variants)
        {
            yield return (locale, text);
        }
    }
}
