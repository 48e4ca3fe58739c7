using Microsoft.Extensions.DependencyInjection;
using TriageBot.Content;
using TriageBot.Runtime.Referrals;
using TriageBot.Testing;
using TriageBot.Testing.DirectLine;
using TriageBot.Testing.Fhir;
using TriageBot.Testing.Identity;
using TriageBot.Testing.Teams;

namespace TriageBot.Host.Tests.Referrals;

/// <summary>
/// The real app as a clinic runs it with every destination at once, each a real server on loopback: the clinic's
/// Teams channel (<see cref="FakeTeamsConnector"/>, which checks the bot's outbound token), its FHIR server with an
/// OAuth 2.0 token endpoint (<see cref="FakeFhirServer"/>, which validates each Bundle with Firely), and its webhook
/// (<see cref="WebhookReceiver"/>, which checks each signature). Patients come in over Direct Line, as Web Chat does;
/// the app's own <c>ReferralDispatchService</c> delivers, polling every 200 ms, on real SQLite.
/// </summary>
internal sealed class ClinicDestinations : IAsyncDisposable
{
    public const string AppId = "3c8e1f4a-6b2d-4e9a-8f1c-5d7b9a2e4c60";

    /// <summary>Clinic staff on the allow-list.</summary>
    public static readonly StaffMember Nurse = new("29:nurse", "0b6a3c1e-4444-4a2b-8c3d-4e5f6a7b8c9d", "Nina Nurse");

    private ClinicDestinations(FakeIdentityServer identity, FakeTeamsConnector teams, FakeFhirServer fhir, WebhookReceiver webhook, BotHost bot)
    {
        Identity = identity;
        Teams = teams;
        Fhir = fhir;
        Webhook = webhook;
        Bot = bot;
    }

    public FakeIdentityServer Identity { get; }

    public FakeTeamsConnector Teams { get; }

    public FakeFhirServer Fhir { get; }

    public WebhookReceiver Webhook { get; }

    public BotHost Bot { get; }

    public IContentCatalog Content => Bot.Services.GetRequiredService<IContentCatalog>();

    public IReferralStore Referrals => Bot.Services.GetRequiredService<IReferralStore>();

    public IReferralOutbox Outbox => Bot.Services.GetRequiredService<IReferralOutbox>();

    public static async Task<ClinicDestinations> StartAsync()
    {
        var identity = await FakeIdentityServer.StartAsync();
        identity.SignedAccessTokens = true;
        var teams = await FakeTeamsConnector.StartAsync(identity);
        var fhir = await FakeFhirServer.StartAsync();
        var webhook = await WebhookReceiver.StartAsync(holdFirstAnswer: false);
        var settings = identity.BotConfiguration(AppId);
        foreach (var (key, value) in teams.ClinicChannelSettings(Nurse))
        {
            settings[key] = value;
        }

        settings["Channels:BotConnector:AllowAnonymous"] = "false";
        settings["Channels:DirectLine:Secret"] = DirectLineHost.Secret;
        settings["Referrals:Fhir:BaseUrl"] = fhir.FhirBase.ToString();
        settings["Referrals:Fhir:TokenEndpoint"] = fhir.TokenEndpoint.ToString();
        settings["Referrals:Fhir:ClientId"] = FakeFhirServer.ClientId;
        settings["Referrals:Fhir:ClientSecret"] = FakeFhirServer.ClientSecret;
        settings["Referrals:Destinations:Webhook:Url"] = webhook.Url.ToString();
        settings["Referrals:Destinations:Webhook:Secret"] = WebhookReceiver.Secret;
        settings["Referrals:Dispatch:PollInterval"] = "00:00:00.200";
        var bot = await BotHost.StartAsync(settings, FakeIdentityServer.TrustHttpMetadata);
        return new ClinicDestinations(identity, teams, fhir, webhook, bot);
    }

    /// <summary>A patient with Web Chat open on the clinic's page (Direct Line, en-GB).</summary>
    public DirectLinePatient Patient(DirectLineClient client) => new(client, "dl_" + Guid.NewGuid().ToString("N")) { Locale = "en-GB" };

    /// <summary>A staff member clicks <paramref name="verb"/> on the card the bot posted.</summary>
    public Task<InvokeAnswer> ClickAsync(CreatedConversation post, string verb, string reference) =>
        Teams.ClickAsync(Bot.MessagesUrl, AppId, post, Nurse, verb, new System.Text.Json.Nodes.JsonObject { ["reference"] = reference });

    /// <summary>The outbox rows of <paramref name="reference"/> once none is pending (each delivered or dead).</summary>
    public async Task<IReadOnlyList<OutboxRow>> SettledAsync(string reference, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            var rows = await Outbox.ListAsync(reference, cancel.Token);
            if (rows.Count > 0 && rows.All(r => r.State != OutboxStates.Pending))
            {
                return rows;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancel.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Webhook.DisposeAsync();
        await Fhir.DisposeAsync();
        await Teams.DisposeAsync();
        await Identity.DisposeAsync();
    }
}
