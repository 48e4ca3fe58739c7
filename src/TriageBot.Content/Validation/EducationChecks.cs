using System.Globalization;

namespace TriageBot.Content.Validation;

/// <summary>
/// education.yaml: unique ids, a title and text, a source from shared/seeds with its page name, text at or below
/// grade <see cref="ContentValidator.MaxEducationGrade"/> in every locale, and who it is shown to.
/// </summary>
internal static class EducationChecks
{
    private const string File = ContentFileNames.Education;
    private const string NiceCaveat = "treatments.nice-caveat";

    public static void Check(ContentCatalog catalog, ContentRequirements requirements, List<string> errors)
    {
        var topics = catalog.EducationDefinitions;
        foreach (var id in Ids.Duplicates(topics.Select(t => t.Id)))
        {
            errors.Add($"{File}: topic id '{id}' is used more than once");
        }

        foreach (var topic in topics)
        {
            var at = $"{File}: topic '{topic.Id}'";
            if (!Ids.IsKey(topic.Id))
            {
                errors.Add($"{at}: id is not in the form area.topic.item");
            }

            if (topic.Title is null)
            {
                errors.Add($"{at}: has no title");
            }

            if (topic.Text is null)
            {
                errors.Add($"{at}: has no text");
            }
            else
            {
                CheckReadability(catalog, at, topic.Text, errors);
            }

            if (topic.Source?.Seed is not { } seed || !ContentValidator.AllowedSeeds.Contains(seed))
            {
                errors.Add($"{at}: source seed '{topic.Source?.Seed}' must be one of {string.Join(", ", ContentValidator.AllowedSeeds.Order(StringComparer.Ordinal))}");
            }

            if (string.IsNullOrWhiteSpace(topic.Source?.Name))
            {
                errors.Add($"{at}: source has no name (the page's title)");
            }

            CheckShowFor(catalog, requirements, at, topic.ShowFor, errors);
            if (topic.NiceCaveat && !catalog.Messages.ContainsKey(NiceCaveat))
            {
                errors.Add($"{at}: niceCaveat needs message '{NiceCaveat}' in {ContentFileNames.Messages}");
            }
        }
    }

    private static void CheckReadability(ContentCatalog catalog, string at, Localization.LocalizedText text, List<string> errors)
    {
        foreach (var locale in catalog.LocaleNames)
        {
            var settings = catalog.Locale(locale);
            var raw = text.For(settings.Locale);
            var filled = Localization.Placeholders.Names(raw).All(Localization.Placeholders.FromManifest.Contains)
                ? catalog.Fill(raw, at, settings, null)
                : raw;
            var grade = Readability.FleschKincaidGrade(filled);
            if (grade > ContentValidator.MaxEducationGrade)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{at} ({locale}): reading grade {grade:0.0} is above {ContentValidator.MaxEducationGrade:0}; use shorter sentences and common words"));
            }
        }
    }

    private static void CheckShowFor(ContentCatalog catalog, ContentRequirements requirements, string at, List<string>? showFor, List<string> errors)
    {
        if (showFor is not { Count: > 0 })
        {
            errors.Add($"{at}: showFor is empty (use [ all ] or finding ids)");
            return;
        }

        var redFlagFindings = catalog.RedFlags.Select(r => "redflag." + r.Id);
        foreach (var entry in showFor.Where(e => e != "all"))
        {
            if (!Ids.IsFinding(entry))
            {
                errors.Add($"{at}: showFor '{entry}' is neither 'all' nor a finding id");
            }
            else if (requirements.Findings is not null && !requirements.Findings.Contains(entry) && !redFlagFindings.Contains(entry))
            {
                errors.Add($"{at}: showFor '{entry}' is never recorded by the code (see README \"Findings\")");
            }
        }
    }
}
