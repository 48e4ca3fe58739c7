using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TriageBot.Channels.DirectLine;
using TriageBot.Host.Retention;
using TriageBot.Runtime.Referrals;
using TriageBot.Storage.Sqlite;
using TriageBot.Testing;
using TriageBot.Testing.Identity;

namespace TriageBot.Storage.Tests;

/// <summary>
/// The retention job on a real SQLite file with a hand-moved clock: it deletes conversation and user state past the
/// Direct Line retention, keeps fresh state and every referral, and keeps running after a failed purge.
/// </summary>
public sealed class StateRetentionServiceTests : IDisposable
{
    private static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    private readonly ManualTimeProvider _clock = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "triagebot-storage-tests", Guid.NewGuid().ToString("N"));
    private readonly TestLogSink _logs = new();
    private readonly SqliteStateStore _database;

    public StateRetentionServiceTests()
    {
        _database = new SqliteStateStore(Path.Combine(_folder, "triagebot.db"), _clock);
    }

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task Job_DeletesStatePastTheRetention_KeepsFreshStateAndReferrals()
    {
        var referrals = new SqliteReferralStore(_database);
        var referral = new ReferralRecord("TB-RETAIN23", "subject", _clock.GetUtcNow(), "v1", "urgent", "{}", "CfDJ8-protected");
        await referrals.AddAsync(referral, Ct);
        await _database.WriteAsync("webchat/conversations/finished", """{"dialogStack":[]}""", null, Ct);
        await _database.WriteAsync("webchat/users/finished-user", "{}", null, Ct);
        _clock.Advance(Retention + TimeSpan.FromMinutes(5));
        await _database.WriteAsync("webchat/conversations/ongoing", """{"dialogStack":[]}""", null, Ct);
        var store = new PurgeWatchingStore(_database);

        await using (await RunJobAsync(store))
        {
            Assert.True(await store.NextPurgeAsync());
        }

        Assert.Null(await _database.ReadAsync("webchat/conversations/finished", Ct));
        Assert.Null(await _database.ReadAsync("webchat/users/finished-user", Ct));
        Assert.NotNull(await _database.ReadAsync("webchat/conversations/ongoing", Ct));
        Assert.Equal(referral, await referrals.FindAsync("TB-RETAIN23", Ct));
        Assert.Contains("Documents=2", Assert.Single(_logs.WithEvent("StatePurged")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Job_AfterAPurgeThrows_LogsTheErrorTypeOnly_AndPurgesAtTheNextTick()
    {
        await _database.WriteAsync("webchat/conversations/finished", "{}", null, Ct);
        _clock.Advance(Retention * 2);
        var store = new PurgeWatchingStore(_database, failures: 1);

        await using (var job = await RunJobAsync(store))
        {
            Assert.False(await store.NextPurgeAsync());
            Assert.True(await store.NextPurgeAsync());
            Assert.False(job.Service.ExecuteTask!.IsCompleted);
        }

        Assert.Null(await _database.ReadAsync("webchat/conversations/finished", Ct));
        var failure = Assert.Single(_logs.WithEvent("StatePurgeFailed"));
        Assert.Contains("Error=IOException", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("disk I/O error", _logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_DefaultToTheDirectLineRetention_SoTranscriptAndAnswersEndTogether()
    {
        var directLine = new DirectLineOptions();
        var state = new StateRetentionOptions();

        Assert.Equal(directLine.Retention, state.Retention);
        Assert.Equal(directLine.PurgeInterval, state.PurgeInterval);
    }

    [Fact]
    public async Task Host_ReadsChannelsDirectLineRetention_AndRunsTheJob()
    {
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Channels:DirectLine:Retention"] = "02:00:00" });

        Assert.Equal(TimeSpan.FromHours(2), bot.Services.GetRequiredService<IOptions<StateRetentionOptions>>().Value.Retention);
        Assert.Contains(bot.Services.GetServices<IHostedService>(), s => s is StateRetentionService);
    }

    [Fact]
    public void Options_ZeroRetention_FailValidationNamingTheSetting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Channels:DirectLine:Retention"] = "00:00:00" }).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddStateRetention().BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StateRetentionOptions>>().Value);

        Assert.Equal("Channels:DirectLine:Retention must be positive.", Assert.Single(error.Failures));
    }

    public void Dispose()
    {
        _database.Dispose();
        _logs.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private async Task<RunningJob> RunJobAsync(PurgeWatchingStore store)
    {
        // The clock is manual, but the timer ticks in real time: a short interval keeps the test quick.
        var options = Options.Create(new StateRetentionOptions { Retention = Retention, PurgeInterval = TimeSpan.FromMilliseconds(20) });
        var service = new StateRetentionService(store, options, _clock, new LoggerFactory([_logs]).CreateLogger<StateRetentionService>());
        await service.StartAsync(Ct);
        return new RunningJob(service);
    }

    private sealed class RunningJob(StateRetentionService service) : IAsyncDisposable
    {
        public StateRetentionService Service { get; } = service;

        public async ValueTask DisposeAsync()
        {
            await Service.StopAsync(Ct);
            Service.Dispose();
        }
    }
}
