using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TriageBot.Host.Referrals;
using TriageBot.Runtime.Referrals;
using TriageBot.Runtime.Telemetry;
using TriageBot.Storage.Sqlite;
using TriageBot.Testing;
using TriageBot.Testing.Identity;

namespace TriageBot.Host.Tests.Referrals;

/// <summary>
/// The dispatcher against real SQLite and a clinic destination that answers as scripted, on a clock the test moves:
/// retries come after the backoff or the destination's Retry-After and not before, a refusal is parked with its
/// reason, and every attempt is counted in the metrics.
/// </summary>
public sealed class ReferralDispatcherTests : IAsyncDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("triagebot-dispatch-");
    private readonly ManualTimeProvider _clock = new();
    private readonly ServiceProvider _meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, long Value, Dictionary<string, object?> Tags)> _measurements = [];
    private readonly ScriptedDestination _clinic;
    private readonly SqliteStateStore _database;
    private readonly SqliteReferralStore _referrals;
    private readonly SqliteReferralOutbox _outbox;

    public ReferralDispatcherTests()
    {
        _clinic = new ScriptedDestination("clinic-inbox", _clock);
        _database = new SqliteStateStore(Path.Combine(_folder.FullName, "state.db"));
        _referrals = new SqliteReferralStore(_database, new ReferralRoutes([_clinic.Name]));
        _outbox = new SqliteReferralOutbox(_database);
        var factory = _meters.GetRequiredService<IMeterFactory>();
        Metrics = new TriageMetrics(factory);
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == factory)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            lock (_measurements)
            {
                _measurements.Add((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));
            }
        });
        _listener.Start();
    }

    private TriageMetrics Metrics { get; }

    [Fact]
    public async Task AClinicThatFailsTwiceThenAnswers_GetsTheReferralOnce_OnTheThirdAttempt_WithTheSameKey_AndEveryAttemptIsCounted()
    {
        var reference = await StoreReferralAsync();
        var dispatcher = Dispatcher();
        _clinic.Answers.Enqueue(new ReferralDeliveryException("http-503"));
        _clinic.Answers.Enqueue(new HttpRequestException("connection refused"));

        Assert.Equal(1, await dispatcher.RunOnceAsync(Ct));
        Assert.Equal(0, await dispatcher.RunOnceAsync(Ct));
        _clock.Advance(Options().MaxDelay);
        Assert.Equal(1, await dispatcher.RunOnceAsync(Ct));
        _clock.Advance(Options().MaxDelay);
        Assert.Equal(1, await dispatcher.RunOnceAsync(Ct));
        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await dispatcher.RunOnceAsync(Ct));

        var key = ReferralDelivery.KeyFor(reference, _clinic.Name);
        Assert.Equal([(key, 1), (key, 2), (key, 3)], _clinic.Calls.Select(d => (d.IdempotencyKey, d.Attempt)));
        Assert.Equal(1, _clinic.Succeeded);
        Assert.Equal((OutboxStates.Delivered, 3), await RowAsync(reference));
        Assert.Equal(1, Count("triagebot.referrals.delivery.attempts", "triagebot.delivery.outcome", "delivered"));
        Assert.Equal(2, Count("triagebot.referrals.delivery.attempts", "triagebot.delivery.outcome", "failed"));
        Assert.Equal(1, Count("triagebot.referrals.delivery.failures", "triagebot.delivery.reason", "http-503"));
        Assert.Equal(1, Count("triagebot.referrals.delivery.failures", "triagebot.delivery.reason", "error-httprequestexception"));
        Assert.Equal((0, 1, 0), Gauges());
    }

    [Fact]
    public async Task AClinicThatRefusesTheReferralForGood_IsNotAskedAgain_TheEntryIsDeadLetteredWithTheReason_AndCounted()
    {
        var reference = await StoreReferralAsync();
        var dispatcher = Dispatcher();
        _clinic.Answers.Enqueue(new ReferralDeliveryException("http-410", retryAfter: null, permanent: true));

        await dispatcher.RunOnceAsync(Ct);
        _clock.Advance(TimeSpan.FromDays(2));
        await dispatcher.RunOnceAsync(Ct);

        Assert.Single(_clinic.Calls);
        var row = Assert.Single(await _outbox.ListAsync(reference, Ct));
        Assert.Equal((OutboxStates.Dead, "http-410"), (row.State, row.LastError));
        Assert.Equal(1, Count("triagebot.referrals.delivery.attempts", "triagebot.delivery.outcome", "dead"));
        Assert.Equal(1, Count("triagebot.referrals.delivery.failures", "triagebot.delivery.reason", "http-410"));
        Assert.Equal((0, 0, 1), Gauges());
    }

    [Fact]
    public async Task AClinicThatSaysRetryAfterSevenMinutes_IsAskedAgainNotBefore_AndThenAtOnce()
    {
        var reference = await StoreReferralAsync();
        var dispatcher = Dispatcher();
        _clinic.Answers.Enqueue(new ReferralDeliveryException("http-429", TimeSpan.FromMinutes(7), permanent: false));

        await dispatcher.RunOnceAsync(Ct);
        _clock.Advance(TimeSpan.FromMinutes(7) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await dispatcher.RunOnceAsync(Ct));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await dispatcher.RunOnceAsync(Ct));

        Assert.Equal(2, _clinic.Calls.Count);
        Assert.Equal((OutboxStates.Delivered, 2), await RowAsync(reference));
    }

    [Fact]
    public async Task AClinicThatKeepsFailing_IsGivenUpOnAfterMaxAttempts_WithTheLastReason()
    {
        var reference = await StoreReferralAsync();
        var dispatcher = Dispatcher(o => o.MaxAttempts = 3);
        for (var i = 0; i < 5; i++)
        {
            _clinic.Answers.Enqueue(new ReferralDeliveryException("http-502"));
        }

        for (var i = 0; i < 5; i++)
        {
            await dispatcher.RunOnceAsync(Ct);
            _clock.Advance(Options().MaxDelay);
        }

        Assert.Equal(3, _clinic.Calls.Count);
        var row = Assert.Single(await _outbox.ListAsync(reference, Ct));
        Assert.Equal((OutboxStates.Dead, "max-attempts:http-502"), (row.State, row.LastError));
        Assert.Equal(1, Count("triagebot.referrals.delivery.failures", "triagebot.delivery.reason", "max-attempts"));
    }

    [Fact]
    public async Task AReferralDeletedBeforeDelivery_IsNotSent_AndItsEntryGoesWithIt()
    {
        var reference = await StoreReferralAsync();
        await _referrals.DeleteBySubjectAsync("subject", Ct);

        Assert.Equal(0, await Dispatcher().RunOnceAsync(Ct));

        Assert.Empty(_clinic.Calls);
        Assert.Empty(await _outbox.ListAsync(reference, Ct));
    }

    [Fact]
    public async Task FiveReferralsWhileTheClinicIsDown_503ThenThrottled_AreEachDeliveredOnceWhenItIsBack_OldestFirst()
    {
        var dispatcher = Dispatcher(o => o.MaxDelay = TimeSpan.FromHours(1));
        var references = new List<string>();
        var throttledAt = DateTimeOffset.MinValue;
        var throttledRetryAfter = TimeSpan.FromMinutes(2);
        _clinic.Down = () => new ReferralDeliveryException("http-503");

        // One referral a minute for five minutes, the dispatcher polling every 10 s, the clinic answering 503 (no
        // Retry-After): each referral backs off on its own jittered schedule.
        for (var tick = 0; tick < 6 * 6; tick++)
        {
            if (tick % 6 == 0 && references.Count < 5)
            {
                references.Add(await StoreReferralAsync());
            }

            await dispatcher.RunOnceAsync(Ct);
            _clock.Advance(TimeSpan.FromSeconds(10));
        }

        // Then 429 with Retry-After for four minutes, then it takes referrals again.
        var backAt = _clock.GetUtcNow() + TimeSpan.FromMinutes(4);
        _clinic.Down = () =>
        {
            if (_clock.GetUtcNow() >= backAt)
            {
                return null;
            }

            throttledAt = throttledAt == DateTimeOffset.MinValue ? _clock.GetUtcNow() : throttledAt;
            return new ReferralDeliveryException("http-429", throttledRetryAfter, permanent: false);
        };
        for (var tick = 0; tick < 6 * 10; tick++)
        {
            await dispatcher.RunOnceAsync(Ct);
            _clock.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.Equal(references, _clinic.Delivered);
        foreach (var reference in references)
        {
            var row = Assert.Single(await _outbox.ListAsync(reference, Ct));
            Assert.Equal(OutboxStates.Delivered, row.State);
            Assert.Equal(_clinic.Calls.Count(c => c.Referral.Reference == reference), row.Attempts);
        }

        // The throttle's Retry-After held the whole queue: after the first 429, no call came before it had passed.
        Assert.DoesNotContain(_clinic.CallTimes, t => t > throttledAt && t < throttledAt + throttledRetryAfter);
        Assert.Equal((0, 5, 0), Gauges());
    }

    [Fact]
    public void Backoff_DoublesFromTheBaseDelay_WithJitterInTheUpperHalf_UpToTheMaximum()
    {
        var options = Options();
        var random = new Random(7);
        for (var failed = 1; failed <= 12; failed++)
        {
            var ceiling = TimeSpan.FromTicks(Math.Min(options.MaxDelay.Ticks, options.BaseDelay.Ticks << (failed - 1)));
            var delay = ReferralBackoff.Delay(failed, options, random);
            Assert.InRange(delay, ceiling / 2, ceiling);
        }

        Assert.Equal(TimeSpan.FromMinutes(7), ReferralBackoff.Delay(1, TimeSpan.FromMinutes(7), options, random));
        Assert.Equal(ReferralBackoff.MaxRetryAfter, ReferralBackoff.Delay(1, TimeSpan.FromDays(30), options, random));
    }

    [Theory]
    [InlineData("Referrals:Dispatch:Lease", "00:00:10", "Referrals:Dispatch:Lease must be longer")]
    [InlineData("Referrals:Dispatch:MaxAttempts", "0", "Referrals:Dispatch:MaxAttempts must be between")]
    [InlineData("Referrals:Destinations:Webhook:Secret", "short", "Referrals:Destinations:Webhook:Secret must be at least")]
    [InlineData("Referrals:Destinations:Webhook:IncludeContact", "true", "IncludeContact needs an https Url")]
    public async Task SettingsThatCannotWork_StopTheHostAtStartup_SayingWhich(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Referrals:Dispatch:DeliveryTimeout"] = "00:00:30",
            ["Referrals:Destinations:Webhook:Url"] = "http://127.0.0.1:9/referrals",
            ["Referrals:Destinations:Webhook:Secret"] = WebhookReceiver.Secret,
            [key] = value,
        };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => BotHost.StartAsync(settings));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Dispose();
        await _meters.DisposeAsync();
        await _database.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    private static ReferralDispatchOptions Options(Action<ReferralDispatchOptions>? change = null)
    {
        var options = new ReferralDispatchOptions { BaseDelay = TimeSpan.FromSeconds(10), MaxDelay = TimeSpan.FromMinutes(1) };
        change?.Invoke(options);
        return options;
    }

    private ReferralDispatcher Dispatcher(Action<ReferralDispatchOptions>? change = null) =>
        new(_outbox, _referrals, [_clinic], Microsoft.Extensions.Options.Options.Create(Options(change)), _clock,
            NullLogger<ReferralDispatcher>.Instance, Metrics)
        {
            Random = new Random(1),
        };

    private async Task<string> StoreReferralAsync()
    {
        var referral = new ReferralRecord($"TB-{Guid.NewGuid():N}"[..11].ToUpperInvariant(), "subject", _clock.GetUtcNow(), "v", "routine", "{}", "protected");
        await _referrals.AddAsync(referral, Ct);
        return referral.Reference;
    }

    private async Task<(string State, int Attempts)> RowAsync(string reference)
    {
        var row = Assert.Single(await _outbox.ListAsync(reference, Ct));
        return (row.State, row.Attempts);
    }

    private long Count(string instrument, string tag, string value)
    {
        lock (_measurements)
        {
            return _measurements.Where(m => m.Instrument == instrument && Equals(m.Tags.GetValueOrDefault(tag), value)).Sum(m => m.Value);
        }
    }

    /// <summary>The outbox gauge, read now: (pending, delivered, dead).</summary>
    private (long Pending, long Delivered, long Dead) Gauges()
    {
        lock (_measurements)
        {
            _measurements.RemoveAll(m => m.Instrument == "triagebot.referrals.outbox.entries");
        }

        _listener.RecordObservableInstruments();
        long State(string state) => Count("triagebot.referrals.outbox.entries", "triagebot.outbox.state", state);
        return (State(OutboxStates.Pending), State(OutboxStates.Delivered), State(OutboxStates.Dead));
    }

    /// <summary>
    /// A clinic destination that answers each delivery with the next scripted failure, or with what <see cref="Down"/>
    /// says while it is down, or takes it.
    /// </summary>
    private sealed class ScriptedDestination(string name, TimeProvider clock) : IReferralDestination
    {
        public string Name { get; } = name;

        public Queue<Exception> Answers { get; } = new();

        /// <summary>The failure to answer with now, or null when the clinic is up.</summary>
        public Func<Exception?> Down { get; set; } = () => null;

        public List<ReferralDelivery> Calls { get; } = [];

        public List<DateTimeOffset> CallTimes { get; } = [];

        /// <summary>References taken, in the order they were taken.</summary>
        public List<string> Delivered { get; } = [];

        public int Succeeded => Delivered.Count;

        public Task DeliverAsync(ReferralDelivery delivery, CancellationToken cancellationToken)
        {
            Calls.Add(delivery);
            CallTimes.Add(clock.GetUtcNow());
            if (Answers.TryDequeue(out var failure) || (failure = Down()) is not null)
            {
                throw failure;
            }

            Delivered.Add(delivery.Referral.Reference);
            return Task.CompletedTask;
        }
    }
}
