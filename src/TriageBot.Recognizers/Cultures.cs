namespace TriageBot.Recognizers;

/// <summary>The cultures whose rules we implement. Every English culture shares one rule set.</summary>
public static class Cultures
{
    public const string EnglishUS = "en-US";
    public const string EnglishGB = "en-GB";

    /// <summary>True for "en", "en-US", "en-GB" (any case, '_' or '-') and for null/empty (the default is English).</summary>
    public static bool IsSupported(string? culture)
    {
        if (string.IsNullOrWhiteSpace(culture))
        {
            return true;
        }

        var c = culture.Trim().Replace('_', '-');
        return c.Equals("en", StringComparison.OrdinalIgnoreCase)
            || c.StartsWith("en-", StringComparison.OrdinalIgnoreCase);
    }
}
