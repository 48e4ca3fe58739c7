using TriageBot.Content.Model;
using TriageBot.Content.Yaml;

namespace TriageBot.Content.Validation;

/// <summary>
/// golden/red-flag-utterances.yaml: well-formed, and red-flags.yaml read with context.yaml passes it. Present kinds:
/// every phrasing expecting an emergency rule is present (100% recall). Mention kinds: the rule is a mention with
/// that reason and no emergency is present. Negated: no emergency present or mentioned. Other kinds expecting none:
/// no emergency present. Content that fails the golden set does not start.
/// </summary>
internal static class GoldenChecks
{
    private const string File = ContentFileNames.Golden;

    /// <summary>Clear present statements: the expected rule must be present.</summary>
    public static readonly IReadOnlySet<string> PresentKinds = new HashSet<string>(StringComparer.Ordinal)
    {
        "positive", "misspelled", "us-english", "uk-english",
    };

    /// <summary>Mentions, by the reason they must carry.</summary>
    public static readonly IReadOnlyDictionary<string, MentionReason> MentionKinds = new Dictionary<string, MentionReason>(StringComparer.Ordinal)
    {
        ["other"] = MentionReason.Other,
        ["historical"] = MentionReason.Historical,
        ["hypothetical"] = MentionReason.Hypothetical,
        ["question"] = MentionReason.Question,
    };

    /// <summary>Kinds that always expect none (the language kinds may expect none too: ordinary talk in US or UK words).</summary>
    public static readonly IReadOnlySet<string> NoneKinds = new HashSet<string>(StringComparer.Ordinal) { "negated", "negative" };

    public static readonly IReadOnlySet<string> Kinds = PresentKinds.Concat(MentionKinds.Keys).Concat(NoneKinds).ToHashSet(StringComparer.Ordinal);

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
            if (string.IsNullOrWhiteSpace(utterance.Text))
            {
                errors.Add($"{File}: an utterance has no text");
                continue;
            }

            errors.AddRange(Problems(utterance, catalog.ReadRedFlags(utterance.Text), rules));
        }
    }

    /// <summary>What is wrong with how <paramref name="reading"/> treats <paramref name="utterance"/>; nothing when it passes the gate.</summary>
    public static IEnumerable<string> Problems(GoldenUtterance utterance, FreeTextReading reading, IReadOnlyDictionary<string, RedFlagRule> rules)
    {
        var at = $"{File}: \"{utterance.Text}\"";
        if (!Kinds.Contains(utterance.Kind))
        {
            yield return $"{at}: kind '{utterance.Kind}' is not one of {string.Join(", ", Kinds)}";
            yield break;
        }

        var emergencies = reading.Present.Where(h => h.Level == DispositionLevel.Emergency).ToList();
        if (utterance.Expect == "none")
        {
            if (MentionKinds.ContainsKey(utterance.Kind))
            {
                yield return $"{at}: kind '{utterance.Kind}' is a mention of a rule; it cannot expect none";
            }

            foreach (var hit in emergencies)
            {
                yield return $"{at}: expects no red flag but raises emergency rule '{hit.RuleId}'";
            }

            foreach (var mention in reading.Mentions.Where(m => m.Level == DispositionLevel.Emergency && utterance.Kind == "negated"))
            {
                yield return $"{at}: is denied but mentions emergency rule '{mention.RuleId}' ({mention.Reason})";
            }

            yield break;
        }

        if (!rules.TryGetValue(utterance.Expect, out var rule))
        {
            yield return $"{at}: expects '{utterance.Expect}', which is not a rule in {ContentFileNames.RedFlags} (or none)";
        }
        else if (NoneKinds.Contains(utterance.Kind))
        {
            yield return $"{at}: kind '{utterance.Kind}' expects none, not '{rule.Id}'";
        }
        else if (MentionKinds.TryGetValue(utterance.Kind, out var reason))
        {
            var mention = reading.Mentions.FirstOrDefault(m => m.RuleId == rule.Id);
            if (mention is null || mention.Reason != reason)
            {
                var found = mention is not null ? $"a mention ({mention.Reason})" : reading.Present.Any(h => h.RuleId == rule.Id) ? "present" : "not found";
                yield return $"{at}: rule '{rule.Id}' must be a mention ({reason}), but is {found}";
            }

            foreach (var hit in emergencies)
            {
                yield return $"{at}: is a mention ({reason}) but raises emergency rule '{hit.RuleId}' as present";
            }
        }
        else if (rule.Level == DispositionLevel.Emergency && !reading.Present.Any(h => h.RuleId == rule.Id))
        {
            var mention = reading.Mentions.FirstOrDefault(m => m.RuleId == rule.Id);
            var found = mention is null ? "not detected" : $"only a mention ({mention.Reason})";
            yield return $"{at}: emergency rule '{rule.Id}' is {found} (100% emergency recall is required)";
        }
    }
}
