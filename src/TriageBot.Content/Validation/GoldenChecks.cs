using TriageBot.Content.Model;

namespace TriageBot.Content.Validation;

/// <summary>
/// golden/red-flag-utterances.yaml: well-formed, and the red-flag phrases pass it: every phrasing expecting an
/// emergency rule is detected, and no phrasing expecting none raises an emergency. Content that fails the golden
/// set does not start.
/// </summary>
internal static class GoldenChecks
{
    private const string File = ContentFileNames.Golden;

    public static readonly IReadOnlySet<string> Kinds = new HashSet<string>(StringComparer.Ordinal)
    {
        "positive", "negated", "negative", "misspelled", "us-english", "uk-english",
    };

    public static void Check(ContentCatalog catalog, List<string> errors)
    {
        if (catalog.Golden.Count == 0)
        {
            errors.Add($"{File}: missing or empty (every red-flag rule needs golden phrasings)");
            return;
        }

        var rules = catalog.RedFlags.ToDictionary(r => r.Id, StringComparer.Ordinal);
        foreach (var utterance in catalog.Golden)
        {
            var at = $"{File}: \"{utterance.Text}\"";
            if (string.IsNullOrWhiteSpace(utterance.Text))
            {
                errors.Add($"{File}: an utterance has no text");
                continue;
            }

            if (!Kinds.Contains(utterance.Kind))
            {
                errors.Add($"{at}: kind '{utterance.Kind}' is not one of {string.Join(", ", Kinds)}");
            }

            var hits = catalog.DetectRedFlags(utterance.Text);
            if (utterance.Expect == "none")
            {
                foreach (var hit in hits.Where(h => h.Level == DispositionLevel.Emergency))
                {
                    errors.Add($"{at}: expects no red flag but raises emergency rule '{hit.RuleId}'");
                }
            }
            else if (!rules.TryGetValue(utterance.Expect, out var rule))
            {
                errors.Add($"{at}: expects '{utterance.Expect}', which is not a rule in {ContentFileNames.RedFlags} (or none)");
            }
            else if (rule.Level == DispositionLevel.Emergency && !hits.Any(h => h.RuleId == rule.Id))
            {
                errors.Add($"{at}: emergency rule '{rule.Id}' is not detected (100% emergency recall is required)");
            }
        }
    }
}
