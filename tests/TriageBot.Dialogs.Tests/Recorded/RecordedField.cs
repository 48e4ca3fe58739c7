namespace TriageBot.Dialogs.Tests.Recorded;

/// <summary>
/// One thing a person says (or is told) that the bot must record faithfully. <see cref="Ordered"/>: the order is
/// part of it (places and treatments in the order chosen, reasons most urgent first); otherwise only the set counts.
/// </summary>
internal sealed record RecordedField(string Label, bool Ordered = true)
{
    public static readonly RecordedField Age = new("age band");
    public static readonly RecordedField RedFlagAnswers = new("red-flag answers (rule ids)", Ordered: false);
    public static readonly RecordedField PainLocation = new("pain location");
    public static readonly RecordedField PainSpread = new("pain spread");
    public static readonly RecordedField PainScore = new("pain score");
    public static readonly RecordedField PainDuration = new("pain duration");
    public static readonly RecordedField NumbnessAny = new("numbness (any)");
    public static readonly RecordedField NumbnessWhere = new("numbness places");
    public static readonly RecordedField NumbnessWorsening = new("numbness getting worse");
    public static readonly RecordedField TreatmentsTried = new("treatments tried");
    public static readonly RecordedField TreatmentsHelped = new("treatments helped");
    public static readonly RecordedField Level = new("level");
    public static readonly RecordedField Reasons = new("reasons (hazards)");
    public static readonly RecordedField Name = new("name");
    public static readonly RecordedField Contact = new("contact");
    public static readonly RecordedField ContactTime = new("preferred contact time");
    public static readonly RecordedField Reference = new("reference");
    public static readonly RecordedField ContentVersion = new("content version");

    public override string ToString() => Label;
}

/// <summary>How a payload records a field: in the person's words (a button's title, what they typed) or by meaning (choice ids, hazard ids, numbers).</summary>
internal enum Vocabulary
{
    Words,
    Meaning,
}

/// <summary>A field as the person said it: their words, and what those words mean. Nothing said: both empty.</summary>
internal sealed record Said(IReadOnlyList<string> Words, IReadOnlyList<string> Meaning)
{
    public static Said Nothing { get; } = new([], []);

    /// <summary>Typed text (a name, a score): the words are the meaning.</summary>
    public static Said Typed(string text) => new([text], [text]);

    public IReadOnlyList<string> In(Vocabulary vocabulary) => vocabulary == Vocabulary.Words ? Words : Meaning;
}
