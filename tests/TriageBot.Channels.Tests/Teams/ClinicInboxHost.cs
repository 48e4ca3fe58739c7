using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TriageBot.Dialogs.Referrals;
using TriageBot.Runtime.ClinicInbox;
using TriageBot.Runtime.Referrals;
using TriageBot.Testing;
using TriageBot.Testing.Identity;
using TriageBot.Testing.Teams;

namespace TriageBot.Channels.Tests.Teams;

/// <summary>
/// The real app with its clinic inbox on, authenticated (a real app id and secret against the fake identity server,
/// which signs the bot's outbound tokens), pointed at a <see cref="FakeTeamsConnector"/> as the clinic's channel,
/// on real SQLite. Staff: <see cref="Alice"/> and <see cref="Bob"/> on the allow-list; <see cref="Mallory"/> in the
/// tenant but not staff; <see cref="Outsider"/> on the allow-list's id but from another tenant.
/// </summary>
internal sealed class ClinicInboxHost : IAsyncDisposable
{
    public const string AppId = "5b1f0c2e-8d3a-4f6b-9e7c-1a2b3c4d5e6f";

    public static readonly StaffMember Alice = new("29:alice", "0b6a3c1e-1111-4a2b-8c3d-4e5f6a7b8c9d", "Alice Nurse");
    public static readonly StaffMember Bob = new("29:bob", "0b6a3c1e-2222-4a2b-8c3d-4e5f6a7b8c9d", "Bob Physio");
    public static readonly StaffMember Mallory = new("29:mallory", "0b6a3c1e-3333-4a2b-8c3d-4e5f6a7b8c9d", "Mallory Visitor");
    public static readonly StaffMember Outsider = new("29:outsider", Alice.AadObjectId, "Alice Elsewhere", "11111111-2222-3333-4444-555555555555");

    private ClinicInboxHost(FakeIdentityServer identity, FakeTeamsConnector teams, BotHost bot)
    {
        Identity = identity;
        Teams = teams;
        Bot = bot;
    }

    public FakeIdentityServer Identity { get; }

    public FakeTeamsConnector Teams { get; }

    public BotHost Bot { get; }

    public IReferralStore Referrals => Bot.Services.GetRequiredService<IReferralStore>();

    public IClinicInboxStore Inbox => Bot.Services.GetRequiredService<IClinicInboxStore>();

    public IReferralProtector Protector => Bot.Services.GetRequiredService<IReferralProtector>();

    public IReferralDestination Destination =>
        Bot.Services.GetServices<IReferralDestination>().Single(d => d.Name == Dialogs.Clinic.TeamsChannelDestination.DestinationName);

    public static async Task<ClinicInboxHost> StartAsync(IDictionary<string, string?>? extra = null)
    {
        var identity = await FakeIdentityServer.StartAsync();
        identity.SignedAccessTokens = true;
        var teams = await FakeTeamsConnector.StartAsync(identity);
        var settings = identity.BotConfiguration(AppId);
        settings["Channels:BotConnector:AllowAnonymous"] = "false";
        foreach (var (key, value) in teams.ClinicChannelSettings(Alice, Bob))
        {
            settings[key] = value;
        }

        settings["Clinic:Teams:PageSize"] = "2";
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        try
        {
            // These tests hand each referral to the channel themselves (DeliverAsync), attempt by attempt. With the
            // channel routed, the outbox dispatcher would deliver the same referral in the background whenever its
            // pass ran, and could take a 429 or a lost answer meant for the test's own attempt: nothing is routed.
            var bot = await BotHost.StartAsync(settings, services =>
            {
                FakeIdentityServer.TrustHttpMetadata(services);
                services.AddSingleton(ReferralRoutes.None);
            });
            return new ClinicInboxHost(identity, teams, bot);
        }
        catch
        {
            // A host that refuses to start leaves no servers behind.
            await teams.DisposeAsync();
            await identity.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stores a referral as the referral dialog does (contact details encrypted) and returns it.</summary>
    public async Task<ReferralRecord> StoreReferralAsync(string reference, DateTimeOffset? created = null)
    {
        var details = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["name"] = PatientName,
            ["contact"] = PatientContact,
            ["time"] = "morning",
        });
        var referral = new ReferralRecord(
            reference, "subject-" + reference, created ?? DateTimeOffset.UtcNow, "test", "urgent", SummaryJson, Protector.Protect(details));
        await Referrals.AddAsync(referral, CancellationToken.None);
        return referral;
    }

    public const string PatientName = "Jane Patient";
    public const string PatientContact = "07700 900123";

    /// <summary>Answers as the triage stores them: choice ids, a score, findings (an age band), hazards.</summary>
    public const string SummaryJson = """
        {"findings":["age.50-to-69","age.50-plus","pain.location.lower-back"],
         "pain":{"location":"lower-back","spread":"one-leg","score":7,"duration":"6-to-12-weeks","triggers":null},
         "numbness":{"any":"yes","places":["leg-foot"],"worsening":"no"},
         "treatments":{"tried":["painkillers","physio"],"helped":"a-little"},
         "outcome":"urgent","hazards":["HAZ-NEURO"]}
        """;

    public Task DeliverAsync(ReferralRecord referral, int attempt = 1) =>
        Destination.DeliverAsync(
            new ReferralDelivery(referral, Dialogs.Clinic.TeamsChannelDestination.DestinationName,
                ReferralDelivery.KeyFor(referral.Reference, Dialogs.Clinic.TeamsChannelDestination.DestinationName), attempt),
            CancellationToken.None);

    public Task<InvokeAnswer> ClickAsync(CreatedConversation post, StaffMember who, string verb, string reference, string trigger = "manual", string? note = null)
    {
        var data = new System.Text.Json.Nodes.JsonObject { ["reference"] = reference };
        if (note is not null)
        {
            data["note"] = note;
        }

        return Teams.ClickAsync(Bot.MessagesUrl, AppId, post, who, verb, data, trigger);
    }

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Teams.DisposeAsync();
        await Identity.DisposeAsync();
    }
}
