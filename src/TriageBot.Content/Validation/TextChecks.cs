using System.Text.RegularExpressions;
using TriageBot.Content.Localization;

namespace TriageBot.Content.Validation;

/// <summary>
/// Every text in messages, prompts and education: not empty, variants only for known locales, placeholders known and
/// passed for that key, no stray braces, and no emergency or helpline number written into prose.
/// </summary>
internal static partial class TextChecks
{
    public static void Check(ContentCatalog catalog, ContentRequirements requirements, List<string> errors)
    {
        var locales = catalog.LocaleNames.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var item in AllTexts(catalog, requirements))
        {
            foreach (var (variant, text) in item.Text.All())
            {
                var where = $"{item.File}: {item.Where}{(variant == LocalizedText.DefaultKey ? string.Empty : $" ({variant})")}";
                if (variant != LocalizedText.DefaultKey && !locales.Contains(variant))
                {
                    errors.Add($"{where}: variant for unknown locale '{variant}' (manifest.yaml locales: {string.Join(", ", catalog.LocaleNames)})");
                }

                if (string.IsNullOrWhiteSpace(text))
                {
                    errors.Add($"{where}: text is empty");
                    continue;
                }

                CheckPlaceholders(where, text, item.CodeArguments, errors);
                if (WrittenNumber().Match(text) is { Success: true } number)
                {
                    errors.Add($"{where}: writes '{number.Value}' in prose; use {Suggest(number.Value)} so each locale gets its own number");
                }
            }
        }
    }

    /// <summary>Every checked text, with the code arguments it may use (null: any documented code argument).</summary>
    internal static IEnumerable<(string File, string Where, LocalizedText Text, IReadOnlySet<string> CodeArguments)> AllTexts(
        ContentCatalog catalog, ContentRequirements requirements)
    {
        IReadOnlySet<string> none = new HashSet<string>();
        foreach (var (key, text) in catalog.Messages)
        {
            IReadOnlySet<string> allowed = requirements.MessageArguments is null
                ? Placeholders.FromCode
                : new HashSet<string>(requirements.MessageArguments.TryGetValue(key, out var args) ? args : [], StringComparer.Ordinal);
            yield return (ContentFileNames.Messages, $"'{key}'", text ?? new LocalizedText(string.Empty), allowed);
        }

        foreach (var (key, prompt) in catalog.Prompts)
        {
            if (prompt.Text is not null)
            {
                yield return (ContentFileNames.Prompts, $"'{key}' text", prompt.Text, none);
            }

            if (prompt.Retry is not null)
            {
                yield return (ContentFileNames.Prompts, $"'{key}' retry", prompt.Retry, none);
            }

            foreach (var choice in (prompt.Choices ?? []).Where(c => c.Title is not null))
            {
                yield return (ContentFileNames.Prompts, $"'{key}' choice '{choice.Id}' title", choice.Title!, none);
            }
        }

        foreach (var topic in catalog.EducationDefinitions)
        {
            if (topic.Title is not null)
            {
                yield return (ContentFileNames.Education, $"'{topic.Id}' title", topic.Title, none);
            }

            if (topic.Text is not null)
            {
                yield return (ContentFileNames.Education, $"'{topic.Id}' text", topic.Text, none);
            }
        }
    }

    private static void CheckPlaceholders(string where, string text, IReadOnlySet<string> codeArguments, List<string> errors)
    {
        foreach (var stray in Placeholders.StrayBraces(text).Distinct(StringComparer.Ordinal))
        {
            errors.Add($"{where}: '{stray}' is not a placeholder (write {{name}} with no spaces, or {{{{ and }}}} for a brace)");
        }

        foreach (var name in Placeholders.Names(text).Distinct(StringComparer.Ordinal))
        {
            if (Placeholders.FromManifest.Contains(name) || codeArguments.Contains(name))
            {
                continue;
            }

            var known = Placeholders.FromCode.Contains(name)
                ? $"the code passes no {{{name}}} here"
                : $"{{{name}}} is not a known placeholder";
            var passed = codeArguments.Count == 0 ? "none" : string.Join(", ", codeArguments.Order(StringComparer.Ordinal).Select(a => $"{{{a}}}"));
            errors.Add($"{where}: {known} (manifest placeholders: {{emergencyNumber}}, {{urgentService}}, ...; code arguments here: {passed})");
        }
    }

    private static string Suggest(string number) => number switch
    {
        "111" => "{urgentService}",
        "988" or "116 123" => "{crisisLine}",
        _ => "{emergencyNumber}",
    };

    // UK, US and EU emergency numbers, NHS 111, US 988 and Samaritans: these belong in manifest.yaml only.
    [GeneratedRegex(@"(?<![\d{])(999|911|112|111|988|116 123)(?!\d)")]
    private static partial Regex WrittenNumber();
}
