using Microsoft.Extensions.DependencyInjection;
using TriageBot.Dialogs.Referrals;
using TriageBot.Runtime.Referrals;
using TriageBot.Schema;
using TriageBot.Testing;

namespace TriageBot.Dialogs.Tests;

/// <summary>The triage in the real host, over HTTP, on the SQLite file: what must survive restarts and stay out of logs.</summary>
public sealed class HostedTriageTests
{
    /// <summary>A routine triage typed in the Emulator, up to the referral offer.</summary>
    internal static readonly string[] ToReferral =
    [
        "hi", "yes", "30", .. global::TriageBot.Testing.DirectLine.DirectLinePatient.LowerBackNoWarningSigns, "Into one leg", "about a 7", "4 months", "no",
        "worse when I sit at my desk all day", "no", "None of these", "Done",
    ];

    [Fact]
    public async Task Referral_SurvivesAHostRestart_AndItsContactDecryptsWithThePersistedKeys()
    {
        await using var channel = await FakeChannel.StartAsync();
        var folder = Directory.CreateTempSubdirectory("triagebot-referral-");
        try
        {
            string reference;
            await using (var first = await BotHost.StartAsync(dataFolder: folder))
            {
                var user = new EmulatorUser(first, channel);
                reference = await ReferAsync(user);
            }

            await using var second = await BotHost.StartAsync(dataFolder: folder);
            var stored = await second.Services.GetRequiredService<IReferralStore>().FindAsync(reference, CancellationToken.None);

            Assert.NotNull(stored);
            Assert.Equal("routine", stored.Disposition);
            var contact = second.Services.GetRequiredService<IReferralProtector>().Unprotect(stored.ProtectedContact);
            Assert.Contains("pat@example.org", contact, StringComparison.Ordinal);
            Assert.DoesNotContain("pat@example.org", stored.ProtectedContact, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task DeleteMyData_RemovesTheReferralToo()
    {
        await using var channel = await FakeChannel.StartAsync();
        await using var bot = await BotHost.StartAsync();
        var user = new EmulatorUser(bot, channel);
        var reference = await ReferAsync(user);

        await user.SaysAsync("delete my data");
        await user.SaysAsync("yes");

        Assert.Null(await bot.Services.GetRequiredService<IReferralStore>().FindAsync(reference, CancellationToken.None));
    }

    [Fact]
    public async Task WholeTriage_NothingThePersonTypedReachesTheLogs()
    {
        await using var channel = await FakeChannel.StartAsync();
        await using var bot = await BotHost.StartAsync();
        var user = new EmulatorUser(bot, channel);

        await ReferAsync(user);
        await user.SaysAsync("I have had a fever and chills since Tuesday");

        var logs = bot.Logs.AllText;

        // Turns are counted and timed by the triagebot.turns metrics; at the shipped level (Information) the log keeps
        // what a person on call reads: the outcome, red flags, referrals, failures.
        var turns = bot.Logs.WithEvent("TurnCompleted").ToList();
        Assert.NotEmpty(turns);
        Assert.All(turns, turn => Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Debug, turn.Level));
        var outcome = Assert.Single(bot.Logs.WithEvent("TriageOutcome"));
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Information, outcome.Level);
        Assert.Contains("Level=routine", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("ContentVersion=", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("HAZ-INFECTION", Assert.Single(bot.Logs.WithEvent("FreeTextRedFlag")).Message, StringComparison.Ordinal);
        foreach (var secret in new[] { "desk all day", "Pat Doe", "pat@example.org", "chills since Tuesday" })
        {
            Assert.DoesNotContain(secret, logs, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>Goes through a routine triage and a referral by card; returns the reference number.</summary>
    private static async Task<string> ReferAsync(EmulatorUser user)
    {
        foreach (var text in ToReferral)
        {
            await user.SaysAsync(text);
        }

        await user.SaysAsync("Yes, please");
        await user.PostAsync(user.Stamp(new Activity
        {
            Type = ActivityTypes.Message,
            Value = System.Text.Json.JsonSerializer.SerializeToElement(new { kind = "triage.referral", name = "Pat Doe", contact = "pat@example.org", time = "morning", consent = "true" }),
        }));
        var saved = user.BotMessages().Last(t => t is not null && t.Contains("TB-", StringComparison.Ordinal));
        return System.Text.RegularExpressions.Regex.Match(saved!, "TB-[A-Z0-9]{8}").Value;
    }
}
