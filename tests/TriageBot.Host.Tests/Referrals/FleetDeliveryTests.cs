using Microsoft.AspNetCore.DataProtection;
using TriageBot.Runtime.Referrals;
using TriageBot.Storage.Postgres;
using TriageBot.Testing.Postgres;

namespace TriageBot.Host.Tests.Referrals;

/// <summary>
/// Two TriageBot processes on one PostgreSQL database deliver referrals to one clinic webhook, as a fleet does: each
/// referral reaches the clinic exactly once whichever instance sends it, both instances send (at the same time), and
/// when the instance sending one is killed with SIGKILL after the clinic filed it but before it heard back, the other
/// instance sends it again once the lease has run out, with the same Idempotency-Key, so the clinic files it once.
/// </summary>
public sealed class FleetDeliveryTests : IAsyncLifetime
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(90);

    /// <summary>How long the first delivery waits for one from the other instance; shorter than the delivery timeout.</summary>
    private static readonly TimeSpan MeetingPatience = TimeSpan.FromSeconds(5);

    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("triagebot-fleet-delivery-");
    private PostgresCluster _cluster = null!;

    private string KeysPath => Path.Combine(_data.FullName, "keys");
    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        _cluster = await PostgresCluster.StartAsync();
        _connectionString = await _cluster.CreateDatabaseAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        _data.Delete(recursive: true);
    }

    [Fact]
    public async Task TwoInstances_DeliverEachReferralExactlyOnce_AndOneKilledMidDelivery_IsCoveredByTheOtherAfterTheLease()
    {
        await using var clinic = await WebhookReceiver.StartAsync(holdFirstAnswer: false);
        var firstSender = "";
        var otherSenderArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        clinic.BeforeAnswer = async (arrival, aborted) =>
        {
            // The first delivery is held until one arrives from the other instance: both are delivering at once.
            if (Interlocked.CompareExchange(ref firstSender, arrival.Via, "") == "")
            {
                await otherSenderArrived.Task.WaitAsync(MeetingPatience, aborted).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            else if (arrival.Via != Volatile.Read(ref firstSender))
            {
                otherSenderArrived.TrySetResult();
            }
        };
        var instances = new Dictionary<string, Task<BotProcess>>(StringComparer.Ordinal) { ["a"] = Start("a", clinic.Url), ["b"] = Start("b", clinic.Url) };
        try
        {
            await Task.WhenAll(instances.Values);
            await using var database = new PostgresDatabase(_connectionString);
            var store = new PostgresReferralStore(database, new ReferralRoutes(["webhook"]));
            var outbox = new PostgresReferralOutbox(database);
            var contact = ProtectWithTheFleetsKeyRing("""{"name":"Pat Doe","contact":"pat@example.org","time":"morning"}""");

            var references = await StoreReferralsAsync(store, contact, 6);
            await WaitUntilDeliveredAsync(outbox, references);

            Assert.True(otherSenderArrived.Task.IsCompleted, $"Both instances must have delivered at the same time; senders in order: {string.Join(",", clinic.Senders.Select(s => s.Via))}.");
            var keys = references.Select(r => ReferralDelivery.KeyFor(r, "webhook")).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(keys, clinic.Senders.Select(s => s.Key).Order(StringComparer.Ordinal));
            Assert.Equal(keys, clinic.Filed.Keys.Order(StringComparer.Ordinal));
            Assert.Equal(["a", "b"], clinic.Senders.Select(s => s.Via).Distinct().Order(StringComparer.Ordinal));

            // Now the next delivery is filed and never answered: its sender is killed while it waits.
            var held = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            clinic.BeforeAnswer = (arrival, aborted) => held.TrySetResult(arrival.Via)
                ? Task.Delay(Timeout.Infinite, aborted)
                : Task.CompletedTask;
            var last = (await StoreReferralsAsync(store, contact, 1)).Single();
            var killed = await held.Task.WaitAsync(Generous);
            await (await instances[killed]).KillAsync();
            var survivor = killed == "a" ? "b" : "a";
            await WaitUntilDeliveredAsync(outbox, [last]);

            var key = ReferralDelivery.KeyFor(last, "webhook");
            Assert.Equal([(key, killed), (key, survivor)], clinic.Senders.Where(s => s.Key == key).ToArray());
            Assert.Equal((OutboxStates.Delivered, 2), StateAndAttempts(await outbox.ListAsync(last, CancellationToken.None)));
            Assert.Contains(key, clinic.Filed.Keys);
            Assert.Equal(7, clinic.Filed.Count);
            Assert.Equal(new OutboxCounts(0, 7, 0), await outbox.CountAsync(CancellationToken.None));
        }
        finally
        {
            foreach (var instance in instances.Values.Where(i => i.IsCompletedSuccessfully))
            {
                await (await instance).DisposeAsync();
            }
        }
    }

    private static (string State, int Attempts) StateAndAttempts(IReadOnlyList<OutboxRow> rows)
    {
        var row = Assert.Single(rows);
        return (row.State, row.Attempts);
    }

    /// <summary>
    /// Contact details encrypted as an instance does (<see cref="DataProtectionReferralProtector"/>), with the key ring
    /// the fleet shares: the same folder and application name.
    /// </summary>
    private string ProtectWithTheFleetsKeyRing(string contact) =>
        new DataProtectionReferralProtector(DataProtectionProvider.Create(new DirectoryInfo(KeysPath), b => b.SetApplicationName("TriageBot")))
            .Protect(contact);

    /// <summary>Referrals as the bot stores them when patients consent: each with its webhook outbox row, in one transaction.</summary>
    private static async Task<List<string>> StoreReferralsAsync(PostgresReferralStore store, string protectedContact, int count)
    {
        var references = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var reference = $"TB-{Guid.NewGuid():N}"[..11].ToUpperInvariant();
            await store.AddAsync(
                new ReferralRecord(reference, $"subject-{i}", DateTimeOffset.UtcNow, "test", "routine", """{"outcome":"routine"}""", protectedContact),
                CancellationToken.None);
            references.Add(reference);
        }

        return references;
    }

    private static async Task WaitUntilDeliveredAsync(PostgresReferralOutbox outbox, IReadOnlyList<string> references)
    {
        using var timeout = new CancellationTokenSource(Generous);
        foreach (var reference in references)
        {
            OutboxRow row;
            while ((row = Assert.Single(await outbox.ListAsync(reference, timeout.Token))).State == OutboxStates.Pending)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), timeout.Token);
            }

            Assert.True(row.State == OutboxStates.Delivered, $"{reference} ended {row.State} ({row.LastError}).");
        }
    }

    /// <summary>
    /// An instance that says who it is on every delivery (<c>?via=</c>), claiming one entry at a time (so a held
    /// delivery holds exactly one entry), with a short lease so the test waits seconds, not minutes, after the kill.
    /// </summary>
    private Task<BotProcess> Start(string name, Uri webhook) => BotProcess.StartAsync(new Dictionary<string, string>
    {
        ["Storage__Provider"] = "Postgres",
        ["ConnectionStrings__TriageBot"] = _connectionString,
        ["Storage__DataDirectory"] = Path.Combine(_data.FullName, name),
        ["DataProtection__KeysPath"] = KeysPath,
        ["Channels__DirectLine__Secret"] = global::TriageBot.Testing.DirectLine.DirectLineHost.Secret,
        ["Channels__BotConnector__AllowAnonymous"] = "true",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Referrals__Destinations__Webhook__Url"] = new UriBuilder(webhook) { Query = $"via={name}" }.Uri.ToString(),
        ["Referrals__Destinations__Webhook__Secret"] = WebhookReceiver.Secret,
        ["Referrals__Dispatch__PollInterval"] = "00:00:00.200",
        ["Referrals__Dispatch__BatchSize"] = "1",
        ["Referrals__Dispatch__DeliveryTimeout"] = "00:00:06",
        ["Referrals__Dispatch__Lease"] = "00:00:07",
    });
}
