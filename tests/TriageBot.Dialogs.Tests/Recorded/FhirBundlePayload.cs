using System.Globalization;
using System.Text.Json;
using static TriageBot.Dialogs.ContentKeys;

namespace TriageBot.Dialogs.Tests.Recorded;

/// <summary>
/// The FHIR transaction Bundle the <c>fhir</c> destination would post for the stored referral, as the JSON on the
/// wire, read by meaning: the ServiceRequest's identifier, disposition code, priority and reason codes (hazard ids),
/// the Patient's name and telecom (the person's words, decrypted), the QuestionnaireResponse's answers (choice ids,
/// the score as a decimal) and the content version its Questionnaire canonical names. The red-flag answers are not
/// itemised (the hazards travel as reasons), so that field is not yielded.
/// </summary>
internal sealed class FhirBundlePayload(string bundleJson) : IRecordedPayload
{
    /// <summary>FHIR RequestPriority → the levels it stands for, by the FHIR room's documented table.</summary>
    private static readonly Dictionary<string, string[]> LevelsOfPriority = new(StringComparer.Ordinal)
    {
        ["routine"] = ["self-care", "routine"],
        ["urgent"] = ["urgent"],
        ["stat"] = ["emergency"],
    };

    public string Name => "FHIR Bundle";

    public IEnumerable<RecordedValue> Values
    {
        get
        {
            using var document = JsonDocument.Parse(bundleJson);
            var resources = document.RootElement.GetProperty("entry").EnumerateArray()
                .Select(e => e.GetProperty("resource"))
                .ToDictionary(r => r.GetProperty("resourceType").GetString()!, r => r.Clone(), StringComparer.Ordinal);
            var request = resources["ServiceRequest"];
            var patient = resources["Patient"];
            var response = resources["QuestionnaireResponse"];

            foreach (var (type, resource) in resources)
            {
                yield return RecordedValue.Meaning(RecordedField.Reference, Strings(resource, "identifier", "value"), $"{type}.identifier");
            }

            var level = Strings(request, "code", "coding", "code");
            yield return RecordedValue.Meaning(RecordedField.Level, level, "ServiceRequest.code");
            yield return RecordedValue.Meaning(RecordedField.Level, PriorityLevel(request, level), "ServiceRequest.priority");
            yield return RecordedValue.Meaning(RecordedField.Reasons, Strings(request, "reasonCode", "coding", "code"), "ServiceRequest.reasonCode");

            yield return RecordedValue.Words(RecordedField.Name, Strings(patient, "name", "text"), "Patient.name");
            yield return RecordedValue.Words(RecordedField.Contact, Strings(patient, "telecom", "value"), "Patient.telecom");

            var canonical = response.GetProperty("questionnaire").GetString() ?? "";
            yield return RecordedValue.Meaning(RecordedField.ContentVersion, canonical[(canonical.IndexOf('|', StringComparison.Ordinal) + 1)..], "QuestionnaireResponse.questionnaire");

            IReadOnlyList<string> Answers(string promptKey) => Answer(response, promptKey["prompt.".Length..]);
            yield return RecordedValue.Meaning(RecordedField.Age, Answers(Prompt.Screen.Age), "QuestionnaireResponse");
            yield return RecordedValue.Meaning(RecordedField.PainLocation, Answers(Prompt.Pain.Location), "QuestionnaireResponse");
            yield return RecordedValue.Meaning(RecordedField.PainSpread, Answers(Prompt.Pain.Spread), "QuestionnaireResponse");
            yield return RecordedValue.Meaning(RecordedField.PainScore, Answers(Prompt.Pain.Score), "QuestionnaireResponse");
            yield return RecordedValue.Meaning(RecordedField.PainDuration, Answers(Prompt.Pain.Duration), "QuestionnaireResponse");
            yield return RecordedValue.Meaning(RecordedField.NumbnessAny, Answers(Prompt.Numbness.Any), "QuestionnaireResponse");
            yield return RecordedValue.Meaning(RecordedField.NumbnessWhere, Answers(Prompt.Numbness.Where), "QuestionnaireResponse");
            yield return RecordedValue.Meaning(RecordedField.NumbnessWorsening, Answers(Prompt.Numbness.Worsening), "QuestionnaireResponse");
            yield return RecordedValue.Meaning(RecordedField.TreatmentsTried, Answers(Prompt.Treatments.Pick), "QuestionnaireResponse");
            yield return RecordedValue.Meaning(RecordedField.TreatmentsHelped, Answers(Prompt.Treatments.Helped), "QuestionnaireResponse");
            yield return RecordedValue.Meaning(RecordedField.ContactTime, Answers(Prompt.Referral.Time), "QuestionnaireResponse");
        }
    }

    /// <summary>
    /// The level the priority stands for: urgent and stat name one level; routine stands for self-care or routine, so
    /// it reads as the coded level when that is one of them. A priority that fits neither shows as itself, and fails.
    /// </summary>
    private static string PriorityLevel(JsonElement request, IReadOnlyList<string> coded)
    {
        var priority = request.TryGetProperty("priority", out var p) ? p.GetString() ?? "" : "(none)";
        var levels = LevelsOfPriority.GetValueOrDefault(priority, []);
        return levels.Length == 1 ? levels[0] : coded is [var level] && levels.Contains(level) ? level : $"priority {priority}";
    }

    /// <summary>The answers to one item: choice codes, or the decimal as the person's number ("7", "6.5").</summary>
    private static IReadOnlyList<string> Answer(JsonElement response, string linkId)
    {
        var items = response.TryGetProperty("item", out var all) ? all.EnumerateArray().Where(i => i.GetProperty("linkId").GetString() == linkId).ToList() : [];
        return [.. items.SelectMany(i => i.GetProperty("answer").EnumerateArray()).Select(a =>
            a.TryGetProperty("valueCoding", out var coding) ? coding.GetProperty("code").GetString()!
            : a.GetProperty("valueDecimal").GetDecimal().ToString("0.#", CultureInfo.InvariantCulture))];
    }

    /// <summary>Every string at the end of a path through objects and arrays.</summary>
    private static IReadOnlyList<string> Strings(JsonElement element, params string[] path)
    {
        IEnumerable<JsonElement> current = [element];
        foreach (var name in path)
        {
            current = current.Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out _))
                .SelectMany(e => Flat(e.GetProperty(name)));
        }

        return [.. current.Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)];
    }

    /// <summary>An array's items, or the one value.</summary>
    private static JsonElement[] Flat(JsonElement element) =>
        element.ValueKind == JsonValueKind.Array ? [.. element.EnumerateArray()] : [element];
}
