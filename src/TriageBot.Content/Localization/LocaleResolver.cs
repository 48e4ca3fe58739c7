namespace TriageBot.Content.Localization;

/// <summary>
/// Picks the content locale for a channel's locale: same language and region (case-insensitive), else the default
/// locale if it has the same language, else another locale with that language, else the default.
/// </summary>
internal sealed class LocaleResolver(IReadOnlyList<string> locales, string defaultLocale)
{
    public string Resolve(string? requested)
    {
        if (string.IsNullOrWhiteSpace(requested))
        {
            return defaultLocale;
        }

        var wanted = requested.Trim().Replace('_', '-');
        var exact = locales.FirstOrDefault(l => string.Equals(l, wanted, StringComparison.OrdinalIgnoreCase));
        if (exact is not null)
        {
            return exact;
        }

        var language = Language(wanted);
        if (string.Equals(Language(defaultLocale), language, StringComparison.OrdinalIgnoreCase))
        {
            return defaultLocale;
        }

        return locales.FirstOrDefault(l => string.Equals(Language(l), language, StringComparison.OrdinalIgnoreCase))
            ?? defaultLocale;
    }

    private static string Language(string locale)
    {
        var dash = locale.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? locale : locale[..dash];
    }
}
