using TriageBot.Content.Yaml;

namespace TriageBot.Content.Detection;

/// <summary>The five contexts of context.yaml. Negation drops a concept; the others make it a mention.</summary>
internal enum ContextCategory
{
    Negation,
    Other,
    Historical,
    Hypothetical,
    Question,
}

/// <summary>The contexts (other than negation) that reach a concept.</summary>
[Flags]
internal enum ContextFlags
{
    None = 0,
    Other = 1,
    Historical = 2,
    Hypothetical = 4,
    Question = 8,
}

internal enum TriggerDirection
{
    Forward,
    Backward,
    Both,
    Inside,
}

/// <summary>One term of a trigger list, with the list's direction, window and conditions.</summary>
/// <param name="AfterSomeoneNamed">Counts only after another trigger of its context in the same sentence ("my mum has MS and
/// her legs are weak", not "her legs have gone", which a carer writes of the patient).</param>
internal sealed record ContextTrigger(
    ContextCategory Category, ContextTerm Term, TriggerDirection Direction, int? Window, bool ClauseEnd, bool ClauseStart, bool NoFirstPersonBefore,
    bool ReachBack, bool AfterSomeoneNamed = false);

/// <summary>One context as compiled: its window, triggers, pseudo-triggers, own termination terms and answer words.</summary>
internal sealed class ContextCategoryRules(
    ContextCategory category, int? window, IReadOnlyList<ContextTrigger> triggers, IReadOnlyList<ContextTerm> pseudo,
    IReadOnlyList<ContextTerm> termination, IReadOnlySet<string> answers)
{
    public ContextCategory Category { get; } = category;

    /// <summary>Words a trigger reaches by default; null: to the end of its clause.</summary>
    public int? Window { get; } = window;

    public IReadOnlyList<ContextTrigger> Triggers { get; } = triggers;

    public IReadOnlyList<ContextTerm> Pseudo { get; } = pseudo;

    public IReadOnlyList<ContextTerm> Termination { get; } = termination;

    public IReadOnlySet<string> Answers { get; } = answers;

    internal TermIndex<ContextTrigger> TriggerIndex { get; } = new(triggers, t => t.Term);

    internal TermIndex<ContextTerm> PseudoIndex { get; } = new(pseudo, t => t);

    internal TermIndex<ContextTerm> TerminationIndex { get; } = new(termination, t => t);

    /// <summary>Where a question opens: clause-start question terms and pseudo-triggers, wherever they stand.</summary>
    internal TermIndex<ContextTerm> OpenerIndex { get; } =
        new(triggers.Where(t => t.ClauseStart).Select(t => t.Term).Concat(pseudo), t => t);
}

/// <summary>
/// context.yaml, compiled: the NegEx / ConText rules that say whether a red-flag concept is denied, about someone
/// else, in the past, hypothetical or asked about. Immutable and thread-safe; <see cref="Scan"/> reads one message.
/// </summary>
internal sealed class ContextRules
{
    private readonly Dictionary<string, ContextFlags> _keep;
    private readonly Dictionary<string, ContextFlags> _unlessResolved;

    private ContextRules(ContextFile file, int thisYear)
    {
        var lastYear = thisYear - 1;
        var scope = file.Scope ?? new ContextScopeYaml();
        Termination = Terms(scope.Termination, lastYear);
        Joiners = Words(scope.Joiners);
        ClauseStarters = Words(scope.ClauseStarters);
        LeadIns = Words(scope.LeadIns);
        FirstPerson = Words(scope.FirstPerson);
        Pointers = Words(scope.Pointers);
        Categories =
        [
            Category(ContextCategory.Negation, file.Negation, lastYear),
            Category(ContextCategory.Other, file.Other, lastYear),
            Category(ContextCategory.Historical, file.Historical, lastYear),
            Category(ContextCategory.Hypothetical, file.Hypothetical, lastYear),
            Category(ContextCategory.Question, file.Question, lastYear),
        ];
        Carers = Terms(file.Carers, lastYear);
        WriterIsPatient = Terms(file.WriterIsPatient, lastYear);
        WriterIsPatientIndex = new(WriterIsPatient, t => t);
        NamedPatientIndex = new(Terms(file.NamedPatient, lastYear), t => t);
        TerminationIndex = new(Termination, t => t);
        CarerIndex = new(Carers, t => t);
        ResolvedIndex = new(Terms(file.Resolved, lastYear), t => t);
        _keep = (file.Rules ?? []).GroupBy(r => r.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(r => r.Keep ?? []).Aggregate(ContextFlags.None, (all, k) => all | ToFlag(k)), StringComparer.Ordinal);
        _unlessResolved = (file.Rules ?? []).GroupBy(r => r.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(r => r.UnlessResolved ?? []).Aggregate(ContextFlags.None, (all, k) => all | ToFlag(k)), StringComparer.Ordinal);

        var negation = Categories[(int)ContextCategory.Negation];
        Negators = negation.Triggers
            .Where(t => t.Direction is TriggerDirection.Forward && t.Term.Parts.Count == 1 && t.Term.FirstWord is not null)
            .Select(t => t.Term.FirstWord!).ToHashSet(StringComparer.Ordinal);
        GapBreakers = Negators
            .Concat(Termination.Concat(negation.Termination).Where(t => t.Parts.Count == 1 && t.FirstWord is not null).Select(t => t.FirstWord!))
            .ToHashSet(StringComparer.Ordinal);
    }

