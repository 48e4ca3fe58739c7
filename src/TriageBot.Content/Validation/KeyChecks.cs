namespace TriageBot.Content.Validation;

/// <summary>
/// Both directions between code and content: every key the code uses exists (in the right file), and every
/// message and prompt defined is used by the code or by red-flags.yaml.
/// </summary>
internal static class KeyChecks
{
    private const string PromptPrefix = "prompt.";

    public static void Check(ContentCatalog catalog, ContentRequirements requirements, List<string> errors)
    {
        foreach (var key in catalog.Messages.Keys.Where(k => !Ids.IsKey(k)))
        {
            errors.Add($"{ContentFileNames.Messages}: key '{key}' is not in the form area.topic.item (lower-case, kebab-case)");
        }

        foreach (var key in catalog.Prompts.Keys.Where(k => !Ids.IsKey(k)))
        {
            errors.Add($"{ContentFileNames.Prompts}: key '{key}' is not in the form area.topic.item (lower-case, kebab-case)");
        }

        foreach (var key in catalog.Messages.Keys.Where(catalog.Prompts.ContainsKey))
        {
            errors.Add($"{ContentFileNames.Messages}: '{key}' is defined in both messages.yaml and prompts.yaml");
        }

        foreach (var key in requirements.Keys.Order(StringComparer.Ordinal))
        {
            var isPrompt = key.StartsWith(PromptPrefix, StringComparison.Ordinal);
            var (file, defined) = isPrompt
                ? (ContentFileNames.Prompts, catalog.Prompts.ContainsKey(key))
                : (ContentFileNames.Messages, catalog.Messages.ContainsKey(key));
            if (!defined)
            {
                errors.Add($"{file}: '{key}' is missing (the code uses it)");
            }
        }

        var referenced = catalog.RedFlagTable.Definitions
            .SelectMany(r => (r.Questions ?? []).Append(r.Advice).Append(r.Check))
            .Concat((catalog.Files.Dispositions.Rules ?? []).Select(r => r.Advice))
            .Where(k => !string.IsNullOrEmpty(k))
            .Select(k => k!)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var key in catalog.Messages.Keys.Where(k => !requirements.Keys.Contains(k) && !referenced.Contains(k)).Order(StringComparer.Ordinal))
        {
            errors.Add($"{ContentFileNames.Messages}: '{key}' is not used by the code or red-flags.yaml (remove it, or have the code use it)");
        }

        foreach (var key in catalog.Prompts.Keys.Where(k => !requirements.Keys.Contains(k) && !referenced.Contains(k)).Order(StringComparer.Ordinal))
        {
            errors.Add($"{ContentFileNames.Prompts}: '{key}' is not used by the code or red-flags.yaml (remove it, or have the code use it)");
        }

        // The code's red-flag advice keys name the rules it relies on.
        const string advicePrefix = "advice.redflag.";
        var ruleIds = catalog.RedFlags.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var dispositionAdvice = catalog.DispositionRules.Select(r => r.Advice).ToHashSet(StringComparer.Ordinal);
        foreach (var key in requirements.Keys.Where(k => k.StartsWith(advicePrefix, StringComparison.Ordinal) && !dispositionAdvice.Contains(k)).Order(StringComparer.Ordinal))
        {
            var id = key[advicePrefix.Length..];
            if (!ruleIds.Contains(id))
            {
                errors.Add($"{ContentFileNames.RedFlags}: rule '{id}' is missing (the code uses {key})");
            }
        }
    }
}
