using Hl7.Fhir.Model;
using TriageBot.Content;
using TriageBot.Dialogs.Flow;
using TriageBot.Dialogs.Referrals;
using TriageBot.Fhir.Questionnaires;
using TriageBot.Runtime.Referrals;

namespace TriageBot.Fhir.Bundles;

/// <summary>
/// One referral as a FHIR R4 transaction Bundle: the Patient (name and phone or e-mail), the ServiceRequest (a
/// referral proposal with its priority, reasons, summary note and our reference number) and the QuestionnaireResponse
/// (the answers). Every entry is a conditional create on our reference (<c>If-None-Exist: identifier=…</c>), so
/// delivering the same referral twice leaves one of each at the clinic.
/// </summary>
internal sealed class ReferralBundle(IContentCatalog content, FhirReferralOptions options)
{
    /// <summary>SNOMED CT 3457005 "Patient referral": the category FHIR's ServiceRequest example binding gives a referral.</summary>
    private static readonly Coding ReferralCategory = new("http://snomed.info/sct", "3457005", "Patient referral");

    private readonly FhirCanonicals _canonicals = new(options.CanonicalBase);

    public Bundle Create(ReferralRecord referral, TriageState triage, ReferralContact contact)
    {
        ArgumentNullException.ThrowIfNull(referral);
        ArgumentNullException.ThrowIfNull(triage);
        ArgumentNullException.ThrowIfNull(contact);
        var identifier = new Identifier(options.IdentifierSystem, referral.Reference);
        var patientUrl = FullUrls.For(referral.Reference, nameof(Patient));
        var responseUrl = FullUrls.For(referral.Reference, nameof(QuestionnaireResponse));
        var patient = new Patient
        {
            Identifier = [new Identifier(options.IdentifierSystem, referral.Reference) { Use = Identifier.IdentifierUse.Secondary }],
            Name = [new HumanName { Text = contact.Name }],
            Telecom = [Telecom(contact.Contact)],
        };
        var response = TriageResponse.Create(content, _canonicals, options.Locale, triage, contact.Time);
        response.Identifier = new Identifier(options.IdentifierSystem, referral.Reference);
        response.Subject = new ResourceReference(patientUrl);
        response.Authored = new FhirDateTime(referral.CreatedUtc.ToUniversalTime()).Value;
        var request = new ServiceRequest
        {
            Identifier = [identifier],
            Status = RequestStatus.Active,
            Intent = RequestIntent.Proposal,
            Category = [new CodeableConcept { Coding = [ReferralCategory] }],
            Priority = DispositionCodes.Priority(referral.Disposition),
            Code = Requested(referral.Disposition),
            Subject = new ResourceReference(patientUrl),
            AuthoredOn = response.Authored,
            ReasonCode = [.. triage.Hazards.Select(h => new CodeableConcept(_canonicals.Hazards, h, content.HazardName(h), content.HazardName(h)))],
            SupportingInfo = [new ResourceReference(responseUrl)],
            Note = [new Annotation { Text = ClinicNote.Write(content, options.Locale, triage, contact.Time) }],
        };

        return new Bundle
        {
            Type = Bundle.BundleType.Transaction,
            Entry =
            [
                Entry(patientUrl, patient, referral.Reference),
                Entry(FullUrls.For(referral.Reference, nameof(ServiceRequest)), request, referral.Reference),
                Entry(responseUrl, response, referral.Reference),
            ],
        };
    }

    /// <summary>What is asked for: the disposition, coded, with its short name from content ("See someone today").</summary>
    private CodeableConcept? Requested(string disposition) =>
        DispositionCodes.OutcomeNameKey(disposition) is { } key
            ? new CodeableConcept(_canonicals.Dispositions, disposition, content.Text(key, options.Locale), content.Text(key, options.Locale))
            : null;

    private static ContactPoint Telecom(string contact) => new(
        ContactValidator.IsEmail(contact) ? ContactPoint.ContactPointSystem.Email : ContactPoint.ContactPointSystem.Phone,
        null,
        contact.Trim());

    private Bundle.EntryComponent Entry(string fullUrl, Resource resource, string reference) => new()
    {
        FullUrl = fullUrl,
        Resource = resource,
        Request = new Bundle.RequestComponent
        {
            Method = Bundle.HTTPVerb.POST,
            Url = resource.TypeName,
            IfNoneExist = $"identifier={Uri.EscapeDataString(options.IdentifierSystem)}|{Uri.EscapeDataString(reference)}",
        },
    };
}
