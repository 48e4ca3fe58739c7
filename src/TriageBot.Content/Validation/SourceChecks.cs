namespace TriageBot.Content.Validation;

/// <summary>
/// sources.yaml: every citation names a real source (a name, and a web address or a seed page), every advice,
/// safety-net and medicine message that exists has at least one citation, and every cited id exists. Keys for
/// advice not written yet may be listed in advance; keys of any other shape must be messages.
/// </summary>
internal static class SourceChecks
{
    private const string File = ContentFileNames.Sources;

    public static void Check(ContentCatalog catalog, List<string> errors)
    {
        CheckCitations(catalog, errors);
        var cited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, ids) in catalog.SourceKeys)
        {
            var at = $"{File}: sources for '{key}'";
            if (!Ids.IsKey(key))
            {
                errors.Add($"{at}: key is not in the form area.topic.item");
            }
            else if (!catalog.Messages.ContainsKey(key) && !IsAdviceKey(key))
            {
                errors.Add($"{at}: '{key}' is not in {ContentFileNames.Messages}");
            }

            CheckIds(catalog, at, ids, errors);
            cited.UnionWith(ids ?? []);
        }

        foreach (var key in catalog.Messages.Keys.Where(IsAdviceKey).Where(k => !catalog.SourceKeys.ContainsKey(k)).Order(StringComparer.Ordinal))
        {
            errors.Add($"{File}: '{key}' has no sources (every advice, safety-net and medicine message names where its advice comes from)");
        }

        cited.UnionWith(catalog.EducationDefinitions.SelectMany(t => t.Source ?? []));
        foreach (var unused in catalog.CitationDefinitions.Select(c => c.Id).Where(id => !cited.Contains(id)).Distinct(StringComparer.Ordinal))
        {
            errors.Add($"{File}: citation '{unused}' is not cited by any message or education topic (remove it, or cite it)");
        }
    }

    /// <summary>The citation ids of one message or education topic: at least one, each defined.</summary>
    internal static void CheckIds(ContentCatalog catalog, string at, List<string>? ids, List<string> errors)
    {
        if (ids is not { Count: > 0 })
        {
            errors.Add($"{at}: names no source (list citation ids from {File})");
            return;
        }

        foreach (var id in ids.Where(id => !catalog.Citations.ContainsKey(id)))
        {
            errors.Add($"{at}: citation '{id}' is not defined in {File} citations");
        }
    }

    internal static bool IsAdviceKey(string key) =>
        key != ContentValidator.AdviceSourceKey
        && ContentValidator.AdviceKeyPrefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal));

    private static void CheckCitations(ContentCatalog catalog, List<string> errors)
    {
        foreach (var id in Ids.Duplicates(catalog.CitationDefinitions.Select(c => c.Id)))
        {
            errors.Add($"{File}: citation id '{id}' is used more than once");
        }

        foreach (var citation in catalog.CitationDefinitions)
        {
            var at = $"{File}: citation '{citation.Id}'";
            if (!Ids.IsKebab(citation.Id))
            {
                errors.Add($"{at}: id is not kebab-case");
            }

            if (string.IsNullOrWhiteSpace(citation.Name))
            {
                errors.Add($"{at}: has no name (who published it, its title and year)");
            }

            var hasUrl = !string.IsNullOrWhiteSpace(citation.Url);
            var hasSeed = !string.IsNullOrWhiteSpace(citation.Seed);
            if (hasUrl == hasSeed)
            {
                errors.Add($"{at}: give either a url or a seed, not {(hasUrl ? "both" : "neither")}");
            }
            else if (hasUrl && !(Uri.TryCreate(citation.Url, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps))
            {
                errors.Add($"{at}: url '{citation.Url}' is not an https address");
            }
            else if (hasSeed && !ContentValidator.AllowedSeeds.Contains(citation.Seed!))
            {
                errors.Add($"{at}: seed '{citation.Seed}' must be one of {string.Join(", ", ContentValidator.AllowedSeeds.Order(StringComparer.Ordinal))}");
            }
        }
    }
}
