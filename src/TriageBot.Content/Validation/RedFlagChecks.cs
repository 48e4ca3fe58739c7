using TriageBot.Content.Localization;
using TriageBot.Content.Model;

namespace TriageBot.Content.Validation;

/// <summary>
/// red-flags.yaml: each rule is complete (hazard in the hazard log, level, question, advice, phrases, golden
/// phrasings), emergency advice gives the emergency number, and the disposition table escalates each red flag to
/// at least its own level. The hazard log itself is <see cref="HazardLogChecks"/>'s.
/// </summary>
internal static class RedFlagChecks
{
    private const string File = ContentFileNames.RedFlags;

    public static void Check(ContentCatalog catalog, ContentRequirements requirements, List<string> errors)
    {
        var definitions = catalog.RedFlagTable.Definitions;
        var hazards = catalog.Hazards.Select(h => h.Id).ToHashSet(StringComparer.Ordinal);
        if (definitions.Count == 0)
        {
            errors.Add($"{File}: no red-flag rules");
        }

        foreach (var id in Ids.Duplicates(definitions.Select(r => r.Id)))
        {
            errors.Add($"{File}: rule id '{id}' is used more than once");
        }

        foreach (var rule in definitions)
        {
            var at = $"{File}: rule '{rule.Id}'";
            if (!Ids.IsKebab(rule.Id))
            {
                errors.Add($"{at}: id must be lower-case kebab-case");
            }

            CheckHazard(at, rule.Hazard, hazards, errors);
            if (rule.Level is null)
            {
                errors.Add($"{at}: has no level (emergency, urgent, routine or self-care)");
            }

            CheckQuestion(catalog, at, rule, errors);
            CheckAdvice(catalog, at, rule, errors);
            CheckPhrases(at, rule, errors);
            if (!catalog.Golden.Any(u => u.Expect == rule.Id))
            {
                errors.Add($"{at}: has no phrasing in {ContentFileNames.Golden} (expect: {rule.Id})");
            }

            CheckDisposition(catalog, at, rule, errors);
        }

    }

    private static void CheckHazard(string at, string? hazard, HashSet<string> hazards, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(hazard))
        {
            errors.Add($"{at}: has no hazard id");
        }
        else if (!hazards.Contains(hazard))
        {
            errors.Add($"{at}: hazard '{hazard}' is not in {ContentFileNames.HazardLog}");
        }
    }

    private static void CheckQuestion(ContentCatalog catalog, string at, Yaml.RedFlagYaml rule, List<string> errors)
    {
        var freeTextOnly = ContentValidator.FreeTextOnlyRedFlags.Contains(rule.Id);
        var questions = rule.Questions ?? [];
        if (questions.Count == 0 && !freeTextOnly)
        {
            errors.Add($"{at}: has no question (only {string.Join(", ", ContentValidator.FreeTextOnlyRedFlags.Order(StringComparer.Ordinal))} are free-text only)");
        }

        foreach (var question in questions.Where(q => !catalog.Prompts.ContainsKey(q ?? string.Empty)))
        {
            errors.Add($"{at}: question '{question}' is not in {ContentFileNames.Prompts}");
        }

        // Every red flag can be asked about when a message only mentions it (never 999, never silence).
        if (string.IsNullOrWhiteSpace(rule.Check))
        {
            errors.Add($"{at}: has no check question (asked when a message only mentions it)");
        }
        else if (!catalog.Prompts.ContainsKey(rule.Check))
        {
            errors.Add($"{at}: check '{rule.Check}' is not in {ContentFileNames.Prompts}");
        }

        if (rule.Topic is { Length: > 0 } topic && !catalog.EducationDefinitions.Any(t => t.Id == topic))
        {
            errors.Add($"{at}: topic '{topic}' is not in {ContentFileNames.Education}");
        }
    }

    private static void CheckAdvice(ContentCatalog catalog, string at, Yaml.RedFlagYaml rule, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(rule.Advice))
        {
            errors.Add($"{at}: has no advice");
            return;
        }

        if (!catalog.Messages.TryGetValue(rule.Advice, out var advice))
        {
            errors.Add($"{at}: advice '{rule.Advice}' is not in {ContentFileNames.Messages}");
            return;
        }

        var needed = new List<string>();
        if (rule.Level == DispositionLevel.Emergency)
        {
            needed.Add("emergencyNumber");
        }

        if (rule.Id == "self-harm")
        {
            needed.Add("crisisLine");
        }

        foreach (var (variant, text) in advice.All())
        {
            var used = Placeholders.Names(text).ToHashSet(StringComparer.Ordinal);
            foreach (var missing in needed.Where(n => !used.Contains(n)))
            {
                errors.Add($"{ContentFileNames.Messages}: '{rule.Advice}' ({variant}) must give {{{missing}}}: rule '{rule.Id}' is {DispositionLevels.Name(rule.Level ?? DispositionLevel.Emergency)}");
            }
        }
    }

    private static void CheckPhrases(string at, Yaml.RedFlagYaml rule, List<string> errors)
    {
        if (rule.Phrases is not { Count: > 0 })
        {
            errors.Add($"{at}: has no phrases (free-text detection needs at least one)");
            return;
        }

        CheckWordGroups($"{at}: phrase", rule.Phrases, errors);
        // The mention tier is optional; when present it has the phrases' shape.
        CheckWordGroups($"{at}: mention", rule.Mentions ?? [], errors);
    }

    private static void CheckWordGroups(string at, List<List<List<string>>> phrases, List<string> errors)
    {
        for (var p = 0; p < phrases.Count; p++)
        {
            var phrase = phrases[p];
            if (phrase is not { Count: > 0 })
            {
                errors.Add($"{at} {p + 1} has no word groups");
                continue;
            }

            for (var g = 0; g < phrase.Count; g++)
            {
                var group = phrase[g];
                if (group is not { Count: > 0 })
                {
                    errors.Add($"{at} {p + 1}, group {g + 1} is empty");
                    continue;
                }

                foreach (var entry in group.Where(e => Detection.Tokenizer.Words(e ?? string.Empty).Length == 0))
                {
                    errors.Add($"{at} {p + 1}, group {g + 1} has an entry with no words ('{entry}')");
                }
            }
        }
    }

    private static void CheckDisposition(ContentCatalog catalog, string at, Yaml.RedFlagYaml rule, List<string> errors)
    {
        if (rule.Level is not { } level)
        {
            return;
        }

        var finding = "redflag." + rule.Id;
        var result = catalog.Evaluate(new HashSet<string>(StringComparer.Ordinal) { finding });
        if (result.Level > level)
        {
            errors.Add($"{ContentFileNames.Dispositions}: finding '{finding}' reaches {DispositionLevels.Name(result.Level)}, but {at} is {DispositionLevels.Name(level)}");
        }

        if (!string.IsNullOrEmpty(rule.Hazard) && !result.Hazards.Contains(rule.Hazard))
        {
            errors.Add($"{ContentFileNames.Dispositions}: finding '{finding}' does not record hazard {rule.Hazard} ({at})");
        }
    }
}
