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

/// <summary>
/// One field as a payload recorded it, in its vocabulary; <see cref="Where"/> names the place in the payload when
/// the field is recorded in more than one.
/// </summary>
internal sealed record RecordedValue(RecordedField Field, Vocabulary In, IReadOnlyList<string> Values, string? Where = null)
{
    public static RecordedValue Meaning(RecordedField field, string? value, string? where = null) =>
        new(field, Vocabulary.Meaning, value is null ? [] : [value], where);

    public static RecordedValue Meaning(RecordedField field, IEnumerable<string>? values, string? where = null) =>
        new(field, Vocabulary.Meaning, [.. values ?? []], where);

    public static RecordedValue Words(RecordedField field, string? value, string? where = null) =>
        new(field, Vocabulary.Words, value is null ? [] : [value], where);

    public static RecordedValue Words(RecordedField field, IEnumerable<string>? values, string? where = null) =>
        new(field, Vocabulary.Words, [.. values ?? []], where);
}

/// <summary>
/// Something the bot produced from a conversation, read back field by field: the summary shown to the person, the
/// <c>triage.outcome</c> event, the stored referral. Each payload yields every field it carries, empty when it
/// recorded nothing for it, so a field recorded that was never said fails as surely as one said and lost.
/// </summary>
/// <remarks>
/// The FHIR and Teams payloads (issue 13; built by another issue) plug in here: one more implementation each, reading
/// their own JSON into the same fields (a FHIR ServiceRequest by meaning, a Teams card in words). The expectation
/// and the comparison (<see cref="RecordedAssert"/>) stay as they are.
/// </remarks>
internal interface IRecordedPayload
{
    /// <summary>What it is, for the failure table: "summary shown", "triage.outcome event", "stored referral".</summary>
    string Name { get; }

    IEnumerable<RecordedValue> Values { get; }
}
