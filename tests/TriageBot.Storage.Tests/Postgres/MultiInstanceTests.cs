using System.Text.Json;
using System.Text.RegularExpressions;
using TriageBot.Schema;
using TriageBot.Storage.Postgres;
using TriageBot.Testing;
using TriageBot.Testing.Postgres;

namespace TriageBot.Storage.Tests.Postgres;

/// <summary>
/// Two TriageBot processes on one PostgreSQL database, as a fleet behind a load balancer: one patient's conversation
/// goes to either instance turn by turn, two answers arrive at both at once, and one instance is killed with
/// SIGKILL half-way. The patient must get exactly the replies, the disposition and the one referral that a single
/// instance gives the same answers.
/// </summary>
public sealed partial class MultiInstanceTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    /// <summary>A routine triage typed in the Emulator, up to and including accepting the referral offer.</summary>
    private static readonly string[] Answers =
    [
        "hi", "yes", "30", .. global::TriageBot.Testing.DirectLine.DirectLinePatient.LowerBackNoWarningSigns, "Into one leg", "about a 7", "4 months", "no",
        "worse when I sit at my desk all day", "no", "None of these", "Done", "Yes, please",
    ];

    /// <summary>Two screen answers ("no", "no") sent at once, one to each instance.</summary>
    private const int DoubleSendAt = 5;

    /// <summary>The first instance is killed after this many answers, and a new process takes its place.</summary>
    private const int KillAfter = 14;

    [Fact]
    public async Task OneConversation_AlternatingBetweenTwoProcesses_WithDoubleSendsAndAKill9_GetsTheSameRepliesDispositionAndOneReferral_AsOnOneInstance()
    {
        Assert.Equal(["no", "no"], Answers[DoubleSendAt..(DoubleSendAt + 2)]);
        await using var channel = await FakeChannel.StartAsync();
        var folder = Directory.CreateTempSubdirectory("triagebot-fleet-");
        var connectionString = await fixture.Cluster.CreateDatabaseAsync();
        var instances = new List<BotProcess>();
        try
        {
            // Both start together on an empty database: one migrates it, the other waits on the advisory lock.
            instances.AddRange(await Task.WhenAll(Start(folder, connectionString, "a"), Start(folder, connectionString, "b")));

            var alone = new EmulatorUser(instances[0], channel);
            await WalkAsync(alone, (i, _) => instances[0]);
            var aloneReference = await ReferAsync(alone, instances[0]);

            var fleet = new EmulatorUser(instances[0], channel);
            await WalkAsync(fleet, async (i, user) =>
            {
                if (i == KillAfter)
                {
                    await instances[0].KillAsync();
                    Assert.True(instances[0].HasExited, "The first instance must be gone.");
                    instances[0] = await Start(folder, connectionString, "a2");
                }

                return instances[i % 2];
            });
            var fleetReference = await ReferAsync(fleet, instances[1]);

            Assert.Equal(Normalized(alone.BotMessages()), Normalized(fleet.BotMessages()));
            await using var database = new PostgresDatabase(connectionString);
            var referrals = new PostgresReferralStore(database);
            var open = await referrals.ListOpenAsync(0, 100, CancellationToken.None);
            Assert.NotEqual(aloneReference, fleetReference);
            Assert.Equal(new[] { aloneReference, fleetReference }.Order(StringComparer.Ordinal), open.Select(r => r.Reference).Order(StringComparer.Ordinal));
            Assert.All(open, r => Assert.Equal("routine", r.Disposition));
        }
        finally
        {
            foreach (var instance in instances)
            {
                await instance.DisposeAsync();
            }

            folder.Delete(recursive: true);
        }
    }

    /// <summary>Sends every answer, each to the instance <paramref name="route"/> picks; the double-send goes to both at once.</summary>
    private static async Task WalkAsync(EmulatorUser user, Func<int, EmulatorUser, ValueTask<IBotEndpoint>> route)
    {
        for (var i = 0; i < Answers.Length; i++)
        {
            if (i == DoubleSendAt)
            {
                var first = await route(i, user);
                var second = await route(i + 1, user);
                var both = await Task.WhenAll(Say(user, Answers[i], first), Say(user, Answers[i + 1], second));
                Assert.All(both, r => Assert.True(r.IsSuccessStatusCode, $"A double-sent answer got {(int)r.StatusCode}."));
                i++;
                continue;
            }

            using var response = await Say(user, Answers[i], await route(i, user));
            Assert.True(response.IsSuccessStatusCode, $"Answer {i} got {(int)response.StatusCode}.");
        }
    }

    private static async Task WalkAsync(EmulatorUser user, Func<int, EmulatorUser, IBotEndpoint> route) =>
        await WalkAsync(user, (i, u) => ValueTask.FromResult(route(i, u)));

    private static Task<HttpResponseMessage> Say(EmulatorUser user, string text, IBotEndpoint instance) =>
        user.PostAsync(user.Stamp(new Activity { Type = ActivityTypes.Message, Text = text, TextFormat = TextFormatTypes.Plain }), instance);

    /// <summary>Submits the referral card; returns the reference the bot confirmed.</summary>
    private static async Task<string> ReferAsync(EmulatorUser user, IBotEndpoint instance)
    {
        using var response = await user.PostAsync(user.Stamp(new Activity
        {
            Type = ActivityTypes.Message,
            Value = JsonSerializer.SerializeToElement(new { kind = "triage.referral", name = "Pat Doe", contact = "pat@example.org", time = "morning", consent = "true" }),
        }), instance);
        Assert.True(response.IsSuccessStatusCode, $"The referral card got {(int)response.StatusCode}.");
        var saved = user.BotMessages().Last(t => t is not null && t.Contains("TB-", StringComparison.Ordinal));
        return Reference().Match(saved!).Value;
    }

    /// <summary>
    /// The bot's messages with the reference number masked (it differs per conversation), in order of text: two
    /// answers handled at once may reach the channel in either order, but each reply must be there exactly once.
    /// </summary>
    private static string[] Normalized(IReadOnlyList<string?> messages) =>
        [.. messages.Select(m => Reference().Replace(m ?? "", "TB-XXXXXXXX")).Order(StringComparer.Ordinal)];

    private static Task<BotProcess> Start(DirectoryInfo folder, string connectionString, string name) =>
        BotProcess.StartAsync(new Dictionary<string, string>
        {
            ["Storage__Provider"] = "Postgres",
            ["ConnectionStrings__TriageBot"] = connectionString,
            ["Storage__DataDirectory"] = Path.Combine(folder.FullName, name),

            // A fleet shares its Data Protection key ring (a shared volume here), so any instance reads a contact
            // another encrypted.
            ["DataProtection__KeysPath"] = Path.Combine(folder.FullName, "keys"),
            ["Channels__DirectLine__Secret"] = global::TriageBot.Testing.DirectLine.DirectLineHost.Secret,
            ["Channels__BotConnector__AllowAnonymous"] = "true",
            ["Logging__LogLevel__Default"] = "Warning",
        });

    [GeneratedRegex("TB-[A-Z0-9]{8}")]
    private static partial Regex Reference();
}
