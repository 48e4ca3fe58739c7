using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TriageBot.Runtime.Referrals;
using TriageBot.Storage.Sqlite;

namespace TriageBot.Host.Tests.Referrals;

/// <summary>
/// The hand-off survives the worst crash: the host is killed (SIGKILL) while the clinic's webhook is taking a referral,
/// after the clinic filed it but before the host heard back. After a restart the outbox delivers it again, with the
/// same Idempotency-Key, so the clinic files it exactly once.
/// </summary>
public sealed class KillDuringDeliveryTests : IDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(90);

    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("triagebot-kill-");

    [Fact]
    public async Task HostKilledMidDelivery_DeliversAfterRestart_AndTheClinicFilesItExactlyOnce()
    {
        await using var clinic = await WebhookReceiver.StartAsync(holdFirstAnswer: true);
        var settings = Settings(clinic.Url);
        var reference = await StoreAReferralAsync(settings["Storage:Sqlite:Path"]);

        using (var first = HostProcess.Start(settings))
        {
            await clinic.FirstArrived.WaitAsync(Generous);
            first.KillHard();
        }

        using var second = HostProcess.Start(settings);
        var row = await WaitForDeliveredAsync(settings["Storage:Sqlite:Path"], reference);

        var key = ReferralDelivery.KeyFor(reference, "webhook");
        Assert.Equal((OutboxStates.Delivered, 2), (row.State, row.Attempts));
        Assert.Equal([(key, true), (key, true)], clinic.Requests.ToArray());
        var filed = Assert.Single(clinic.Filed);
        Assert.Equal(key, filed.Key);
        using var body = JsonDocument.Parse(filed.Value);
        Assert.Equal(reference, body.RootElement.GetProperty("reference").GetString());
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("contact").ValueKind);
        Assert.DoesNotContain("Pat Doe", filed.Value, StringComparison.Ordinal);
    }

    public void Dispose() => _data.Delete(recursive: true);

    private Dictionary<string, string> Settings(Uri webhook) => new(StringComparer.Ordinal)
    {
        ["Storage:Sqlite:Path"] = Path.Combine(_data.FullName, "state.db"),
        ["Storage:DataDirectory"] = _data.FullName,
        ["DataProtection:KeysPath"] = Path.Combine(_data.FullName, "keys"),
        ["Channels:BotConnector:AllowAnonymous"] = "true",
        ["Referrals:Destinations:Webhook:Url"] = webhook.ToString(),
        ["Referrals:Destinations:Webhook:Secret"] = WebhookReceiver.Secret,
        ["Referrals:Dispatch:PollInterval"] = "00:00:00.200",
        ["Referrals:Dispatch:DeliveryTimeout"] = "00:00:04",
        ["Referrals:Dispatch:Lease"] = "00:00:05",
    };

    /// <summary>
    /// A referral as the bot stores it when a patient consents: the referral and its webhook outbox row in one
    /// transaction, contact details encrypted with the host's own key ring (in the shared data folder).
    /// </summary>
    private async Task<string> StoreAReferralAsync(string databasePath)
    {
        await using var host = await Testing.BotHost.StartAsync(
            new Dictionary<string, string?> { ["Storage:Sqlite:Path"] = databasePath }, dataFolder: _data);
        var protector = host.Services.GetRequiredService<TriageBot.Dialogs.Referrals.IReferralProtector>();
        await using var database = new SqliteStateStore(databasePath);
        var store = new SqliteReferralStore(database, new ReferralRoutes(["webhook"]));
        var referral = new ReferralRecord(
            "TB-K9K9K9K9", "subject-hash", DateTimeOffset.UtcNow, "test", "routine", """{"outcome":"routine"}""",
            protector.Protect("""{"name":"Pat Doe","contact":"pat@example.org","time":"morning"}"""));
        await store.AddAsync(referral, CancellationToken.None);
        return referral.Reference;
    }

    private static async Task<OutboxRow> WaitForDeliveredAsync(string databasePath, string reference)
    {
        await using var database = new SqliteStateStore(databasePath);
        var outbox = new SqliteReferralOutbox(database);
        using var timeout = new CancellationTokenSource(Generous);
        while (true)
        {
            var row = Assert.Single(await outbox.ListAsync(reference, timeout.Token));
            if (row.State != OutboxStates.Pending)
            {
                return row;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), timeout.Token);
        }
    }
}
