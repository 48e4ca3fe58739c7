using System.Text.Json;
using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using TriageBot.Runtime.Referrals;
using TriageBot.Schema;
using TriageBot.Testing.DirectLine;
using TriageBot.Testing.Fhir;
using Task = System.Threading.Tasks.Task;

namespace TriageBot.Host.Tests.Referrals;

/// <summary>
/// A referral's whole journey through the real host, with nothing called by hand: a patient on the clinic's web page
/// is triaged, consents, and the app's own dispatcher takes the referral to the clinic's Teams channel, its FHIR
/// server and its webhook, each once; staff act on the card in Teams; the patient, still in the same chat, hears it.
/// </summary>
public sealed partial class ReferralEndToEndTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);
    private const string PatientName = "Pat Doe";
    private const string PatientEmail = "pat@example.org";

    [Fact]
    public async Task ConsentedReferral_ReachesTeamsFhirAndWebhookOnce_AndThePatientHearsWhenTheClinicHasContactedThem()
    {
        await using var clinic = await ClinicDestinations.StartAsync();
        using var client = new DirectLineClient(clinic.Bot.BaseAddress);
        var patient = clinic.Patient(client);
        using var cancel = new CancellationTokenSource(Generous);

        // A fever with the back pain: "see someone today", with the infection warning sign.
        await WalkToTheReferralOfferAsync(clinic, patient, cancel.Token);
        await patient.SubmitAsync(
            JsonSerializer.SerializeToElement(new { kind = "triage.referral", name = PatientName, contact = PatientEmail, time = "morning", consent = "true" }),
            cancel.Token);
        var reference = Reference().Match(string.Join('\n', BotTexts(patient))).Value;
        Assert.False(string.IsNullOrEmpty(reference), "The bot gave no reference:\n" + string.Join('\n', BotTexts(patient)));

        var rows = await clinic.SettledAsync(reference, Generous);

        Assert.Equal(
            [("fhir", OutboxStates.Delivered, 1), ("teams-channel", OutboxStates.Delivered, 1), ("webhook", OutboxStates.Delivered, 1)],
            rows.Select(r => (r.Destination, r.State, r.Attempts)).OrderBy(r => r.Destination, StringComparer.Ordinal));

        // Teams: one new thread in the clinic's channel, posted with the bot's own token, naming no one.
        var post = Assert.Single(clinic.Teams.Created);
        Assert.Empty(clinic.Teams.RefusedCalls);
        Assert.Equal(Testing.Teams.FakeTeamsConnector.ChannelId, post.ChannelId);
        var facts = Facts(post.Card);
        Assert.Equal(reference, facts[Text(clinic, "clinic.card.reference")]);
        Assert.Equal(Text(clinic, "outcome.urgent"), facts[Text(clinic, "clinic.card.level")]);
        Assert.Equal(clinic.Content.HazardName("HAZ-INFECTION"), facts[Text(clinic, "clinic.card.hazards")]);
        Assert.DoesNotContain(PatientName, post.Card.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(PatientEmail, post.Card.ToJsonString(), StringComparison.Ordinal);

        // FHIR: one transaction, a valid R4 Bundle, sent with a client-credentials token.
        var bundle = Assert.Single(clinic.Fhir.Transactions);
        Assert.Empty(CoreProfiles.Errors(bundle));
        var request = Assert.Single(clinic.Fhir.Stored<ServiceRequest>());
        Assert.Equal(reference, request.Identifier.Single().Value);
        Assert.Equal(RequestPriority.Urgent, request.Priority);
        Assert.Equal(PatientName, Assert.Single(clinic.Fhir.Stored<Patient>()).Name.Single().Text);
        Assert.Equal(1, clinic.Fhir.TokensIssued);

        // Webhook: one POST, signed, carrying the delivery's key.
        Assert.Equal([(ReferralDelivery.KeyFor(reference, "webhook"), true)], clinic.Webhook.Requests.ToArray());

        // The clinic acts on the card in Teams; the patient asks in the chat they never left.
        Assert.Equal(200, (await clinic.ClickAsync(post, "Claim", reference)).Status);
        Assert.Equal(200, (await clinic.ClickAsync(post, "MarkContacted", reference)).Status);
        await patient.AnswerAsync(["what happened to my request?"], cancel.Token);

        Assert.Equal(
            clinic.Content.Text("referral.status.contacted", "en-GB", new Dictionary<string, string> { ["reference"] = reference }),
            BotTexts(patient)[^1]);
        Assert.Equal(ReferralStatuses.Contacted, (await clinic.Referrals.FindAsync(reference, cancel.Token))!.Status);
        Assert.Single(clinic.Teams.Created);
        Assert.Single(clinic.Fhir.Transactions);
        Assert.Single(clinic.Webhook.Requests);
    }

    /// <summary>
    /// Consent and age, then the warning-sign screen answered by what it asks (yes to the fever question, no to the
    /// rest, however many follow-ups a yes brings), the pain, no treatments, no reading, and yes to the offer.
    /// </summary>
    private static async Task WalkToTheReferralOfferAsync(ClinicDestinations clinic, DirectLinePatient patient, CancellationToken cancellationToken)
    {
        await patient.BeginAsync(cancellationToken);
        await patient.AnswerAsync(["Yes, 16 or over", "45 to 49", "Lower back", "That's all"], cancellationToken);
        var fever = clinic.Content.Prompt("prompt.redflag.fever", "en-GB").Text;
        var painSpread = clinic.Content.Prompt("prompt.pain.spread", "en-GB").Text;
        for (var asked = 0; !LastQuestion(patient).StartsWith(painSpread, StringComparison.Ordinal); asked++)
        {
            Assert.True(asked < 40, "The screen never reached the pain questions:\n" + string.Join('\n', BotTexts(patient)));
            await patient.AnswerAsync([LastQuestion(patient).StartsWith(fever, StringComparison.Ordinal) ? "Yes" : "No"], cancellationToken);
        }

        await patient.AnswerAsync(["Into one leg", "5", "Over 12 weeks", "No", "Skip", "No", "None of these", "Done", "Yes, please"], cancellationToken);
    }

    private static string LastQuestion(DirectLinePatient patient) =>
        patient.Transcript.LastOrDefault(a => a.From?.Role == RoleTypes.Bot && a.Type == ActivityTypes.Message && a.Text is not null)?.Text ?? "";

    private static List<string> BotTexts(DirectLinePatient patient) =>
        [.. patient.Transcript.Where(a => a.From?.Role == RoleTypes.Bot && a.Type == ActivityTypes.Message && a.Text is not null).Select(a => a.Text!)];

    private static string Text(ClinicDestinations clinic, string key) => clinic.Content.Text(key, "en-GB");

    private static Dictionary<string, string> Facts(System.Text.Json.Nodes.JsonObject card) =>
        card["body"]!.AsArray()
            .Where(e => e!["type"]!.GetValue<string>() == "FactSet")
            .SelectMany(e => e!["facts"]!.AsArray())
            .ToDictionary(f => f!["title"]!.GetValue<string>(), f => f!["value"]!.GetValue<string>(), StringComparer.Ordinal);

    [GeneratedRegex("TB-[A-Z0-9]{8}")]
    private static partial Regex Reference();
}
