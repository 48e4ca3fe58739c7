using TriageBot.Runtime.State;
using TriageBot.Testing.Identity;

namespace TriageBot.Storage.Tests;

/// <summary>
/// The memory store keeps every conversation until the retention purge, so what a finished one costs is what the
/// store costs per conversation. Measured alone (no other test allocating meanwhile), after full collections.
/// </summary>
[Collection(HeapMeasurement.Name)]
public sealed class InMemoryStateStoreFootprintTests
{
    private const int Conversations = 10_000;

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task TenThousandFinishedConversations_EachKeepLessThanAThirdOfAKiB()
    {
        var store = new InMemoryStateStore();
        var before = GC.GetTotalMemory(forceFullCollection: true);

        for (var i = 0; i < Conversations; i++)
        {
            // A key like the bench's, a mid-triage document, then the empty document a finished triage leaves.
            var key = $"emulator/conversations/lg-{Guid.NewGuid().ToString("N")[..8]}-{i % 64}-{i}";
            var started = (StateWrite.Written)await store.WriteAsync(key, MidTriageJson, null, Ct);
            Assert.IsType<StateWrite.Written>(await store.WriteAsync(key, "{}", started.ETag, Ct));
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(store);

        // The target is 1 KiB; keeping document, key (twice) and eTag as strings cost about 440 bytes.
        var perConversation = (after - before) / Conversations;
        Assert.InRange(perConversation, 0, 320);
        Assert.Equal(Conversations, store.Count);
    }

    [Fact]
    public async Task ManyTurnsOfOneConversation_KeepOneDocument_AndThePurgeGivesEveryDocumentBack()
    {
        var clock = new ManualTimeProvider();
        var store = new InMemoryStateStore(clock);
        var eTag = ((StateWrite.Written)await store.WriteAsync("webchat/conversations/one", MidTriageJson, null, Ct)).ETag;
        for (var turn = 0; turn < 100; turn++)
        {
            eTag = ((StateWrite.Written)await store.WriteAsync("webchat/conversations/one", MidTriageJson, eTag, Ct)).ETag;
        }

        for (var i = 0; i < 1_000; i++)
        {
            await store.WriteAsync($"webchat/conversations/finished-{i}", "{}", null, Ct);
        }

        Assert.Equal(1_001, store.Count);
        clock.Advance(TimeSpan.FromDays(2));

        Assert.Equal(1_001, await store.PurgeOlderThanAsync(clock.GetUtcNow() - TimeSpan.FromDays(1), Ct));
        Assert.Equal(0, store.Count);
    }

    private const string MidTriageJson =
        """{"dialogStack":[{"id":"triage.prompt.choice","version":1,"state":{"options":{"prompt":{"type":"message","text":"Have both of your hands become clumsy or numb?"}},"attemptCount":0}},{"id":"triage.red-flags","version":2,"state":{"index":29}}],"triage.findings":{"findings":["age.45-to-49"]}}""";
}

/// <summary>Tests that read the process's heap size run alone, after every parallel test.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeapMeasurement
{
    public const string Name = "Heap measurement";
}
