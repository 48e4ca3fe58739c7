namespace TriageBot.Content.Detection;

/// <summary>
/// context.yaml applied to one message: where each trigger is and how far it reaches. Built once per message, then
/// asked about each red-flag concept found in it. Triggers inside a pseudo-trigger do nothing; a trigger's reach ends
/// at its window, the sentence end, a termination word, or a new clause (a comma, dash or joiner before a clause
/// starter).
/// </summary>
internal sealed class ContextScan
{
    private readonly ContextRules _rules;
    private readonly IReadOnlyList<Token> _tokens;
    private readonly bool[] _terminates;
    private readonly List<Reach>[] _reaches;
    private readonly List<Reach>[] _inside;
    private readonly List<(int Start, int End)> _someoneNamed = [];

    public ContextScan(ContextRules rules, IReadOnlyList<Token> tokens)
    {
        _rules = rules;
        _tokens = tokens;
        _terminates = Mark(rules.TerminationIndex);
        _reaches = [.. rules.Categories.Select(_ => new List<Reach>())];
        _inside = [.. rules.Categories.Select(_ => new List<Reach>())];
        foreach (var category in rules.Categories)
        {
            Find(category);
        }

        CarerSpeaking = (Any(rules.CarerIndex) || SomeoneNamedIsPatient()) && !Any(rules.WriterIsPatientIndex);
        SaysResolved = Any(rules.ResolvedIndex);
    }

    /// <summary>The writer says a past matter is over and they are well now ("I'm in a good place now").</summary>
    public bool SaysResolved { get; }

    /// <summary>The message asks something: a question mark, or a clause that opens like a question.</summary>
    public bool IsQuestion => _reaches[(int)ContextCategory.Question].Count > 0;

    /// <summary>
    /// The writer says they speak for the patient ("I'm asking for my dad"), and does not set themselves apart as the
    /// patient ("I'm her carer and my own back is sore").
    /// </summary>
    public bool CarerSpeaking { get; }

    /// <summary>Whether a negation trigger reaches the concept at tokens <paramref name="start"/>..<paramref name="end"/>.</summary>
    /// <param name="ignored">Tokens of the concept's own phrase: a trigger among them is part of the symptom.</param>
    public bool IsNegated(int start, int end, ISet<int> ignored) => Reaches(ContextCategory.Negation, start, end, ignored);

    /// <summary>
    /// Whether a negation phrase wraps the concept's own first word: "no problem control bladder", "no loss of feeling
    /// in my bum". The concept's words ("no control", "no feeling") would deny nothing by themselves, but a
    /// several-word negation trigger that starts with them and runs into the concept denies it, unless its words are
    /// the phrase's own ("not changed my diet" in a weight-loss phrase).
    /// </summary>
    /// <param name="phraseWords">The words of the phrase entry that matched.</param>
    public bool IsNegatedAround(int start, int end, IReadOnlyList<string> phraseWords) =>
        _reaches[(int)ContextCategory.Negation].Any(r =>
            r.TriggerEnd > r.TriggerStart && r.TriggerStart <= start && r.TriggerEnd >= start && r.TriggerEnd < end && r.To >= r.From
            && Enumerable.Range(r.TriggerStart + 1, r.TriggerEnd - r.TriggerStart).Any(t => !phraseWords.Contains(_tokens[t].Text, StringComparer.Ordinal)));

    /// <summary>
    /// The mention tier's wider negation: a word of a hazard's topic is denied by a negation trigger anywhere in its
    /// clause (no comma, clause start or termination word between): "I have never had any problems with my bladder",
    /// "bladder and bowels are normal"; or by one opening the next sentence when the word ends its own ("bladder:
    /// fine"). Triggers among the tier's own matched words ("not feeling" + "toilet paper") are the symptom.
    /// </summary>
    public bool IsDeniedInClause(int start, int end, ISet<int> ignored) =>
        _reaches[(int)ContextCategory.Negation].Any(r =>
            !r.IsMark && !Enumerable.Range(r.TriggerStart, r.TriggerEnd - r.TriggerStart + 1).Any(ignored.Contains)
            && (AnswersWord(r.TriggerStart, end) || (_tokens[r.TriggerStart].Sentence == _tokens[start].Sentence && SameClause(r, start, end))));

    /// <summary>"bladder: fine": a negation opening the sentence right after the word's own.</summary>
    private bool AnswersWord(int trigger, int end) =>
        trigger == end + 1 && _tokens[trigger].Sentence == _tokens[end].Sentence + 1;