    public IReadOnlyList<ContextTerm> Termination { get; }

    internal TermIndex<ContextTerm> TerminationIndex { get; }

    internal TermIndex<ContextTerm> CarerIndex { get; }

    /// <summary>"I'm in a good place now": the writer says a past matter is over.</summary>
    internal TermIndex<ContextTerm> ResolvedIndex { get; }

    public IReadOnlySet<string> Joiners { get; }

    public IReadOnlySet<string> ClauseStarters { get; }

    public IReadOnlySet<string> LeadIns { get; }

    public IReadOnlySet<string> FirstPerson { get; }

    /// <summary>Words of a clause that only points back ("..., it has healed"): see <see cref="ContextTrigger.ReachBack"/>.</summary>
    public IReadOnlySet<string> Pointers { get; }

    /// <summary>Indexed by <see cref="ContextCategory"/>.</summary>
    public IReadOnlyList<ContextCategoryRules> Categories { get; }

    public IReadOnlyList<ContextTerm> Carers { get; }

    /// <summary>"my own back": the writer is the patient, whatever carer words the message has ("I'm her carer").</summary>
    public IReadOnlyList<ContextTerm> WriterIsPatient { get; }

    internal TermIndex<ContextTerm> WriterIsPatientIndex { get; }

    /// <summary>"my husband 72", "my husband's back went": the patient's age or back, right beside someone named (see ContextScan).</summary>
    internal TermIndex<ContextTerm> NamedPatientIndex { get; }

    /// <summary>One-word forward negation triggers: an entry containing one ("no feeling") is a symptom, never denied.</summary>
    public IReadOnlySet<string> Negators { get; }

    /// <summary>Words a phrase entry may not skip over: "legs are not numb" is not "legs ... numb".</summary>
    public IReadOnlySet<string> GapBreakers { get; }

    /// <param name="thisYear">The current year, read once at load: "in &lt;year&gt;" means a year before it.</param>
    public static ContextRules From(ContextFile file, int thisYear)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new ContextRules(file, thisYear);
    }

    /// <summary>The contexts that make no mention of rule <paramref name="ruleId"/> (context.yaml <c>rules</c>).</summary>
    public ContextFlags KeepFor(string ruleId) => _keep.GetValueOrDefault(ruleId);

    /// <summary>
    /// The contexts of <see cref="KeepFor"/> that make a mention after all when the message says the matter is over
    /// (context.yaml <c>unlessResolved</c> and <c>resolved</c>): "I self-harmed as a teenager but I'm in a good place now".
    /// </summary>
    public ContextFlags UnlessResolvedFor(string ruleId) => _unlessResolved.GetValueOrDefault(ruleId);

    /// <summary>The context names that <c>keep</c> accepts.</summary>
    public static readonly IReadOnlyList<string> KeepNames = ["other", "historical", "hypothetical", "question"];

    public static ContextFlags ToFlag(string name) => name switch
    {
        "other" => ContextFlags.Other,
        "historical" => ContextFlags.Historical,
        "hypothetical" => ContextFlags.Hypothetical,
        "question" => ContextFlags.Question,
        _ => ContextFlags.None,
    };

    public static TriggerDirection? ToDirection(string? name) => name switch
    {
        "forward" => TriggerDirection.Forward,
        "backward" => TriggerDirection.Backward,
        "both" => TriggerDirection.Both,
        "inside" => TriggerDirection.Inside,
        _ => null,
    };

    public ContextScan Scan(IReadOnlyList<Token> tokens) => new(this, tokens);

    private static ContextCategoryRules Category(ContextCategory category, ContextCategoryYaml? yaml, int lastYear)
    {
        var triggers = (yaml?.Triggers ?? [])
            .Where(t => ToDirection(t.Direction) is not null)
            .SelectMany(t => Terms(t.Terms, lastYear).Select(term => new ContextTrigger(
                category, term, ToDirection(t.Direction)!.Value, t.Window ?? yaml?.Window, t.ClauseEnd, t.ClauseStart, t.NoFirstPersonBefore,
                t.ReachBack, t.AfterSomeoneNamed)))
            .Where(t => t.Term.IsQuestionMark || t.Term.Parts.Count > 0)
            .ToList();
        return new ContextCategoryRules(
            category, yaml?.Window, triggers, Terms(yaml?.Pseudo, lastYear), Terms(yaml?.Termination, lastYear), Words(yaml?.Answers));
    }

    private static List<ContextTerm> Terms(List<string>? terms, int lastYear) =>
        [.. (terms ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => new ContextTerm(t, lastYear)).Where(t => t.IsQuestionMark || t.Parts.Count > 0)];

    private static HashSet<string> Words(List<string>? words) =>
        (words ?? []).SelectMany(w => Tokenizer.Words(w ?? string.Empty)).ToHashSet(StringComparer.Ordinal);
}
