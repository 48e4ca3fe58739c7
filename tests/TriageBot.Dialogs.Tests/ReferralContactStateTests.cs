using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using TriageBot.Dialogs.Referrals;
using TriageBot.Runtime.Referrals;
using TriageBot.Runtime.State;
using TriageBot.Schema;
using TriageBot.Testing;

namespace TriageBot.Dialogs.Tests;

/// <summary>
/// Contact details typed before consent, as they lie in the SQLite file between turns: never in plain text, decrypted
/// only into the stored referral, and gone from state when the person says no.
/// </summary>
public sealed class ReferralContactStateTests
{
    private const string Name = "Pat Doe";
    private const string Phone = "07700 900123";

    [Fact]
    public async Task TypedDetails_BeforeConsent_AreNotInTheStateRowInPlainText_AndTheReferralDecryptsToThem()
    {
        await using var channel = await FakeChannel.StartAsync();
        await using var bot = await BotHost.StartAsync();
        var user = new EmulatorUser(bot, channel);
        await TypeDetailsUpToConsentAsync(user);

        var state = await RawStateAsync(bot);
        Assert.Contains("protectedContact", state, StringComparison.Ordinal);
        Assert.DoesNotContain(Name, state, StringComparison.Ordinal);
        Assert.DoesNotContain(Phone, state, StringComparison.Ordinal);
        Assert.DoesNotContain("07700900123", state, StringComparison.Ordinal);

        await user.SaysAsync("yes");

        var reference = System.Text.RegularExpressions.Regex.Match(string.Join('\n', user.BotMessages()), "TB-[A-Z0-9]{8}").Value;
        var referral = await bot.Services.GetRequiredService<IReferralStore>().FindAsync(reference, CancellationToken.None);
        Assert.NotNull(referral);
        var contact = JsonSerializer.Deserialize<Dictionary<string, string>>(
            bot.Services.GetRequiredService<IReferralProtector>().Unprotect(referral.ProtectedContact));
        Assert.Equal(Name, contact!["name"]);
        Assert.Equal(Phone, contact["contact"]);
        Assert.DoesNotContain("protectedContact", await RawStateAsync(bot), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CardWithoutConsentTicked_DetailsWaitEncrypted_AndDecliningRemovesThem()
    {
        await using var channel = await FakeChannel.StartAsync();
        await using var bot = await BotHost.StartAsync();
        var user = new EmulatorUser(bot, channel);
        await ToReferralOfferAsync(user);
        await user.SaysAsync("Yes, please");
        await user.PostAsync(user.Stamp(new Activity
        {
            Type = ActivityTypes.Message,
            Value = JsonSerializer.SerializeToElement(new { kind = "triage.referral", name = Name, contact = "pat@example.org", time = "morning", consent = "false" }),
        }));

        var waiting = await RawStateAsync(bot);
        Assert.Contains("protectedName", waiting, StringComparison.Ordinal);
        Assert.DoesNotContain(Name, waiting, StringComparison.Ordinal);
        Assert.DoesNotContain("pat@example.org", waiting, StringComparison.Ordinal);

        await user.SaysAsync("no");

        var after = await RawStateAsync(bot);
        Assert.DoesNotContain("protectedName", after, StringComparison.Ordinal);
        Assert.DoesNotContain("protectedContact", after, StringComparison.Ordinal);
        var subject = StateKeyHash.Compute($"{ChannelIds.Emulator}/users/{user.User.Id}");
        Assert.Equal(0, await bot.Services.GetRequiredService<IReferralStore>().DeleteBySubjectAsync(subject, CancellationToken.None));
    }

    private static async Task ToReferralOfferAsync(EmulatorUser user)
    {
        foreach (var text in HostedTriageTests.ToReferral)
        {
            await user.SaysAsync(text);
        }
    }

    /// <summary>Routine triage, then the referral by typing (the Emulator shows the card; typing skips it).</summary>
    private static async Task TypeDetailsUpToConsentAsync(EmulatorUser user)
    {
        await ToReferralOfferAsync(user);
        foreach (var text in new[] { "Yes, please", "I'd rather type", Name, Phone, "morning" })
        {
            await user.SaysAsync(text);
        }
    }

    /// <summary>Every state row as stored, read from the file the way anyone with access to the disk could.</summary>
    private static async Task<string> RawStateAsync(BotHost bot)
    {
        var path = Path.Combine(bot.DataFolder.FullName, "state.db");
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(json, char(10)) FROM state;";
        var rows = (string?)await command.ExecuteScalarAsync();
        Assert.False(string.IsNullOrEmpty(rows), "The conversation left no state rows to inspect.");
        return rows;
    }
}
