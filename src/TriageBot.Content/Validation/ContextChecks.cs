using TriageBot.Content.Detection;
using TriageBot.Content.Yaml;

namespace TriageBot.Content.Validation;

/// <summary>
/// context.yaml: every context is there with triggers; directions, windows and terms are well formed; every
/// pseudo-trigger contains a trigger of its context (else it guards nothing); rules named exist in red-flags.yaml.
/// </summary>
internal static class ContextChecks
{
    private const string File = ContentFileNames.Context;

    /// <summary>A window wider than this reaches across most messages: write a narrower one.</summary>
    public const int MaxWindow = 20;

    public static void Check(ContentCatalog catalog, List<string> errors)
    {
        var file = catalog.RedFlagTable.ContextDefinition;
        var scope = file.Scope;
        foreach (var (name, list) in new[] { ("termination", scope?.Termination), ("clauseStarters", scope?.ClauseStarters), ("firstPerson", scope?.FirstPerson) })
        {
            if (list is not { Count: > 0 })
            {
                errors.Add($"{File}: scope '{name}' is missing or empty");
            }
        }

        foreach (var (name, category) in Categories(file))
        {
            CheckCategory(name, category, errors);
        }

        foreach (var (list, terms) in new[] { ("carers", file.Carers), ("writerIsPatient", file.WriterIsPatient), ("resolved", file.Resolved), ("namedPatient", file.NamedPatient) })
        {
            foreach (var term in (terms ?? []).Where(c => new ContextTerm(c ?? string.Empty).Parts.Count == 0))
            {
                errors.Add($"{File}: {list}: '{term}' has no words");
            }
        }

        CheckRules(catalog, file, errors);
    }

    private static IEnumerable<(string Name, ContextCategoryYaml? Category)> Categories(ContextFile file) =>
    [
        ("negation", file.Negation), ("other", file.Other), ("historical", file.Historical),
        ("hypothetical", file.Hypothetical), ("question", file.Question),
    ];

    private static void CheckCategory(string name, ContextCategoryYaml? category, List<string> errors)
    {
        var at = $"{File}: {name}";
        if (category is null)
        {
            errors.Add($"{at}: is missing (every context needs triggers)");
            return;
        }

        CheckWindow(at, category.Window, errors);
        if (category.Answers is { Count: > 0 } && name != "negation")
        {
            errors.Add($"{at}: only negation has answers");
        }

        if (category.Triggers is not { Count: > 0 })
        {
            errors.Add($"{at}: has no triggers");
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var t = 0; t < category.Triggers.Count; t++)
        {
            var trigger = category.Triggers[t];
            var where = $"{at}: trigger list {t + 1}";
            if (ContextRules.ToDirection(trigger.Direction) is null)
            {
                errors.Add($"{where}: direction '{trigger.Direction}' is not forward, backward, both or inside");
            }

            CheckWindow(where, trigger.Window, errors);
            if (trigger.Terms is not { Count: > 0 })
            {
                errors.Add($"{where}: has no terms");
                continue;
            }

            foreach (var text in trigger.Terms)
            {
                CheckTerm(where, name, trigger, text ?? string.Empty, errors);
                if (!seen.Add($"{trigger.Direction}|{text}"))
                {
                    errors.Add($"{where}: '{text}' is listed twice");
                }
            }
        }

        CheckPseudo(at, name, category, errors);
    }

    private static void CheckWindow(string at, int? window, List<string> errors)
    {
        if (window is { } w && (w < 1 || w > MaxWindow))
        {
            errors.Add($"{at}: window {w} must be 1 to {MaxWindow} words");
        }
    }

    private static void CheckTerm(string at, string category, ContextTriggerYaml trigger, string text, List<string> errors)
    {
        var term = new ContextTerm(text);
        if (term.IsQuestionMark)
        {
            if (category != "question" || trigger.Direction != "backward")
            {
                errors.Add($"{at}: '?' is a backward question trigger only");
            }

            return;
        }

        if (term.Parts.Count == 0)
        {
            errors.Add($"{at}: '{text}' has no words");
        }
        else if (term.Parts[0] == ContextTerm.Wildcard || term.Parts[^1] == ContextTerm.Wildcard)
        {
            errors.Add($"{at}: '{text}' may not start or end with '*'");
        }
        else if (text.Contains('<', StringComparison.Ordinal) && !term.Parts.Any(p => p is ContextTerm.Year or ContextTerm.Number or ContextTerm.Age))
        {
            errors.Add($"{at}: '{text}' has an unknown placeholder (only {ContextTerm.Year}, {ContextTerm.Number} and {ContextTerm.Age})");
        }
    }

    /// <summary>A pseudo-trigger that contains no trigger of its context guards nothing: a typo, or the wrong context.</summary>
    private static void CheckPseudo(string at, string name, ContextCategoryYaml category, List<string> errors)
    {
        var terms = (category.Triggers ?? []).SelectMany(t => t.Terms ?? []).Select(t => new ContextTerm(t ?? string.Empty)).ToList();
        foreach (var pseudo in category.Pseudo ?? [])
        {
            var tokens = Tokenizer.Tokenize(pseudo ?? string.Empty);
            if (!Enumerable.Range(0, tokens.Count).Any(i => terms.Any(t => t.TryMatch(tokens, i, out _))))
            {
                errors.Add($"{at}: pseudo-trigger '{pseudo}' contains no {name} trigger");
            }
        }
    }

    private static void CheckRules(ContentCatalog catalog, ContextFile file, List<string> errors)
    {
        var ruleIds = catalog.RedFlags.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var id in Ids.Duplicates((file.Rules ?? []).Select(r => r.Id)))
        {
            errors.Add($"{File}: rule '{id}' is listed more than once");
        }

        foreach (var rule in file.Rules ?? [])
        {
            if (!ruleIds.Contains(rule.Id))
            {
                errors.Add($"{File}: rule '{rule.Id}' is not in {ContentFileNames.RedFlags}");
            }

            foreach (var keep in (rule.Keep ?? []).Where(k => !ContextRules.KeepNames.Contains(k)))
            {
                errors.Add($"{File}: rule '{rule.Id}' keeps '{keep}', which is not one of {string.Join(", ", ContextRules.KeepNames)}");
            }

            foreach (var unless in (rule.UnlessResolved ?? []).Where(k => !(rule.Keep ?? []).Contains(k)))
            {
                errors.Add($"{File}: rule '{rule.Id}' has unlessResolved '{unless}', which it does not keep");
            }
        }
    }
}
