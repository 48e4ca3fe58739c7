using TriageBot.Runtime.State;
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
