using System.Globalization;
using TriageBot.Content;
using TriageBot.Dialogs.Flow;
using TriageBot.Runtime.Referrals;
using static TriageBot.Dialogs.ContentKeys;

namespace TriageBot.Dialogs.Tests.Recorded;

/// <summary>
/// The referral as the clinic will read it: the row read back from the store, its answers (summary_json, choice
/// ids and numbers) and its contact details decrypted with the host's own protector and key ring. Name and contact
/// are the person's words; everything else is by meaning.
/// </summary>
internal sealed class StoredReferralPayload(ReferralRecord record, TriageState answers, IReadOnlyDictionary<string, string> contact, IContentCatalog content)
    : IRecordedPayload
{
    public string Name => "stored referral";

    public IEnumerable<RecordedValue> Values
    {
        get
        {
            yield return RecordedValue.Meaning(RecordedField.Reference, record.Reference, "reference column");
            yield return RecordedValue.Meaning(RecordedField.ContentVersion, record.ContentVersion, "content_version column");
            yield return RecordedValue.Meaning(RecordedField.Level, record.Disposition, "disposition column");
            yield return RecordedValue.Meaning(RecordedField.Level, answers.Outcome, "summary_json outcome");
            yield return RecordedValue.Meaning(RecordedField.Reasons, answers.Hazards, "summary_json hazards");

            // The findings hold the age band and the warning signs answered yes, by their ids.
            var ages = content.Prompt(Prompt.Screen.Age, null).Choices.Select(c => Findings.Age(c.Id)).ToHashSet(StringComparer.Ordinal);
            yield return RecordedValue.Meaning(RecordedField.Age, answers.Findings.Where(ages.Contains).Select(f => f["age.".Length..]), "summary_json findings");
            var redFlags = content.RedFlags.Select(r => Findings.RedFlag(r.Id)).ToHashSet(StringComparer.Ordinal);
            yield return RecordedValue.Meaning(RecordedField.RedFlagAnswers, answers.Findings.Where(redFlags.Contains).Select(f => f["redflag.".Length..]), "summary_json findings");

            var pain = answers.Pain;
            yield return RecordedValue.Meaning(RecordedField.PainLocation, pain.Places);
            yield return RecordedValue.Meaning(RecordedField.PainSpread, pain.Spread);
            yield return RecordedValue.Meaning(RecordedField.PainScore, pain.Score?.ToString("0.#", CultureInfo.InvariantCulture));
            yield return RecordedValue.Meaning(RecordedField.PainDuration, pain.Duration);

            yield return RecordedValue.Meaning(RecordedField.NumbnessAny, answers.Numbness.Any);
            yield return RecordedValue.Meaning(RecordedField.NumbnessWhere, answers.Numbness.Places);
            yield return RecordedValue.Meaning(RecordedField.NumbnessWorsening, answers.Numbness.Worsening);

            yield return RecordedValue.Meaning(RecordedField.TreatmentsTried, answers.Treatments.Tried);
            yield return RecordedValue.Meaning(RecordedField.TreatmentsHelped, answers.Treatments.Helped);

            yield return RecordedValue.Words(RecordedField.Name, contact.GetValueOrDefault("name"), "protected_contact, decrypted");
            yield return RecordedValue.Words(RecordedField.Contact, contact.GetValueOrDefault("contact"), "protected_contact, decrypted");
            yield return RecordedValue.Meaning(RecordedField.ContactTime, contact.GetValueOrDefault("time"), "protected_contact, decrypted");
        }
    }
}