    private bool SameClause(Reach trigger, int start, int end)
    {
        var (from, to) = trigger.TriggerEnd < start ? (trigger.TriggerEnd + 1, start) : (end + 1, trigger.TriggerStart);
        for (var k = from; k <= to && k < _tokens.Count; k++)
        {
            if (_tokens[k].CommaBefore || StartsClause(k) || (k < to && _terminates[k]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The contexts other than negation that reach the concept.</summary>
    public ContextFlags Flags(int start, int end, ISet<int> ignored)
    {
        var flags = ContextFlags.None;
        foreach (var (category, flag) in Tagged)
        {
            if (Reaches(category, start, end, ignored))
            {
                flags |= flag;
            }
        }

        return flags;
    }

    /// <summary>The contexts whose inside triggers stand within tokens <paramref name="start"/>..<paramref name="end"/>:
    /// "lost control of her bladder" is someone else's even when "her" is between the phrase's words.</summary>
    public ContextFlags InsideFlags(int start, int end)
    {
        var flags = ContextFlags.None;
        foreach (var (category, flag) in Tagged)
        {
            if (Inside(category, start, end))
            {
                flags |= flag;
            }
        }

        return flags;
    }

    private static readonly (ContextCategory Category, ContextFlags Flag)[] Tagged =
    [
        (ContextCategory.Other, ContextFlags.Other), (ContextCategory.Historical, ContextFlags.Historical),
        (ContextCategory.Hypothetical, ContextFlags.Hypothetical), (ContextCategory.Question, ContextFlags.Question),
    ];

    private bool Inside(ContextCategory category, int start, int end) =>
        _inside[(int)category].Any(t => t.TriggerStart >= start && t.TriggerEnd <= end);

    private bool Reaches(ContextCategory category, int start, int end, ISet<int> ignored) =>
        Inside(category, start, end)
        || _reaches[(int)category].Any(r =>
            r.From <= end && r.To >= start
            && (r.IsMark || (!(r.TriggerStart <= end && r.TriggerEnd >= start)
                && !Enumerable.Range(r.TriggerStart, r.TriggerEnd - r.TriggerStart + 1).Any(ignored.Contains))));

    private void Find(ContextCategoryRules category)
    {
        var pseudo = Mark(category.PseudoIndex);
        var terminates = Mark(category.TerminationIndex);
        var found = new List<(ContextTrigger Trigger, int Start, int End)>();
        for (var i = 0; i < _tokens.Count; i++)
        {
            foreach (var trigger in category.TriggerIndex.Candidates(_tokens[i]))
            {
                if (!trigger.Term.IsQuestionMark && trigger.Term.TryMatch(_tokens, i, out var end)
                    && !Enumerable.Range(i, end - i + 1).Any(t => pseudo[t]))
                {
                    found.Add((trigger, i, i + trigger.Term.LeadLength - 1)); // "is * a sign" reaches from after "is"
                }
            }

            if (_tokens[i].QuestionAfter && category.Triggers.FirstOrDefault(t => t.Term.IsQuestionMark) is { } mark)
            {
                found.Add((mark, i, i));
            }
        }

        // Someone-else triggers come before the pronouns that check for "my": in "my dad says he ..." the "my" is his.
        var starts = found.Where(f => !f.Trigger.NoFirstPersonBefore).Select(f => f.Start).ToHashSet();
        var openers = category.Category == ContextCategory.Question ? Openers(category) : [];
        var statements = category.Category == ContextCategory.Question ? StatementOpeners(category) : [];
        foreach (var (trigger, start, end) in found)
        {
            if ((trigger.ClauseStart && !IsClauseStart(start)) || (trigger.ClauseEnd && !IsClauseEnd(end, terminates))
                || (trigger.NoFirstPersonBefore && FirstPersonBefore(start, starts))
                || (trigger.AfterSomeoneNamed && !found.Any(f => !f.Trigger.AfterSomeoneNamed && f.Start < start && _tokens[f.Start].Sentence == _tokens[start].Sentence)))
            {
                continue;
            }

            if (category.Category == ContextCategory.Other && trigger.Direction == TriggerDirection.Forward
                && !trigger.NoFirstPersonBefore && !trigger.AfterSomeoneNamed)
            {
                _someoneNamed.Add((start, end));
            }

            var reaches = _reaches[(int)category.Category];
            if (trigger.Direction == TriggerDirection.Inside)
            {
                _inside[(int)category.Category].Add(new Reach(start, end, start, end));
                continue;
            }

            if (trigger.Term.IsQuestionMark)
            {
                // "why am I wetting myself?": the question is about what the writer says of themselves, which stays
                // present; the mark still makes the message a question.
                var from = Backward(start, null, terminates, inclusive: true, openers);
                reaches.Add(statements.Contains(from) ? new Reach(start, end, start + 1, start, IsMark: true) : new Reach(start, end, from, start, IsMark: true));
                continue;
            }

            if (trigger.Direction is TriggerDirection.Forward or TriggerDirection.Both && ReachesForward(category, start, end))
            {
                reaches.Add(new Reach(start, end, end + 1, Forward(end, trigger.Window, terminates)));
            }

            if (trigger.Direction is TriggerDirection.Backward or TriggerDirection.Both)
            {
                var from = Backward(start, trigger.Window, terminates, inclusive: false, null);
                if (trigger.ReachBack && from > 1 && OnlyPointers(from, start) && _terminates[from - 1] && _tokens[from - 1].Sentence == _tokens[start].Sentence)
                {
                    // "I had a fever last month but that's long gone": a clause of only pointer words after "but"
                    // points back over it ("I can't feel my legs but the pain has gone" is not only pointers).
                    from = Backward(from - 1, trigger.Window, terminates, inclusive: false, null, overClause: true);
                }
                else if (trigger.ReachBack && from > 0 && OnlyPointers(from, start) && StartsClause(from))
                {
                    from = Backward(from, trigger.Window, terminates, inclusive: false, null, overClause: true); // "I broke my back, it healed"
                }

                reaches.Add(new Reach(start, end, from, start - 1));
            }
        }
    }

    /// <summary>Negation only: "No, I can't feel my legs" and "No my legs are numb" answer a question; they deny nothing.</summary>
    private bool ReachesForward(ContextCategoryRules category, int start, int end)
    {
        if (category.Category != ContextCategory.Negation || end + 1 >= _tokens.Count)
        {
            return true;
        }

        var next = _tokens[end + 1];
        return !next.CommaBefore && !(start == end && category.Answers.Contains(_tokens[start].Text) && _rules.ClauseStarters.Contains(next.Text));
    }

    /// <summary>The last token a forward trigger ending at <paramref name="end"/> reaches (end itself: nothing).</summary>
    private int Forward(int end, int? window, bool[] terminates)
    {
        var to = end;
        for (var k = end + 1; k < _tokens.Count; k++)
        {
            if (_tokens[k].Sentence != _tokens[end].Sentence || Stops(k, terminates) || StartsClause(k)
                || (window is { } w && k - end - 1 > w))
            {
                break;
            }

            to = k;
        }

        return to;
    }

    /// <summary>The first token a backward trigger at <paramref name="start"/> reaches.</summary>
    /// <param name="inclusive">The question mark reaches the word it follows, and stops at any comma and at a question opener.</param>
    /// <param name="overClause">Start by crossing the clause boundary at <paramref name="start"/> (reachBack).</param>
    private int Backward(int start, int? window, bool[] terminates, bool inclusive, HashSet<int>? openers, bool overClause = false)
    {
        var from = inclusive ? start + 1 : start;
        for (var k = inclusive ? start : start - 1; k >= 0; k--)
        {
            var crossing = overClause && k == start - 1;
            if (_tokens[k].Sentence != _tokens[start].Sentence || Stops(k, terminates)
                || (k < start && !crossing && (StartsClause(k + 1) || (inclusive && _tokens[k + 1].CommaBefore)))
                || (window is { } w && start - k - 1 > w))
            {
                break;
            }

            from = k;
            if (openers is not null && openers.Contains(k))
            {
                break;
            }
        }

        return from;
    }

    private bool OnlyPointers(int from, int start) =>
        Enumerable.Range(from, start - from).All(k => _rules.Pointers.Contains(_tokens[k].Text));

    private bool Stops(int k, bool[] terminates) => _terminates[k] || terminates[k];

    /// <summary>A comma, dash or joiner followed by a clause starter: "no fever, and my legs are weak".</summary>
    private bool StartsClause(int k) =>
        k > 0 && _rules.ClauseStarters.Contains(_tokens[k].Text)
        && (_tokens[k].CommaBefore || _rules.Joiners.Contains(_tokens[k - 1].Text));

    /// <summary>At the start of a sentence or after a comma, perhaps after lead-ins ("hi", "quick question").</summary>
    private bool IsClauseStart(int start)
    {
        for (var j = start; ; j--)
        {
            if (j == 0 || _tokens[j].Sentence != _tokens[j - 1].Sentence || _tokens[j].CommaBefore)
            {
                return true;
            }

            if (!_rules.LeadIns.Contains(_tokens[j - 1].Text) && !_rules.Joiners.Contains(_tokens[j - 1].Text))
            {
                return false;
            }
        }
    }

    /// <summary>At the end of a sentence, or before a comma, a joiner or a termination word.</summary>
    private bool IsClauseEnd(int end, bool[] terminates)
    {
        var k = end + 1;
        return k >= _tokens.Count || _tokens[k].Sentence != _tokens[end].Sentence || _tokens[k].CommaBefore
            || _rules.Joiners.Contains(_tokens[k].Text) || Stops(k, terminates);
    }

    /// <summary>
    /// A first-person word among the concept's own words ("big lad landed right on my spine", "he crashed into me"):
    /// the concept is the writer's, whoever else the sentence names. "my" that starts a word of someone ("my mate")
    /// does not count.
    /// </summary>
    public bool WritersOwn(int start, int end)
    {
        for (var k = start; k <= end; k++)
        {
            if (_rules.FirstPerson.Contains(_tokens[k].Text) && !_someoneNamed.Exists(s => s.Start == k))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"I", "my", "me" earlier in the sentence, except "my" in "my dad" and "my mate" (someone-else triggers start there).</summary>
    private bool FirstPersonBefore(int start, HashSet<int> otherStarts)
    {
        for (var j = start - 1; j >= 0 && _tokens[j].Sentence == _tokens[start].Sentence; j--)
        {
            if (_rules.FirstPerson.Contains(_tokens[j].Text) && !otherStarts.Contains(j + 1) && !otherStarts.Contains(j))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Where a question opens (a clause-start question term or a question pseudo-trigger, wherever it stands).</summary>
    private HashSet<int> Openers(ContextCategoryRules category)
    {
        var openers = new HashSet<int>();
        for (var i = 0; i < _tokens.Count; i++)
        {
            if (category.OpenerIndex.Candidates(_tokens[i]).Any(t => t.TryMatch(_tokens, i, out _)))
            {
                openers.Add(i);
            }
        }

        return openers;
    }

    /// <summary>
    /// Where a question about the writer's own statement opens: a question pseudo-trigger that ends in a first-person
    /// word ("why am I", "is it bad that my", "can you tell me why I"). The question mark closing its clause reaches
    /// nothing.
    /// </summary>
    private HashSet<int> StatementOpeners(ContextCategoryRules category)
    {
        var statements = new HashSet<int>();
        for (var i = 0; i < _tokens.Count; i++)
        {
            foreach (var term in category.PseudoIndex.Candidates(_tokens[i]))
            {
                if (term.Parts.Count > 0 && _rules.FirstPerson.Contains(term.Parts[^1]) && term.TryMatch(_tokens, i, out var end))
                {
                    statements.UnionWith(Enumerable.Range(i, end - i + 1)); // "why am I": "am I" opens a question too
                }
            }
        }

        return statements;
    }

    /// <summary>
    /// An age or a back given right beside someone named ("my husband 72", "my mother, 79 years old", "my 85 year old
    /// nan", "my husband's back went"): a triage bot for back pain asks the patient's age, so that person is the patient.
    /// </summary>
    private bool SomeoneNamedIsPatient()
    {
        if (_someoneNamed.Count == 0)
        {
            return false;
        }

        for (var i = 0; i < _tokens.Count; i++)
        {
            foreach (var term in _rules.NamedPatientIndex.Candidates(_tokens[i]))
            {
                if (term.TryMatch(_tokens, i, out var end)
                    && _someoneNamed.Exists(s => (s.End == i - 1 && _tokens[i].Sentence == _tokens[s.End].Sentence)
                        || (s.Start == end + 1 && !_tokens[s.Start].CommaBefore)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool Any(TermIndex<ContextTerm> terms) =>
        Enumerable.Range(0, _tokens.Count).Any(i => terms.Candidates(_tokens[i]).Any(term => term.TryMatch(_tokens, i, out _)));

    /// <summary>Every token covered by a match of one of <paramref name="terms"/>.</summary>
    private bool[] Mark(TermIndex<ContextTerm> terms)
    {
        var marked = new bool[_tokens.Count];
        for (var i = 0; i < _tokens.Count; i++)
        {
            foreach (var term in terms.Candidates(_tokens[i]))
            {
                if (term.TryMatch(_tokens, i, out var end))
                {
                    Array.Fill(marked, true, i, end - i + 1);
                }
            }
        }

        return marked;
    }

    /// <summary>A trigger at TriggerStart..TriggerEnd reaching tokens From..To (To &lt; From: nothing).</summary>
    /// <param name="IsMark">The question mark: it follows the word at TriggerStart, so it is never part of a concept.</param>
    private readonly record struct Reach(int TriggerStart, int TriggerEnd, int From, int To, bool IsMark = false);
}
