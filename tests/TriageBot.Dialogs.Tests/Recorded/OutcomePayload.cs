using TriageBot.Dialogs.Flow;

namespace TriageBot.Dialogs.Tests.Recorded;

/// <summary>The <c>triage.outcome</c> event the host page receives: level, reasons (hazard ids) and content version, by meaning.</summary>
internal sealed class OutcomePayload(TriageOutcome outcome) : IRecordedPayload
{
    public string Name => "triage.outcome event";

    public IEnumerable<RecordedValue> Values =>
    [
        RecordedValue.Meaning(RecordedField.Level, outcome.Level),
        RecordedValue.Meaning(RecordedField.Reasons, outcome.Reasons),
        RecordedValue.Meaning(RecordedField.ContentVersion, outcome.ContentVersion),
    ];
}
