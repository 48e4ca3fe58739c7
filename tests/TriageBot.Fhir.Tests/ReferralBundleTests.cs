using Hl7.Fhir.Model;
using TriageBot.Fhir.Tests.Support;
using TriageBot.Testing.Fhir;

namespace TriageBot.Fhir.Tests;

/// <summary>What the clinic's records receive for a referral: a valid FHIR R4 transaction that says what it should.</summary>
public sealed class ReferralBundleTests
{
    public static TheoryData<string, string> LevelsAndLocales()
    {
        var data = new TheoryData<string, string>();
        foreach (var level in Referrals.Levels)
        {
            foreach (var locale in Referrals.Locales)
            {
                data.Add(level, locale);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(LevelsAndLocales))]
    public void ReferralBundle_AtEveryLevelInEitherLocale_ValidatesAgainstTheR4CoreProfiles(string level, string locale)
    {
        var bundle = TestBundles.For(Referrals.Record(level), locale);

        var errors = CoreProfiles.Errors(bundle);

        Assert.True(errors.Count == 0, $"{level} {locale}:\n{string.Join("\n", errors)}\n{FhirJson.Serialize(bundle, indented: true)}");
    }

    [Theory]
    [InlineData("self-care", RequestPriority.Routine)]
    [InlineData("routine", RequestPriority.Routine)]
    [InlineData("urgent", RequestPriority.Urgent)]
    [InlineData("emergency", RequestPriority.Stat)]
    public void ServiceRequestPriority_FollowsTheDisposition(string level, RequestPriority priority)
    {
        var request = TestBundles.For(Referrals.Record(level)).Single<ServiceRequest>();

        Assert.Equal(priority, request.Priority);
    }

    [Fact]
    public void ServiceRequest_IsAReferralProposal_ForThePatient_WithOurReferenceAndTheAnswers()
    {
        var bundle = TestBundles.For(Referrals.Record("urgent"));
        var request = bundle.Single<ServiceRequest>();
        var patientEntry = bundle.Entry.Single(e => e.Resource is Patient);
        var responseEntry = bundle.Entry.Single(e => e.Resource is QuestionnaireResponse);

        Assert.Equal(Bundle.BundleType.Transaction, bundle.Type);
        Assert.Equal(RequestStatus.Active, request.Status);
        Assert.Equal(RequestIntent.Proposal, request.Intent);
        Assert.Equal("3457005", request.Category.Single().Coding.Single().Code);
        Assert.Equal(("https://triagebot.example/fhir/referral-reference", "TB-7K2M9QXA"), (request.Identifier.Single().System, request.Identifier.Single().Value));
        Assert.Equal(patientEntry.FullUrl, request.Subject.Reference);
        Assert.Equal(responseEntry.FullUrl, request.SupportingInfo.Single().Reference);
        Assert.Equal("2026-12-07T14:30:00+00:00", request.AuthoredOn);
        Assert.Equal("HAZ-INFECTION", request.ReasonCode.Single().Coding.Single().Code);
        Assert.Equal("signs that could mean an infection", request.ReasonCode.Single().Text);
        Assert.Equal("See someone today", request.Code?.Text);
    }

    [Fact]
    public void EveryEntry_IsAConditionalCreateOnOurReference_SoASecondDeliveryCreatesNothing()
    {
        var bundle = TestBundles.For(Referrals.Record("routine"));

        Assert.All(bundle.Entry, e =>
        {
            Assert.Equal(Bundle.HTTPVerb.POST, e.Request?.Method);
            Assert.Equal(e.Resource?.TypeName, e.Request?.Url);
            Assert.Equal("identifier=https%3A%2F%2Ftriagebot.example%2Ffhir%2Freferral-reference|TB-7K2M9QXA", e.Request?.IfNoneExist);
            Assert.StartsWith("urn:uuid:", e.FullUrl, StringComparison.Ordinal);
        });
        Assert.Equal(FhirJson.Serialize(bundle), FhirJson.Serialize(TestBundles.For(Referrals.Record("routine"))));
    }

    [Theory]
    [InlineData("sam.jones@example.com", ContactPoint.ContactPointSystem.Email)]
    [InlineData("07700 900123", ContactPoint.ContactPointSystem.Phone)]
    public void Patient_HasTheNameAndTheContactTheyGave(string contact, ContactPoint.ContactPointSystem system)
    {
        var patient = TestBundles.For(Referrals.Record("routine", contact: contact)).Single<Patient>();

        Assert.Equal("Sam Jones", patient.Name.Single().Text);
        Assert.Equal((system, contact), (patient.Telecom.Single().System, patient.Telecom.Single().Value));
    }

    [Fact]
    public void Note_IsThePlainSummaryFromContent_AndNothingThePersonTyped()
    {
        var bundle = TestBundles.For(Referrals.Record("routine"));
        var note = bundle.Single<ServiceRequest>().Note.Single().Text ?? string.Empty;

        Assert.Contains("Advice given: Book an appointment", note, StringComparison.Ordinal);
        Assert.Contains("Pain: Lower back. Spreads to: Into one leg. Pain score: 6 out of 10. How long: Over 12 weeks.", note, StringComparison.Ordinal);
        Assert.Contains("Treatments tried: Painkillers, Physiotherapy. Did they help: No.", note, StringComparison.Ordinal);
        Assert.Contains("Best time to contact you: Morning", note, StringComparison.Ordinal);
        Assert.DoesNotContain(Referrals.TypedWords, FhirJson.Serialize(bundle), StringComparison.Ordinal);
    }

    [Fact]
    public void Note_InEnUs_UsesTheUsWording()
    {
        var note = TestBundles.For(Referrals.Record("routine"), "en-US").Single<ServiceRequest>().Note.Single().Text ?? string.Empty;

        Assert.Contains("Physical therapy", note, StringComparison.Ordinal);
    }

    [Fact]
    public void TheValidator_RejectsABundleThatBreaksTheCoreProfiles()
    {
        var bundle = TestBundles.For(Referrals.Record("urgent"));
        var request = bundle.Single<ServiceRequest>();
        request.Intent = null;
        request.Subject = null!;

        var errors = CoreProfiles.Errors(bundle);

        Assert.Contains(errors, e => e.Contains("intent", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(errors, e => e.Contains("subject", StringComparison.OrdinalIgnoreCase));
    }
}
