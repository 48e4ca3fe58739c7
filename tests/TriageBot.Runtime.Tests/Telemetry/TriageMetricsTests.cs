using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using TriageBot.Runtime.Middleware;
using TriageBot.Runtime.State;
using TriageBot.Runtime.Telemetry;
using TriageBot.Runtime.Tests.Support;
using TriageBot.Runtime.Turns;
using TriageBot.Schema;

namespace TriageBot.Runtime.Tests.Telemetry;

/// <summary>Our meter records only values from its lists: anything a sender made up is counted as <c>other</c>.</summary>
public sealed class TriageMetricsTests : IDisposable
{
    private readonly TestMeterFactory _factory = new();
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, double Value, Dictionary<string, object?> Tags)> _recorded = [];

    public TriageMetricsTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (_factory.Meters.Contains(instrument.Meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
        Metrics = new TriageMetrics(_factory);
    }

    private TriageMetrics Metrics { get; }

    [Fact]
    public async Task Turn_OnAKnownChannel_IsCountedAndTimedUnderIt()
    {
        await RunTurnAsync(ChannelIds.MsTeams, new TestBot(_ => { }));

        Assert.Equal("msteams", Single("triagebot.turns").Tags["triagebot.channel"]);
        Assert.Equal("ok", Single("triagebot.turns").Tags["triagebot.turn.outcome"]);
        Assert.True(Single("triagebot.turn.duration").Value >= 0);
    }

    [Fact]
    public async Task Turn_OnAChannelIdASenderMadeUp_IsCountedAsOther()
    {
        await RunTurnAsync("my-name-is-pat-doe", new TestBot(_ => { }));

        Assert.Equal("other", Single("triagebot.turns").Tags["triagebot.channel"]);
    }

    [Fact]
    public async Task Turn_ThatFails_IsCountedAsFailed()
    {
        await RunTurnAsync(ChannelIds.WebChat, new TestBot(_ => throw new InvalidOperationException("boom")));

        Assert.Equal("failed", Single("triagebot.turns").Tags["triagebot.turn.outcome"]);
    }

    [Theory]
    [InlineData("emergency", "emergency")]
    [InlineData("self-care", "self-care")]
    [InlineData("I feel awful", "other")]
    public void Disposition_OnlyKnownLevels(string level, string recorded)
    {
        Metrics.Disposition(level);

        Assert.Equal(recorded, Single("triagebot.dispositions").Tags["triagebot.disposition.level"]);
    }

    [Theory]
    [InlineData("HAZ-SELF-HARM", "HAZ-SELF-HARM")]
    [InlineData("HAZ-CES", "HAZ-CES")]
    [InlineData("I cannot feel my legs", "other")]
    [InlineData("HAZ-with lower case", "other")]
    public void RedFlag_OnlyHazardIdsShapedLikeContent(string hazard, string recorded)
    {
        Metrics.RedFlagDetected(hazard);

        Assert.Equal(recorded, Single("triagebot.redflag.detections").Tags["triagebot.hazard.id"]);
    }

    [Fact]
    public void ReferralStored_CountsOne_WithNoAttributes()
    {
        Metrics.ReferralStored();

        var referral = Single("triagebot.referrals.stored");
        Assert.Equal(1, referral.Value);
        Assert.Empty(referral.Tags);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _factory.Dispose();
    }

    private (string Instrument, double Value, Dictionary<string, object?> Tags) Single(string instrument)
    {
        lock (_recorded)
        {
            return Assert.Single(_recorded, r => r.Instrument == instrument);
        }
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        lock (_recorded)
        {
            _recorded.Add((instrument.Name, value, copy));
        }
    }

    private async Task RunTurnAsync(string channelId, IBot bot)
    {
        var pipeline = new TurnPipeline([new TurnErrorMiddleware(new TurnErrorOptions(), NullLogger<TurnErrorMiddleware>.Instance)], bot);
        var runner = new TurnRunner(new InMemoryStateStore(), pipeline, new TurnRunnerOptions(), NullLogger<TurnRunner>.Instance, Metrics);
        await runner.RunAsync(new Activity
        {
            Type = ActivityTypes.Message,
            Text = "hello",
            ChannelId = channelId,
            Conversation = new ConversationAccount { Id = "conversation-1" },
            From = new ChannelAccount { Id = "user-1" },
            Recipient = new ChannelAccount { Id = "bot-1" },
        }, null, CancellationToken.None);
    }

    /// <summary>Meters of this test only, so measurements from other tests never mix in.</summary>
    private sealed class TestMeterFactory : IMeterFactory
    {
        public List<Meter> Meters { get; } = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options);
            Meters.Add(meter);
            return meter;
        }

        public void Dispose()
        {
            foreach (var meter in Meters)
            {
                meter.Dispose();
            }
        }
    }
}
