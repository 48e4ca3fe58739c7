using TriageBot.Content.Detection;
using TriageBot.Content.Model;
using Phrases = System.Collections.Generic.IReadOnlyList<System.Collections.Generic.IReadOnlyList<System.Collections.Generic.IReadOnlyList<string>>>;

namespace TriageBot.Content;

/// <summary>
/// Finds red-flag concepts in free text with the lay phrases of red-flags.yaml, then reads their context with
/// context.yaml (NegEx / ConText): denied concepts are dropped; concepts about someone else, in the past,
/// hypothetical or asked about are mentions; the rest are present. Recall first: a missed red flag is worse than an
/// unneeded "seek care now", so matching forgives typos, contractions and word order, and a concept no context
/// reaches is present. Pure and thread-safe.
/// </summary>
internal sealed class RedFlagDetector
{
    private readonly IReadOnlyList<CompiledRule> _rules;
    private readonly SplitWords _splitWords;

    /// <param name="rules">Each rule with its phrases (a red flag) and its mention tier (words of its topic: ask).</param>
    public RedFlagDetector(IEnumerable<(RedFlagRule Rule, Phrases Phrases, Phrases Mentions)> rules, ContextRules context)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(context);
        Context = context;
        var all = rules.ToList();
        _splitWords = new SplitWords(all
            .SelectMany(r => r.Phrases.Concat(r.Mentions))
            .SelectMany(phrase => phrase)
            .SelectMany(group => group)
            .SelectMany(Tokenizer.Words));
        _rules = [.. all.Select(r => new CompiledRule(r.Rule, Compile(r.Phrases, context), Compile(r.Mentions, context), context.KeepFor(r.Rule.Id), context.UnlessResolvedFor(r.Rule.Id)))];
    }

    public ContextRules Context { get; }

    /// <summary>Present hits only, one per rule, in text order (then most urgent first).</summary>
    public IReadOnlyList<RedFlagHit> Detect(string text) => Read(text).Present;

    /// <summary>The whole reading: present hits, mentions with their reason, and whether the message asks something.</summary>
    public FreeTextReading Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = _splitWords.Join(Tokenizer.Tokenize(text));
        if (tokens.Count == 0)
        {
            return FreeTextReading.Nothing;
        }

        var context = Context.Scan(tokens);
        var present = new List<RedFlagHit>();
        var mentions = new List<RedFlagMention>();
        foreach (var (rule, phrases, concepts, kept, unlessResolved) in _rules)
        {
            var keep = context.SaysResolved ? kept & ~unlessResolved : kept;
            var (first, firstMention) = FirstMatches(phrases, tokens, context, keep, topicWords: false);
            if (first is null && firstMention is null)
            {
                // The mention tier: a word of the hazard's topic, not denied, with no red flag said in full. Said
                // plainly it is a Concept mention; under a context it keeps that context's reason.
                var (word, wordInContext) = FirstMatches(concepts, tokens, context, keep, topicWords: true);
                firstMention = word is { } w ? w with { Reason = MentionReason.Concept } : wordInContext;
            }

            if (first is { } found)
            {
                var start = tokens[found.Start].Start;
                present.Add(new RedFlagHit(rule.Id, rule.Hazard, rule.Level, start, tokens[found.End].End - start));
            }
            else if (firstMention is { } mention)
            {
                var start = tokens[mention.Start].Start;
                mentions.Add(new RedFlagMention(rule.Id, rule.Hazard, rule.Level, mention.Reason!.Value, start, tokens[mention.End].End - start));
            }
        }

        return new FreeTextReading(
            [.. present.OrderBy(h => h.Start).ThenBy(h => h.Level).ThenBy(h => h.RuleId, StringComparer.Ordinal)],
            [.. mentions.OrderBy(m => m.Start).ThenBy(m => m.Level).ThenBy(m => m.RuleId, StringComparer.Ordinal)],
            context.IsQuestion);
    }

    /// <summary>The earliest present match and the earliest mention among <paramref name="phrases"/>.</summary>
    private static (PhraseMatch? Present, PhraseMatch? Mention) FirstMatches(
        IReadOnlyList<PhraseMatcher> phrases, IReadOnlyList<Token> tokens, ContextScan context, ContextFlags keep, bool topicWords)
    {
        PhraseMatch? present = null;
        PhraseMatch? mention = null;
        foreach (var phrase in phrases)
        {
            if (phrase.Match(tokens, context, keep, topicWords) is not { } match)
            {
                continue;
            }

            if (match.Reason is null)
            {
                present = Earlier(present, match);
            }
            else
            {
                mention = Earlier(mention, match);
            }
        }

        return (present, mention);
    }

    private static PhraseMatch Earlier(PhraseMatch? current, PhraseMatch candidate) =>
        current is not { } best || candidate.Start < best.Start || (candidate.Start == best.Start && candidate.End < best.End)
            ? candidate
            : best;

    private static PhraseMatcher[] Compile(Phrases phrases, ContextRules context) =>
        [.. phrases.Select(phrase => new PhraseMatcher([.. phrase.Select(group => (IReadOnlyList<PhraseEntry>)[.. group.Select(entry => new PhraseEntry(entry, context))])]))];

    private sealed record CompiledRule(RedFlagRule Rule, IReadOnlyList<PhraseMatcher> Phrases, IReadOnlyList<PhraseMatcher> Mentions, ContextFlags Keep, ContextFlags UnlessResolved);
}
