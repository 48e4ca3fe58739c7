using TriageBot.Runtime.Referrals;
using TriageBot.Runtime.State;
using TriageBot.Storage.Sqlite;

namespace TriageBot.Storage.Tests;

/// <summary>
/// Group commit: writes that queue while the writer is busy run in one transaction and one commit, each caller hears
/// exactly its own outcome, and nothing is reported before it is committed. Each test holds the writer on a write of
/// its own, queues the writes behind it, then lets go, so the batch is certain, not a matter of timing.
/// </summary>
public sealed class SqliteGroupCommitTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("triagebot-group-commit-");

    [Fact]
    public async Task WritesQueuedBehindACommit_CommitTogetherOnce_AndEachWriterHearsItsOwnOutcome()
    {
        var path = NewPath();
        await using var store = new SqliteStateStore(path);
        var keys = Enumerable.Range(0, 10).Select(i => $"race/{i}").ToArray();
        var eTags = new Dictionary<string, string>();
        foreach (var key in keys)
        {
            eTags[key] = Assert.IsType<StateWrite.Written>(await store.WriteAsync(key, "{}", null, Ct)).ETag;
        }

        using var writer = await HoldWriterAsync(store);
        var commitsBefore = store.Commits;
        // Per key: five writers with the same eTag (one may win), then two create-only writers of a new key.
        var replaces = keys.SelectMany(key => Enumerable.Range(0, 5).Select(i => (Key: key, Json: $$"""{"writer":{{i}}}""",
            Task: store.WriteAsync(key, $$"""{"writer":{{i}}}""", eTags[key], Ct)))).ToArray();
        var creates = keys.SelectMany(key => Enumerable.Range(0, 2).Select(i => (Key: $"{key}/new", Json: $$"""{"creator":{{i}}}""",
            Task: store.WriteAsync($"{key}/new", $$"""{"creator":{{i}}}""", null, Ct)))).ToArray();
        Assert.All(replaces.Concat(creates), write => Assert.False(write.Task.IsCompleted, "a write was reported before its commit"));

        writer.Release();
        var writes = replaces.Concat(creates).ToArray();
        var outcomes = await Task.WhenAll(writes.Select(write => write.Task));

        Assert.Equal(commitsBefore + 2, store.Commits); // the holding write, then all 70 queued writes in one commit
        await using var reopened = new SqliteStateStore(path);
        foreach (var group in writes.Zip(outcomes, (write, outcome) => (write.Key, write.Json, Outcome: outcome)).GroupBy(write => write.Key))
        {
            // Arrival order decides: the first writer of each key wins, every later one with the same eTag conflicts.
            var winner = Assert.IsType<StateWrite.Written>(group.First().Outcome);
            Assert.All(group.Skip(1), loser => Assert.IsType<StateWrite.Conflict>(loser.Outcome));
            Assert.Equal(new StoredState(group.Key, group.First().Json, winner.ETag), await reopened.ReadAsync(group.Key, Ct));
        }
    }

    [Fact]
    public async Task AWriteThatFailsInABatch_FailsAlone_AndTheOthersCommit()
    {
        var path = NewPath();
        await using var store = new SqliteStateStore(path);
        var referrals = new SqliteReferralStore(store, new ReferralRoutes(["webhook"]));
        await new SqliteReferralStore(store).AddAsync(Referral("TB-TAKEN01", "someone-else"), Ct);

        using var writer = await HoldWriterAsync(store);
        var before = store.WriteAsync("batch/before", "{}", null, Ct);
        var collision = referrals.AddAsync(Referral("TB-TAKEN01", "this-person"), Ct);
        var fresh = referrals.AddAsync(Referral("TB-FRESH01", "this-person"), Ct);
        var after = store.WriteAsync("batch/after", "{}", null, Ct);
        writer.Release();

        await Assert.ThrowsAsync<InvalidOperationException>(() => collision);
        await fresh;
        Assert.IsType<StateWrite.Written>(await before);
        Assert.IsType<StateWrite.Written>(await after);
        await using var reopened = new SqliteStateStore(path);
        var outbox = new SqliteReferralOutbox(reopened);
        Assert.NotNull(await reopened.ReadAsync("batch/before", Ct));
        Assert.NotNull(await reopened.ReadAsync("batch/after", Ct));
        Assert.Equal("someone-else", (await new SqliteReferralStore(reopened).FindAsync("TB-TAKEN01", Ct))?.SubjectHash);
        Assert.Empty(await outbox.ListAsync("TB-TAKEN01", Ct)); // the refused referral's outbox row went with it
        Assert.Equal("this-person", (await new SqliteReferralStore(reopened).FindAsync("TB-FRESH01", Ct))?.SubjectHash);
        Assert.Equal("webhook", Assert.Single(await outbox.ListAsync("TB-FRESH01", Ct)).Destination);
    }

    [Fact]
    public async Task AWriteCancelledWhileQueued_IsNotWritten()
    {
        await using var store = new SqliteStateStore(NewPath());
        using var cancel = new CancellationTokenSource();

        using (var writer = await HoldWriterAsync(store))
        {
            var cancelled = store.WriteAsync("queued/cancelled", "{}", null, cancel.Token);
            await cancel.CancelAsync();
            writer.Release();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        }

        Assert.Null(await store.ReadAsync("queued/cancelled", Ct));
    }

    [Fact]
    public async Task TheWriterConnection_SyncsTheWalAtEveryCommit()
    {
        await using var store = new SqliteStateStore(NewPath());

        var (synchronous, journal) = await store.WriteAsync(session => (
            Convert.ToInt64(session.Command("PRAGMA synchronous;").ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture),
            Convert.ToString(session.Command("PRAGMA journal_mode;").ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)), Ct);

        Assert.Equal((2L, "wal"), (synchronous, journal)); // 2 = FULL
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private string NewPath() => Path.Combine(_folder.FullName, Guid.NewGuid().ToString("N"), "state.db");

    private static ReferralRecord Referral(string reference, string subject) => new(
        reference, subject, DateTimeOffset.UtcNow, "test", "routine", """{"outcome":"routine"}""", "protected");

    /// <summary>Occupies the writer with a write that waits until released; returns once the writer is in it.</summary>
    private static async Task<HeldWriter> HoldWriterAsync(SqliteStateStore store)
    {
        var held = new HeldWriter();
        held.Done = store.WriteAsync(_ =>
        {
            held.Started.Set();
            held.Gate.Wait(TimeSpan.FromMinutes(2));
            return 0;
        }, Ct);
        await Task.Run(() => held.Started.Wait(TimeSpan.FromMinutes(2)));
        Assert.True(held.Started.IsSet, "the writer never started the holding write");
        return held;
    }

    private sealed class HeldWriter : IDisposable
    {
        // Disposed only after the holding write finished, so the writer never waits on a disposed gate.
        public ManualResetEventSlim Started { get; } = new();

        public ManualResetEventSlim Gate { get; } = new();

        public Task Done { get; set; } = Task.CompletedTask;

        public void Release() => Gate.Set();

        public void Dispose()
        {
            Gate.Set();
            Done.Wait(TimeSpan.FromMinutes(2));
            Started.Dispose();
            Gate.Dispose();
        }
    }
}
