namespace TriageBot.Fhir;

/// <summary>Our canonical URLs, all under the configured base, so a deployment can publish them where it likes.</summary>
internal sealed record FhirCanonicals(string Base)
{
    public string Questionnaire => $"{Base.TrimEnd('/')}/Questionnaire/triage";

    /// <summary>The answer codes of one question: its choice ids (<c>…/CodeSystem/pain.location</c>).</summary>
    public string Answers(string linkId) => $"{Base.TrimEnd('/')}/CodeSystem/{linkId}";

    /// <summary>The hazard ids of the hazard log (<c>HAZ-CES</c>), as a ServiceRequest's reasons.</summary>
    public string Hazards => $"{Base.TrimEnd('/')}/CodeSystem/hazard";

    /// <summary>The disposition levels (<c>emergency</c>, <c>urgent</c>, <c>routine</c>, <c>self-care</c>).</summary>
    public string Dispositions => $"{Base.TrimEnd('/')}/CodeSystem/disposition";
}
