using TriageBot.Content.Detection;
using TriageBot.Content.Model;

namespace TriageBot.Content;

/// <summary>
/// Finds red-flag statements in free text using the lay phrases of red-flags.yaml. Recall first: a missed red flag
/// is worse than an unneeded "seek care now", so matching forgives typos, contractions and word order, and only
/// clear denials ("no numbness", "my bladder is fine") suppress a match. Pure and thread-safe.
/// </summary>
internal sealed class RedFlagDetector
{
    private readonly IReadOnlyList<(RedFlagRule Rule, IReadOnlyList<PhraseMatcher> Phrases)> _rules;

    public RedFlagDetector(IEnumerable<(RedFlagRule Rule, IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> Phrases)> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _rules = [.. rules.Select(r => (r.Rule, (IReadOnlyList<PhraseMatcher>)[.. r.Phrases.Select(Compile)]))];
    }

    /// <summary>One hit per matching rule, in text order (then most urgent first).</summary>
    public IReadOnlyList<RedFlagHit> Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = Tokenizer.Tokenize(text);
        if (tokens.Count == 0)
        {
            return [];
        }

        var hits = new List<RedFlagHit>();
        foreach (var (rule, phrases) in _rules)
        {
            (int Start, int End)? first = null;
            foreach (var phrase in phrases)
            {
                if (phrase.Match(tokens) is { } span
                    && (first is null || span.Start < first.Value.Start
                        || (span.Start == first.Value.Start && span.End < first.Value.End)))
                {
                    first = span;
                }
            }

            if (first is { } found)
            {
                var start = tokens[found.Start].Start;
                hits.Add(new RedFlagHit(rule.Id, rule.Hazard, rule.Level, start, tokens[found.End].End - start));
            }
        }

        return [.. hits.OrderBy(h => h.Start).ThenBy(h => h.Level).ThenBy(h => h.RuleId, StringComparer.Ordinal)];
    }

    private static PhraseMatcher Compile(IReadOnlyList<IReadOnlyList<string>> phrase) =>
        new([.. phrase.Select(group => (IReadOnlyList<PhraseEntry>)[.. group.Select(entry => new PhraseEntry(entry))])]);
}
