using Xunit.Abstractions;
using static TriageBot.Dialogs.ContentKeys;

namespace TriageBot.Dialogs.Tests.Recorded;

/// <summary>
/// What was recorded is what was said (issue 13, item 3): one whole triage per disposition level and locale, in Web
/// Chat over real HTTP to the real host with its SQLite file, with answers distinctive enough that a mix-up cannot
/// pass. The summary shown, the <c>triage.outcome</c> event, the stored referral (decrypted), and, when a referral was
/// stored, the clinic's Teams card and the FHIR Bundle built from it are compared field by field with what the person
/// said (<see cref="RecordedAssert"/>); a failure prints every field and the conversation.
/// </summary>
public sealed class WhatWasRecordedIsWhatWasSaidTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("en-GB")]
    [InlineData("en-US")]
    public async Task Emergency_NumbnessThatReachesBetweenTheLegs_SummaryAndOutcomeRecordEachAnswer_AndNoReferralIsOfferedOrStored(string locale)
    {
        var says = new PatientSays
        {
            Locale = locale,
            Age = "50 to 69",
            Pain = new("Lower back", "Into one leg", Score: "7", For: "6 to 12 weeks"),
            NumbIn = ["Leg or foot", "Between your legs"],
        };

        await using var triage = await WebChatTriage.RunAsync(says);

        Assert.DoesNotContain(triage.Answers, a => a.Question == Prompt.Referral.Offer);
        await ShouldHaveRecordedAsync(triage, level: "emergency", reasons: ["HAZ-CES"]);
    }

    [Theory]
    [InlineData("en-GB")]
    [InlineData("en-US")]
    public async Task Urgent_FeverAndNightPain_SummaryOutcomeAndDecryptedCardReferralRecordEachAnswer(string locale)
    {
        var says = new PatientSays
        {
            Locale = locale,
            Age = "45 to 49",
            YesTo = [Prompt.RedFlag.Fever, Prompt.RedFlag.NightPain],
            Pain = new("Neck", "Into an arm", Score: "7", For: "Over 12 weeks"),
            Tried = ["Painkillers", Physio(locale)],
            Helped = "A little",
            Referral = new("Grace Hopper-Test", "grace.hopper-test@example.org", "Evening", ByCard: true),
        };

        await using var triage = await WebChatTriage.RunAsync(says);

        await ShouldHaveRecordedAsync(triage, level: "urgent", reasons: ["HAZ-INFECTION", "HAZ-CANCER"]);
    }

    [Theory]
    [InlineData("en-GB", "07700 900461")]
    [InlineData("en-US", "(555) 555-0142")]
    public async Task Routine_SciaticaOverTwelveWeeks_SummaryOutcomeAndDecryptedTypedReferralRecordEachAnswer(string locale, string phone)
    {
        var says = new PatientSays
        {
            Locale = locale,
            Age = "16 to 44",
            Pain = new("Lower back", "Into one leg", Score: "7", For: "Over 12 weeks"),
            InflammatoryPattern = "No",
            NumbIn = ["Leg or foot"],
            NumbnessWorsening = "No",
            Tried = ["Painkillers", "Acupuncture"],
            Helped = "No",
            Referral = new("Ada Lovelace-Test", phone, "Morning", ByCard: false),
        };

        await using var triage = await WebChatTriage.RunAsync(says);

        await ShouldHaveRecordedAsync(triage, level: "routine", reasons: []);
    }

    [Theory]
    [InlineData("en-GB", "+44 7700 900982")]
    [InlineData("en-US", "+1 555 555 0199")]
    public async Task SelfCare_NewBackPainThatTreatmentHelped_SummaryOutcomeAndDecryptedCardReferralRecordEachAnswer(string locale, string phone)
    {
        var says = new PatientSays
        {
            Locale = locale,
            Age = "70 or over",
            Pain = new("Lower back", "Doesn't spread", Score: "7", For: "Under 6 weeks"),
            Tried = [Physio(locale), "TENS machine"],
            Helped = "Yes",
            Referral = new("Mary Somerville-Test", phone, "Afternoon", ByCard: true),
        };

        await using var triage = await WebChatTriage.RunAsync(says);

        await ShouldHaveRecordedAsync(triage, level: "self-care", reasons: []);
    }

    /// <summary>The treatment's button reads "Physiotherapy" in en-GB and "Physical therapy" in en-US.</summary>
    private static string Physio(string locale) => locale == "en-US" ? "Physical therapy" : "Physiotherapy";

    /// <summary>Compares every payload with what was said, and shows the table of fields compared.</summary>
    private async Task ShouldHaveRecordedAsync(WebChatTriage triage, string level, IReadOnlyList<string> reasons)
    {
        using var timeout = new CancellationTokenSource(WebChatTriage.Generous);
        var payloads = await WhatTheBotRecorded.ReadAsync(triage, timeout.Token);
        var said = WhatWasSaid.From(triage.Answers, triage.Locale, triage.Content, level, reasons, triage.ShownReference);
        output.WriteLine(RecordedAssert.SameAsSaid(said, payloads, triage.Transcript));
    }
}
