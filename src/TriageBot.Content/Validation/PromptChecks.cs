namespace TriageBot.Content.Validation;

/// <summary>
/// prompts.yaml: every prompt has text; choices have unique kebab-case ids, unique titles of at most
/// <see cref="ContentValidator.MaxChoiceTitleLength"/> characters in every locale, and the ids the code expects.
/// </summary>
internal static class PromptChecks
{
    private const string File = ContentFileNames.Prompts;

    public static void Check(ContentCatalog catalog, ContentRequirements requirements, List<string> errors)
    {
        foreach (var (key, prompt) in catalog.Prompts.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (prompt is null || prompt.Text is null)
            {
                errors.Add($"{File}: '{key}' has no text");
                continue;
            }

            var choices = prompt.Choices ?? [];
            foreach (var choice in choices.Where(c => !Ids.IsKebab(c.Id)))
            {
                errors.Add($"{File}: '{key}' choice id '{choice.Id}' must be lower-case kebab-case");
            }

            foreach (var id in Ids.Duplicates(choices.Select(c => c.Id)))
            {
                errors.Add($"{File}: '{key}' has choice id '{id}' more than once");
            }

            foreach (var choice in choices)
            {
                CheckChoice(catalog, key, choice, errors);
            }

            CheckTitlesUnique(catalog, key, choices, errors);
            CheckHedges(key, prompt, errors);
            if (requirements.PromptChoices is not null && requirements.PromptChoices.TryGetValue(key, out var expected)
                && !expected.SequenceEqual(choices.Select(c => c.Id), StringComparer.Ordinal))
            {
                var wanted = expected.Count == 0 ? "no choices" : $"[{string.Join(", ", expected)}]";
                errors.Add($"{File}: '{key}' choices are [{string.Join(", ", choices.Select(c => c.Id))}]; the code expects {wanted}, in that order");
            }
        }
    }

    /// <summary>A hedge is read as Not sure first (so it is never a No), and only a yes / no / not sure question has them.</summary>
    private static void CheckHedges(string key, Yaml.PromptYaml prompt, List<string> errors)
    {
        if (prompt.Hedges is not { Count: > 0 } hedges)
        {
            return;
        }

        var notSure = prompt.Choices?.FirstOrDefault(c => c.Id == "not-sure");
        if (notSure is null || prompt.Choices!.All(c => c.Id != "no"))
        {
            errors.Add($"{File}: '{key}' has hedges but is not a yes / no / not sure question");
            return;
        }

        foreach (var hedge in hedges.Where(h => !(notSure.Synonyms ?? []).Contains(h, StringComparer.OrdinalIgnoreCase)))
        {
            errors.Add($"{File}: '{key}' hedge \"{hedge}\" must also be a synonym of not-sure");
        }
    }

    private static void CheckChoice(ContentCatalog catalog, string key, Yaml.ChoiceYaml choice, List<string> errors)
    {
        if (choice.Title is null)
        {
            errors.Add($"{File}: '{key}' choice '{choice.Id}' has no title");
            return;
        }

        if (choice.Synonyms?.Any(string.IsNullOrWhiteSpace) == true)
        {
            errors.Add($"{File}: '{key}' choice '{choice.Id}' has an empty synonym");
        }

        foreach (var locale in catalog.LocaleNames)
        {
            var title = FilledTitle(catalog, choice, locale);
            if (title.Length > ContentValidator.MaxChoiceTitleLength)
            {
                errors.Add($"{File}: '{key}' choice '{choice.Id}' title \"{title}\" ({locale}) is {title.Length} characters; buttons allow {ContentValidator.MaxChoiceTitleLength}");
            }
        }
    }

    private static void CheckTitlesUnique(ContentCatalog catalog, string key, List<Yaml.ChoiceYaml> choices, List<string> errors)
    {
        foreach (var locale in catalog.LocaleNames)
        {
            var titles = choices.Where(c => c.Title is not null).Select(c => FilledTitle(catalog, c, locale).ToUpperInvariant());
            foreach (var title in Ids.Duplicates(titles))
            {
                errors.Add($"{File}: '{key}' has two choices titled \"{title}\" ({locale}); people could not tell them apart");
            }
        }
    }

    private static string FilledTitle(ContentCatalog catalog, Yaml.ChoiceYaml choice, string locale)
    {
        var settings = catalog.Locale(locale);
        var text = choice.Title!.For(settings.Locale);

        // Unknown placeholders are TextChecks' finding; here only the length matters.
        return Localization.Placeholders.Names(text).All(Localization.Placeholders.FromManifest.Contains)
            ? catalog.Fill(text, choice.Id, settings, null)
            : text;
    }
}
