using System.Text.Json;
using TriageBot.Runtime.State;
using TriageBot.Runtime.Turns;
using TriageBot.Testing.Conversations;

namespace TriageBot.Runtime.Tests.Turns;

/// <summary>No lost updates and no double replies, whether the race is inside one process or across two.</summary>
public sealed class TurnRunnerConcurrencyTests
{
    [Fact]
    public async Task OtherProcessSavesFirst_TurnReRunsOnFreshState_AndRepliesOnce()
    {
        var store = new RacingStore(new InMemoryStateStore());
        var chat = new TestConversation(new CountingBot(), store);

        var replies = await chat.SayAsync("hi");

        Assert.Equal(["count=2"], replies.Select(r => r.Text));
        Assert.Equal(2, await CountAsync(store, chat));
    }

    [Fact]
    public async Task UserDoubleSends_TurnsRunOneAfterAnother_AndBothCount()
    {
        var chat = new TestConversation(new CountingBot());

        var both = await Task.WhenAll(chat.SayAsync("one"), chat.SayAsync("two"));

        Assert.Equal(["count=1", "count=2"], both.SelectMany(r => r).Select(r => r.Text).Order());
        Assert.Equal(2, await CountAsync(chat.Store, chat));
    }

    [Fact]
    public async Task UnchangedState_IsNotWritten()
    {
        var store = new CountingWritesStore(new InMemoryStateStore());
        var chat = new TestConversation(new ReadOnlyBot(), store);

        await chat.SayAsync("hi");
        await chat.SayAsync("again");

        Assert.Equal(0, store.Writes);
    }

    [Fact]
    public async Task StateAlwaysContended_GivesUpWithoutSendingAnything()
    {
        var store = new RacingStore(new InMemoryStateStore(), races: int.MaxValue);
        var chat = new TestConversation(new CountingBot(), store);

        await Assert.ThrowsAsync<StateConflictException>(() => chat.SayAsync("hi"));
        Assert.Empty(chat.Transcript);
    }

    private static async Task<int> CountAsync(IStateStore store, TestConversation chat)
    {
        var stored = await store.ReadAsync($"{chat.ChannelId}/conversations/{chat.Conversation.Id}", CancellationToken.None);
        return JsonDocument.Parse(stored!.Json).RootElement.GetProperty("count").GetInt32();
    }

    /// <summary>Counts turns in conversation state and says the count.</summary>
    private sealed class CountingBot : IBot
    {
        public Task OnTurnAsync(TurnContext turnContext, CancellationToken cancellationToken)
        {
            var scope = turnContext.State!.Conversation;
            var count = scope.Get("count", TestJson.Default.Int32) + 1;
            scope.Set("count", count, TestJson.Default.Int32);
            turnContext.SendActivity($"count={count}");
            return Task.CompletedTask;
        }
    }

    private sealed class ReadOnlyBot : IBot
    {
        public Task OnTurnAsync(TurnContext turnContext, CancellationToken cancellationToken)
        {
            turnContext.SendActivity($"count is {turnContext.State!.Conversation.Get("count", TestJson.Default.Int32)}");
            return Task.CompletedTask;
        }
    }

    /// <summary>Plays another process that saves the same conversation between our read and our write.</summary>
    private sealed class RacingStore(IStateStore inner, int races = 1) : IStateStore
    {
        private int _races = races;

        public Task<StoredState?> ReadAsync(string key, CancellationToken cancellationToken) => inner.ReadAsync(key, cancellationToken);

        public async Task<StateWrite> WriteAsync(string key, string json, string? expectedETag, CancellationToken cancellationToken)
        {
            if (Interlocked.Decrement(ref _races) >= 0)
            {
                var current = await inner.ReadAsync(key, cancellationToken);
                var count = current is null ? 0 : JsonDocument.Parse(current.Json).RootElement.GetProperty("count").GetInt32();
                await inner.WriteAsync(key, $$"""{"count":{{count + 1}}}""", current?.ETag, cancellationToken);
            }

            return await inner.WriteAsync(key, json, expectedETag, cancellationToken);
        }

        public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);

        public Task<int> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) => inner.PurgeOlderThanAsync(cutoff, cancellationToken);
    }

    private sealed class CountingWritesStore(IStateStore inner) : IStateStore
    {
        public int Writes { get; private set; }

        public Task<StoredState?> ReadAsync(string key, CancellationToken cancellationToken) => inner.ReadAsync(key, cancellationToken);

        public Task<StateWrite> WriteAsync(string key, string json, string? expectedETag, CancellationToken cancellationToken)
        {
            Writes++;
            return inner.WriteAsync(key, json, expectedETag, cancellationToken);
        }

        public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);

        public Task<int> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) => inner.PurgeOlderThanAsync(cutoff, cancellationToken);
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(int))]
internal sealed partial class TestJson : System.Text.Json.Serialization.JsonSerializerContext;
