using Hl7.Fhir.Model;
using TriageBot.Fhir.Bundles;
using TriageBot.Runtime.Referrals;

namespace TriageBot.Fhir.Tests.Support;

/// <summary>Builds Bundles the way the destination does: the stored record, decrypted, through <see cref="ReferralBundle"/>.</summary>
internal static class TestBundles
{
    public static FhirReferralOptions Options(string locale = "en-GB") => new() { Locale = locale };

    public static Bundle For(ReferralRecord referral, string locale = "en-GB") =>
        new ReferralBundle(Referrals.Content, Options(locale))
            .Create(referral, ReferralContact.Triage(referral), ReferralContact.Read(referral, new TestProtector()));

    public static T Single<T>(this Bundle bundle)
        where T : Resource => bundle.Entry.Select(e => e.Resource).OfType<T>().Single();
}
