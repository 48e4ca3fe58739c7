namespace TriageBot.Content.Validation;

/// <summary>
/// education.yaml: unique ids, a title and text, its sources (citation ids from sources.yaml), and who it is shown
/// to. Reading level: <see cref="ReadingLevelChecks"/>.
/// </summary>
internal static class EducationChecks
{
    private const string File = ContentFileNames.Education;

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

            SourceChecks.CheckIds(catalog, $"{at}: source", topic.Source, errors);
            CheckShowFor(catalog, requirements, at, topic.ShowFor, errors);
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
