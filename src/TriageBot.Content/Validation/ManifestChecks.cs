using System.Globalization;

namespace TriageBot.Content.Validation;

/// <summary>manifest.yaml: version, default locale, sign-off, clinic, and complete settings for every locale.</summary>
internal static class ManifestChecks
{
    private const string File = ContentFileNames.Manifest;

    public static void Check(ContentCatalog catalog, List<string> errors)
    {
        var manifest = catalog.Files.Manifest;
        Require(manifest.Version, "version", errors);
        Require(manifest.ReviewDate, "reviewDate", errors);
        if (manifest.ReviewDate is { Length: > 0 } date
            && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            errors.Add($"{File}: reviewDate '{date}' is not a date like 2026-11-21");
        }

        if (manifest.Reviewers is not { Count: > 0 } || manifest.Reviewers.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add($"{File}: 'reviewers' must name at least one reviewer (clinical sign-off)");
        }

        Require(manifest.Clinic?.Name, "clinic.name", errors);
        Require(manifest.Clinic?.Phone, "clinic.phone", errors);
        Require(manifest.Clinic?.Email, "clinic.email", errors);

        var locales = manifest.Locales ?? [];
        if (string.IsNullOrWhiteSpace(manifest.DefaultLocale))
        {
            errors.Add($"{File}: 'defaultLocale' is missing");
        }
        else if (!locales.ContainsKey(manifest.DefaultLocale))
        {
            errors.Add($"{File}: defaultLocale '{manifest.DefaultLocale}' is not one of the locales");
        }

        foreach (var required in ContentValidator.RequiredLocales.Where(r => !locales.ContainsKey(r)))
        {
            errors.Add($"{File}: locale '{required}' is missing (every deployment needs en-GB and en-US)");
        }

        foreach (var (name, locale) in locales)
        {
            var missing = new (string Field, bool Present)[]
            {
                ("emergencyNumber", !string.IsNullOrWhiteSpace(locale?.EmergencyNumber)),
                ("emergencyDepartment", !string.IsNullOrWhiteSpace(locale?.EmergencyDepartment)),
                ("urgentService", !string.IsNullOrWhiteSpace(locale?.UrgentService)),
                ("nonUrgentService", !string.IsNullOrWhiteSpace(locale?.NonUrgentService)),
                ("crisisLine", !string.IsNullOrWhiteSpace(locale?.CrisisLine)),
                ("physio", !string.IsNullOrWhiteSpace(locale?.Physio)),
            }.Where(f => !f.Present).Select(f => f.Field).ToList();
            if (missing.Count > 0)
            {
                errors.Add($"{File}: locale '{name}' is missing {string.Join(", ", missing)}");
            }
        }
    }

    private static void Require(string? value, string field, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{File}: '{field}' is missing");
        }
    }
}
