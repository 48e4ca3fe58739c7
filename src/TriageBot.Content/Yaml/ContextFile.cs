namespace TriageBot.Content.Yaml;

// context.yaml as written (src/TriageBot.Content/Detection/README.md, "context.yaml"). The five contexts are fixed
// fields, so a misspelled context name is a load error, not a context that silently does nothing.

internal sealed class ContextFile
{
    public ContextScopeYaml? Scope { get; init; }
    public ContextCategoryYaml? Negation { get; init; }
    public ContextCategoryYaml? Other { get; init; }
    public ContextCategoryYaml? Historical { get; init; }
    public ContextCategoryYaml? Hypothetical { get; init; }
    public ContextCategoryYaml? Question { get; init; }

    /// <summary>"I'm asking for my dad": the writer speaks for the patient, so someone else's concept is present.</summary>
    public List<string>? Carers { get; init; }

    /// <summary>"my own back", "for me it is only": the writer sets themselves apart as the patient, so no carer speaks.</summary>
    public List<string>? WriterIsPatient { get; init; }

    /// <summary>"my husband 72", "my 85 year old nan", "my husband's back went": said beside someone named, they are the patient.</summary>
    public List<string>? NamedPatient { get; init; }

    public List<ContextRuleYaml>? Rules { get; init; }

    /// <summary>"I'm in a good place now": the writer says a past matter is over (see <see cref="ContextRuleYaml.UnlessResolved"/>).</summary>
    public List<string>? Resolved { get; init; }
}

internal sealed class ContextScopeYaml
{
    public List<string>? Termination { get; init; }
    public List<string>? Joiners { get; init; }
    public List<string>? ClauseStarters { get; init; }
    public List<string>? LeadIns { get; init; }
    public List<string>? FirstPerson { get; init; }
    public List<string>? Pointers { get; init; }
}

internal sealed class ContextCategoryYaml
{
    public int? Window { get; init; }
    public List<string>? Answers { get; init; }
    public List<ContextTriggerYaml>? Triggers { get; init; }
    public List<string>? Pseudo { get; init; }
    public List<string>? Termination { get; init; }
}

internal sealed class ContextTriggerYaml
{
    public string? Direction { get; init; }
    public int? Window { get; init; }
    public bool ClauseEnd { get; init; }
    public bool ClauseStart { get; init; }
    public bool NoFirstPersonBefore { get; init; }
    public bool ReachBack { get; init; }
    public bool AfterSomeoneNamed { get; init; }
    public List<string>? Terms { get; init; }
}

/// <summary>A red-flag rule for which some contexts make no mention (self-harm in any tense; cancer ever).</summary>
internal sealed class ContextRuleYaml
{
    public required string Id { get; init; }
    public List<string>? Keep { get; init; }

    /// <summary>Contexts of <see cref="Keep"/> that do make a mention when the message says the matter is over (<c>resolved:</c>).</summary>
    public List<string>? UnlessResolved { get; init; }
}
