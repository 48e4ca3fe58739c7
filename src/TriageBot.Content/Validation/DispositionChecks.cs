using TriageBot.Content.Localization;
using TriageBot.Content.Model;

namespace TriageBot.Content.Validation;

/// <summary>
/// dispositions.yaml: unique ids, well-formed and known findings, a level, and a hazard (that exists) on every
/// emergency or urgent rule. Also: emergency wording always gives the emergency number.
/// </summary>
internal static class DispositionChecks
{
    private const string File = ContentFileNames.Dispositions;

    // Emergency wording the code shows; each must give the locale's emergency number.
    private static readonly string[] EmergencyMessages = ["advice.emergency", "emergency.repeat"];

    public static void Check(ContentCatalog catalog, ContentRequirements requirements, List<string> errors)
    {
        var rules = catalog.Files.Dispositions.Rules ?? [];
        var hazards = catalog.Hazards.Select(h => h.Id).ToHashSet(StringComparer.Ordinal);
        var redFlagFindings = catalog.RedFlags.Select(r => "redflag." + r.Id).ToHashSet(StringComparer.Ordinal);
        if (rules.Count == 0)
        {
            errors.Add($"{File}: no rules");
        }

        foreach (var id in Ids.Duplicates(rules.Select(r => r.Id)))
        {
            errors.Add($"{File}: rule id '{id}' is used more than once");
        }

        foreach (var rule in rules)
        {
            var at = $"{File}: rule '{rule.Id}'";
            if (!Ids.IsKebab(rule.Id))
            {
                errors.Add($"{at}: id must be lower-case kebab-case");
            }

            if (rule.When is not { Count: > 0 })
            {
                errors.Add($"{at}: 'when' lists no findings");
            }

            foreach (var finding in rule.When ?? [])
            {
                if (!Ids.IsFinding(finding))
                {
                    errors.Add($"{at}: finding '{finding}' is not in the form area.value");
                }
                else if (requirements.Findings is not null && !requirements.Findings.Contains(finding) && !redFlagFindings.Contains(finding))
                {
                    errors.Add($"{at}: finding '{finding}' is never recorded by the code (see README \"Findings\"), so the rule could never apply");
                }
                else if (finding.StartsWith("redflag.", StringComparison.Ordinal) && finding.Split('.').Length == 2 && !redFlagFindings.Contains(finding))
                {
                    errors.Add($"{at}: finding '{finding}' names no rule in {ContentFileNames.RedFlags}");
                }
            }

            if (rule.Level is null)
            {
                errors.Add($"{at}: has no level (emergency, urgent, routine or self-care)");
            }

            if (rule.Hazard is not null && !hazards.Contains(rule.Hazard))
            {
                errors.Add($"{at}: hazard '{rule.Hazard}' is not in {ContentFileNames.HazardLog}");
            }
            else if (rule.Hazard is null && rule.Level is DispositionLevel.Emergency or DispositionLevel.Urgent)
            {
                errors.Add($"{at}: an {DispositionLevels.Name(rule.Level.Value)} rule must name the hazard it controls");
            }

            CheckAdvice(catalog, at, rule, errors);
        }

        foreach (var key in EmergencyMessages.Concat(rules.Where(r => r.Level == DispositionLevel.Emergency && r.Advice is not null).Select(r => r.Advice!)).Distinct(StringComparer.Ordinal))
        {
            if (catalog.Messages.TryGetValue(key, out var text))
            {
                foreach (var (variant, value) in text.All().Where(v => !Placeholders.Names(v.Text).Contains("emergencyNumber")))
                {
                    errors.Add($"{ContentFileNames.Messages}: '{key}' ({variant}) must give {{emergencyNumber}}");
                }
            }
        }
    }

    /// <summary>Each hazard gets its own advice: every emergency or urgent rule names a message that exists.</summary>
    private static void CheckAdvice(ContentCatalog catalog, string at, Yaml.DispositionRuleYaml rule, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(rule.Advice))
        {
            if (rule.Level is DispositionLevel.Emergency or DispositionLevel.Urgent)
            {
                errors.Add($"{at}: an {DispositionLevels.Name(rule.Level.Value)} rule must name its advice (a {ContentFileNames.Messages} key)");
            }
        }
        else if (!catalog.Messages.ContainsKey(rule.Advice))
        {
            errors.Add($"{at}: advice '{rule.Advice}' is not in {ContentFileNames.Messages}");
        }

        if (rule.Outcome is { } outcome && !catalog.Messages.ContainsKey(outcome))
        {
            errors.Add($"{at}: outcome '{outcome}' is not in {ContentFileNames.Messages}");
        }
    }
}
