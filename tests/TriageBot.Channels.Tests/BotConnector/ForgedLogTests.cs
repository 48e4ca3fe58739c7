using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using TriageBot.Runtime.Turns;
using TriageBot.Schema;
using TriageBot.Testing;
using TriageBot.Testing.Identity;
using static TriageBot.Channels.Tests.Authentication.AuthTestSupport;

namespace TriageBot.Channels.Tests.BotConnector;

/// <summary>
/// Whatever a stranger puts in channelId, id or type, the log gets a known value, "other" or a short hash: no line
/// breaks or terminal escapes to forge or hide lines, and nothing long enough to flood the disk.
/// </summary>
public sealed class ForgedLogTests : IAsyncLifetime
{
    private const int MaxLogLine = 1024;

    /// <summary>A fake log line, terminal escapes (clear screen, colour), a NUL and 10 KB of padding.</summary>
    private static readonly string HostileText =
        "\r\n2026-12-07 09:00:00 crit: [FAKE] admin granted\u001b[2J\u001b[31m\u0000\u0085\u2028" + new string('A', 10 * 1024);

    private FakeChannel _channel = null!;

    public async Task InitializeAsync() => _channel = await FakeChannel.StartAsync();

    public async Task DisposeAsync() => await _channel.DisposeAsync();

    [Fact]
    public async Task AnonymousTurns_WithHostileChannelIdIdAndType_LogOnlySafeBoundedValues()
    {
        await using var bot = await BotHost.StartEchoAsync();
        var user = new EmulatorUser(bot, _channel);

        using var message = await user.PostAsync(Hostile(user, ActivityTypes.Message));
        using var unknownType = await user.PostAsync(Hostile(user, "message" + HostileText));
        user.Token = "not-a-token";
        using var withHeader = await user.PostAsync(Hostile(user, ActivityTypes.Message));

        Assert.Equal(HttpStatusCode.OK, message.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknownType.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withHeader.StatusCode);
        Assert.Equal(2, bot.Logs.WithEvent("TurnCompleted").Count());
        Assert.Contains("ChannelId=other ActivityType=other", bot.Logs.WithEvent("TurnCompleted").Last().Message, StringComparison.Ordinal);
        Assert.Contains("ChannelId=other", Assert.Single(bot.Logs.WithEvent("Unauthorized")).Message, StringComparison.Ordinal);
        AssertLogIsClean(bot.Logs);
    }

    [Fact]
    public async Task FailedTurn_WithHostileTypeAndId_LogsThemSafely()
    {
        await using var bot = await BotHost.StartAsync(services: s => s.AddSingleton<IBot>(new ThrowingBot()));
        var user = new EmulatorUser(bot, _channel);

        using var response = await user.PostAsync(Hostile(user, ActivityTypes.Message));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ActivityType=message ActivityId=", Assert.Single(bot.Logs.WithEvent("TurnFailed")).Message, StringComparison.Ordinal);
        AssertLogIsClean(bot.Logs);
    }

    [Fact]
    public async Task WithAuthentication_ARefusedTokenAndHostileChannelId_LogSafely()
    {
        await using var idp = await FakeIdentityServer.StartAsync(CancellationToken.None);
        await using var bot = await BotHost.StartEchoAsync(idp.BotConfiguration(AppId));
        var activity = Hostile(new EmulatorUser(bot, _channel), ActivityTypes.Message) with { ServiceUrl = ServiceUrl };

        using var garbage = await PostWithTokenAsync(bot, activity, "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0.c2ln");
        using var forAnotherBot = await PostWithTokenAsync(bot, activity, idp.ChannelToken("another-bot", ServiceUrl));

        Assert.Equal(HttpStatusCode.Unauthorized, garbage.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forAnotherBot.StatusCode);
        Assert.Equal(2, bot.Logs.WithEvent("Unauthorized").Count());
        AssertLogIsClean(bot.Logs);
    }

    private static Activity Hostile(EmulatorUser user, string type) => user.Stamp(new Activity
    {
        Type = type,
        Id = "id" + HostileText,
        ChannelId = "emulator" + HostileText,
        Text = "hi",
        DeliveryMode = DeliveryModes.ExpectReplies,
    });

    private static async Task<HttpResponseMessage> PostWithTokenAsync(BotHost bot, Activity activity, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, bot.MessagesUrl)
        {
            Content = JsonContent.Create(activity, SchemaJsonContext.Default.Activity),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await bot.Client.SendAsync(request);
    }

    private static void AssertLogIsClean(TestLogSink logs)
    {
        Assert.NotEmpty(logs.Entries);
        Assert.All(logs.Entries, entry =>
        {
            // TurnFailed ends with our own stack trace (type and frames, multi-line by design); the rest is checked.
            var message = entry.Message.Split(" Exception=")[0];
            Assert.True(message.Length <= MaxLogLine, $"{entry.EventName}: {message.Length} characters");
            Assert.DoesNotContain(message, c => char.IsControl(c) || c is '\u2028' or '\u2029');
        });
        Assert.DoesNotContain("[FAKE]", logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('A', 200), logs.AllText, StringComparison.Ordinal);
    }

    private sealed class ThrowingBot : IBot
    {
        public Task OnTurnAsync(TurnContext turnContext, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the bot failed");
    }
}
