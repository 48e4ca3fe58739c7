using TriageBot.Content.Model;
using TriageBot.Content.Yaml;

namespace TriageBot.Content;

/// <summary>red-flags.yaml and context.yaml as loaded: the rules, their phrases, and the detector built from them.</summary>
internal sealed class RedFlagTable
{
    public RedFlagTable(IReadOnlyList<RedFlagYaml> rules, ContextFile context)
    {
        Definitions = rules;
        ContextDefinition = context;
        Rules = [.. rules.Select(ToRule)];
        Detector = new RedFlagDetector(rules.Select((r, i) => (Rules[i], Phrases(r.Phrases), Phrases(r.Mentions))), Detection.ContextRules.From(context, DateTime.UtcNow.Year));
    }

    public ContextFile ContextDefinition { get; }

    public IReadOnlyList<RedFlagYaml> Definitions { get; }

    public IReadOnlyList<RedFlagRule> Rules { get; }

    public RedFlagDetector Detector { get; }

    private static RedFlagRule ToRule(RedFlagYaml rule) => new(
        rule.Id,
        rule.Hazard ?? string.Empty,
        [.. (rule.Questions ?? []).Where(q => !string.IsNullOrWhiteSpace(q))],
        rule.Level ?? DispositionLevel.Emergency, // a rule without a level is reported by the validator; until then, assume the worst
        rule.Advice ?? string.Empty,
        rule.Check ?? string.Empty,
        string.IsNullOrWhiteSpace(rule.Topic) ? null : rule.Topic);

    private static IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> Phrases(List<List<List<string>>>? phrases) =>
        phrases is null
            ? []
            : [.. phrases.Select(p => (IReadOnlyList<IReadOnlyList<string>>)[.. (p ?? []).Select(g => (IReadOnlyList<string>)[.. (g ?? []).Where(e => !string.IsNullOrWhiteSpace(e))])])];
}
