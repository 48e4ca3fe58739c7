using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TriageBot.Runtime.ClinicInbox;
using TriageBot.Runtime.ConversationLogs;
using TriageBot.Runtime.Jobs;
using TriageBot.Runtime.Referrals;
using TriageBot.Runtime.State;
using TriageBot.Storage.Postgres;
using TriageBot.Testing;

namespace TriageBot.Storage.Tests.Postgres;

/// <summary>
/// <c>Storage:Provider = Postgres</c> in the real host: the connection string from <c>Storage:Postgres</c> or
/// <c>ConnectionStrings:TriageBot</c>, checked at startup without ever echoing it (it holds a password).
/// </summary>
public sealed class PostgresStorageConfigurationTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Host_WithProviderPostgresAndConnectionStringsTriageBot_StoresStateReferralsAndLeasesInPostgres()
    {
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:TriageBot"] = fixture.ConnectionString,
        });

        Assert.IsType<PostgresStateStore>(bot.Services.GetRequiredService<IStateStore>());
        Assert.IsType<PostgresReferralStore>(bot.Services.GetRequiredService<IReferralStore>());
        Assert.IsType<PostgresJobLease>(bot.Services.GetRequiredService<IJobLease>());
        Assert.IsType<PostgresConversationLogStore>(bot.Services.GetRequiredService<IConversationLogStore>());
        using var ready = await bot.Client.GetAsync(new Uri("/readyz", UriKind.Relative));
        Assert.True(ready.IsSuccessStatusCode, $"/readyz answered {(int)ready.StatusCode}.");
    }

    [Fact]
    public async Task Host_OnPostgresWithAWebhookDestination_Starts_AndQueuesEachNewReferralForIt_InTheSharedOutbox()
    {
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["ConnectionStrings:TriageBot"] = fixture.ConnectionString,
            ["Referrals:Destinations:Webhook:Url"] = "http://127.0.0.1:9/referrals",
            ["Referrals:Destinations:Webhook:Secret"] = new string('s', 40),
            ["Referrals:Dispatch:PollInterval"] = "01:00:00",
        });
        var referral = new ReferralRecord("TB-HOSTPG01", "subject-host", DateTimeOffset.UnixEpoch, "v", "routine", "{}", "protected");

        await bot.Services.GetRequiredService<IReferralStore>().AddAsync(referral, CancellationToken.None);

        var outbox = Assert.IsType<PostgresReferralOutbox>(bot.Services.GetRequiredService<IReferralOutbox>());
        Assert.IsType<PostgresClinicInboxStore>(bot.Services.GetRequiredService<IClinicInboxStore>());
        var row = Assert.Single(await outbox.ListAsync("TB-HOSTPG01", CancellationToken.None));
        Assert.Equal(("webhook", OutboxStates.Pending), (row.Destination, row.State));
        using var ready = await bot.Client.GetAsync(new Uri("/readyz", UriKind.Relative));
        Assert.True(ready.IsSuccessStatusCode, $"/readyz answered {(int)ready.StatusCode}.");
    }

    [Fact]
    public void Options_StoragePostgresConnectionString_WinsOverConnectionStrings()
    {
        var options = Options(new Dictionary<string, string?>
        {
            ["Storage:Postgres:ConnectionString"] = "Host=db-primary;Database=triagebot",
            ["ConnectionStrings:TriageBot"] = "Host=elsewhere",
        });

        Assert.Equal("Host=db-primary;Database=triagebot", options.ConnectionString);
    }

    [Fact]
    public async Task Host_WithProviderPostgresAndNoConnectionString_RefusesToStart_NamingBothSettings()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => BotHost.StartAsync(new Dictionary<string, string?> { ["Storage:Provider"] = "Postgres" }));

        var failure = Assert.Single(error.Failures);
        Assert.Contains("Storage:Postgres:ConnectionString", failure, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings:TriageBot", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_AConnectionStringThatDoesNotParse_FailsWithoutEchoingIt()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Options(new Dictionary<string, string?>
        {
            ["ConnectionStrings:TriageBot"] = "Host=db;Password=hunter2;NoSuchKeyword=1",
        }));

        Assert.DoesNotContain("hunter2", Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    private static PostgresStorageOptions Options(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddPostgresStorage().BuildServiceProvider();
        return services.GetRequiredService<IOptions<PostgresStorageOptions>>().Value;
    }
}
