using TriageBot.Runtime.Referrals;
using TriageBot.Runtime.State;
using TriageBot.Schema;
using TriageBot.Storage.Sqlite;
using static TriageBot.Dialogs.Tests.TriageChat;

namespace TriageBot.Dialogs.Tests;

/// <summary>
/// A turn re-runs when another process saved the conversation first (eTag conflict). When that turn is the one that
/// confirms the referral, the re-run must not turn a stored referral into an apology.
/// </summary>
public sealed class ReferralRerunTests
{
    [Fact]
    public async Task ConsentTurn_ReRunAfterAStateConflict_SaysSentOnceAndStoresOneReferral()
    {
        var store = new ConflictingStore(new InMemoryStateStore());
        var chat = await ReferralTests.AtReferralOfferAsync("sms", new TriageChat(channelId: "sms", store: store));
        await chat.SayAsync("yes");
        await chat.SayAsync("Pat Doe");
        await chat.SayAsync("pat@example.org");
        await chat.SayAsync(chat.Title("prompt.referral.time", "any"));

        store.ConflictOnNextWrite();
        var texts = Texts(await chat.SayAsync("yes"));

        Assert.Equal(1, store.Conflicts);
        var sentPrefix = chat.T("referral.saved", ("reference", "TB-")).Split("TB-")[0];
        var saved = Assert.Single(texts, t => t.StartsWith(sentPrefix, StringComparison.Ordinal));
        var reference = System.Text.RegularExpressions.Regex.Match(saved, "TB-[A-Z0-9]{8}").Value;
        Assert.NotNull(await chat.Referrals.FindAsync(reference, CancellationToken.None));
    }

    [Fact]
    public async Task ConsentTurn_ReRunAfterAStateConflict_OnSqlite_QueuesTheReferralOncePerDestination()
    {
        var folder = Directory.CreateTempSubdirectory("triagebot-rerun-");
        try
        {
            await using var database = new SqliteStateStore(Path.Combine(folder.FullName, "state.db"));
            var routes = new ReferralRoutes(["clinic-inbox", "records"]);
            var store = new ConflictingStore(database);
            var chat = new TriageChat(channelId: "sms", store: store, referrals: new SqliteReferralStore(database, routes), routes: routes);
            await AtConsentAsync(chat);

            store.ConflictOnNextWrite();
            var texts = Texts(await chat.SayAsync("yes"));

            Assert.Equal(1, store.Conflicts);
            var reference = System.Text.RegularExpressions.Regex.Match(string.Join("\n", texts), "TB-[A-Z0-9]{8}").Value;
            var rows = await new SqliteReferralOutbox(database).ListAsync(reference, CancellationToken.None);
            Assert.Equal(["clinic-inbox", "records"], rows.Select(r => r.Destination));
            Assert.Equal(new OutboxCounts(2, 0, 0), await new SqliteReferralOutbox(database).CountAsync(CancellationToken.None));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task ConsentSentTwice_AsAChannelRetryDoes_StoresOneReferral_AndQueuesItOncePerDestination()
    {
        var chat = new TriageChat(channelId: "sms");
        await AtConsentAsync(chat);
        var consent = new Activity { Type = ActivityTypes.Message, Text = "yes", Locale = chat.Locale, Id = "consent-activity-1" };

        await chat.Chat.SendAsync(consent);
        await chat.Chat.SendAsync(consent);

        var outbox = (IReferralOutbox)chat.Referrals;
        Assert.Equal(new OutboxCounts(1, 0, 0), await outbox.CountAsync(CancellationToken.None));
        Assert.Single(await chat.Referrals.ListOpenAsync(0, 10, CancellationToken.None));
    }

    private static async Task AtConsentAsync(TriageChat chat)
    {
        await ReferralTests.AtReferralOfferAsync("sms", chat);
        await chat.SayAsync("yes");
        await chat.SayAsync("Pat Doe");
        await chat.SayAsync("pat@example.org");
        await chat.SayAsync(chat.Title("prompt.referral.time", "any"));
    }

    /// <summary>Plays another process that saves the same document between this turn's read and its write, once.</summary>
    private sealed class ConflictingStore(IStateStore inner) : IStateStore
    {
        private bool _armed;

        public int Conflicts { get; private set; }

        public void ConflictOnNextWrite() => _armed = true;

        public Task<StoredState?> ReadAsync(string key, CancellationToken cancellationToken) => inner.ReadAsync(key, cancellationToken);

        public async Task<StateWrite> WriteAsync(string key, string json, string? expectedETag, CancellationToken cancellationToken)
        {
            if (_armed && await inner.ReadAsync(key, cancellationToken) is { } current)
            {
                _armed = false;
                await inner.WriteAsync(key, current.Json, current.ETag, cancellationToken);
                var write = await inner.WriteAsync(key, json, expectedETag, cancellationToken);
                Conflicts += write is StateWrite.Written ? 0 : 1;
                return write;
            }

            return await inner.WriteAsync(key, json, expectedETag, cancellationToken);
        }

        public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);

        public Task<int> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) => inner.PurgeOlderThanAsync(cutoff, cancellationToken);
    }
}
