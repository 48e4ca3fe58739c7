using TriageBot.Channels.DirectLine;
using TriageBot.Schema;
using TriageBot.Testing.Identity;

namespace TriageBot.Channels.Tests.DirectLine;

/// <summary>The in-memory conversation log on its own: numbering, the live stream's view, bounds, under concurrency.</summary>
public sealed class DirectLineConversationLogTests
{
    private readonly DirectLineOptions _options = new() { MaxActivitiesPerConversation = 10_000 };
    private readonly ManualTimeProvider _clock = new();

    [Fact]
    public async Task ConcurrentAppends_StreamSeesEveryActivityOnceInOrder()
    {
        var conversation = new DirectLineConversation("c", null, null, _options, _clock);
        var stream = conversation.Subscribe(watermark: null)!;
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var received = new List<long>();
        var reading = Task.Run(async () =>
        {
            while (received.Count < 200 && await stream.Pending.WaitToReadAsync(guard.Token))
            {
                while (stream.Pending.TryRead(out var entry))
                {
                    received.Add(entry.Sequence);
                }
            }
        });

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 50; i++)
            {
                conversation.Append(new Activity { Type = ActivityTypes.Message }, persist: true);
            }
        })));
        await reading;

        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), received);
        Assert.Equal(200, conversation.After(null, int.MaxValue - 1).Entries.Count);
    }

    [Fact]
    public void Subscribe_AfterWatermark_BacklogHasOnlyLaterStoredActivities()
    {
        var conversation = new DirectLineConversation("c", null, null, _options, _clock);
        conversation.Append(new Activity { Type = ActivityTypes.Message, Text = "1" }, persist: true);
        conversation.Append(new Activity { Type = ActivityTypes.Typing }, persist: false);
        conversation.Append(new Activity { Type = ActivityTypes.Message, Text = "3" }, persist: true);

        var stream = conversation.Subscribe(watermark: 1)!;

        Assert.Equal(["3"], stream.Backlog.Select(e => e.ReadActivity().Text));
        Assert.Equal("c|0000003", stream.Backlog[0].ReadActivity().Id);
    }

    [Fact]
    public void Append_ClockStepsBack_TimestampsStillIncreasing()
    {
        var conversation = new DirectLineConversation("c", null, null, _options, _clock);
        var first = conversation.Append(new Activity { Type = ActivityTypes.Message }, persist: true);
        _clock.Advance(TimeSpan.FromMinutes(-5));

        var second = conversation.Append(new Activity { Type = ActivityTypes.Message }, persist: true);

        Assert.True(second.Timestamp > first.Timestamp);
    }

    [Fact]
    public void Append_ATurnsRepliesInTheSameInstant_EachAMillisecondLaterThanTheOneBefore()
    {
        // Web Chat orders by timestamp to the millisecond; equal ones were shown out of order (the menu's buttons
        // then vanished, since Web Chat shows suggested actions only under the last message).
        var conversation = new DirectLineConversation("c", null, null, _options, _clock);

        var sent = Enumerable.Range(0, 8).Select(_ => conversation.Append(new Activity { Type = ActivityTypes.Message }, persist: true)).ToList();

        var milliseconds = sent.Select(a => a.Timestamp!.Value.ToUnixTimeMilliseconds()).ToList();
        Assert.Equal(milliseconds.Order(), milliseconds);
        Assert.Equal(milliseconds.Count, milliseconds.Distinct().Count());
    }

    [Fact]
    public void Subscribe_Twice_FirstStreamEndsAsSuperseded()
    {
        var conversation = new DirectLineConversation("c", null, null, _options, _clock);
        var first = conversation.Subscribe(null)!;

        var second = conversation.Subscribe(null)!;
        conversation.Append(new Activity { Type = ActivityTypes.Message }, persist: true);

        Assert.Equal(StreamEnd.Superseded, first.EndReason);
        Assert.True(first.Pending.Completion.IsCompleted);
        Assert.True(second.Pending.TryRead(out _));
    }

    [Fact]
    public void SlowStream_IsEndedRatherThanBufferedWithoutLimit()
    {
        var conversation = new DirectLineConversation("c", null, null, _options, _clock);
        var stream = conversation.Subscribe(null)!;

        for (var i = 0; i < 1000; i++)
        {
            conversation.Append(new Activity { Type = ActivityTypes.Message }, persist: true);
        }

        Assert.Equal(StreamEnd.Overflow, stream.EndReason);
    }

    [Fact]
    public void UploadedFiles_AboveTheConversationsByteBudget_OldestGoWithTheirActivity()
    {
        var options = new DirectLineOptions { MaxBytesPerConversation = DirectLineLedger.ConversationOverheadBytes + 4096 };
        var conversation = new DirectLineConversation("c", null, null, options, _clock);
        conversation.Append(new Activity { Type = ActivityTypes.Message }, persist: true, [new DirectLineFile("old", "text/plain", "a", new byte[3000])]);

        conversation.Append(new Activity { Type = ActivityTypes.Message }, persist: true, [new DirectLineFile("new", "text/plain", "b", new byte[3000])]);

        Assert.Null(conversation.FindFile("old"));
        Assert.NotNull(conversation.FindFile("new"));
    }
}
