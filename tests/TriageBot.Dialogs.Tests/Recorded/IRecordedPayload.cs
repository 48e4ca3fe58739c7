namespace TriageBot.Dialogs.Tests.Recorded;

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
/// The FHIR Bundle and the Teams referral card are two more implementations (<see cref="FhirBundlePayload"/> by
/// meaning, <see cref="TeamsCardPayload"/> read in words); the expectation and the comparison
/// (<see cref="RecordedAssert"/>) are the same for all.
/// </remarks>
internal interface IRecordedPayload
{
    /// <summary>What it is, for the failure table: "summary shown", "triage.outcome event", "stored referral".</summary>
    string Name { get; }

    IEnumerable<RecordedValue> Values { get; }
}
