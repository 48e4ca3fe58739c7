using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TriageBot.Runtime.Turns;
using TriageBot.Schema;
using TriageBot.Testing;

namespace TriageBot.Channels.Tests.BotConnector;

/// <summary>The middleware a real request passes through: errors answered politely, typing shown for slow turns.</summary>
public sealed class TurnPipelineIntegrationTests : IAsyncLifetime
{
    private FakeChannel _channel = null!;

    public async Task InitializeAsync() => _channel = await FakeChannel.StartAsync();

    public async Task DisposeAsync() => await _channel.DisposeAsync();

    [Fact]
    public async Task BotThrows_UserGetsApologyWithErrorId_AndTheLogHasNoPatientWords()
    {
        await using var bot = await BotHost.StartAsync(services: s => s.AddSingleton<IBot>(new ThrowingBot()));
        var user = new EmulatorUser(bot, _channel);

        using var response = await user.SaysAsync("I can't control my bladder");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var apology = Assert.Single(user.BotMessages());
        Assert.DoesNotContain("half-finished", apology, StringComparison.Ordinal);
        var errorId = System.Text.RegularExpressions.Regex.Match(apology!, @"\b[0-9a-f]{8}\b").Value;
        Assert.Equal(8, errorId.Length);
        var failure = Assert.Single(bot.Logs.WithEvent("TurnFailed"));
        Assert.Contains(errorId, failure.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(InvalidOperationException), failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("bladder", bot.Logs.AllText, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SlowTurn_TypingIndicatorArrivesBeforeTheAnswer()
    {
        var slowBot = new WaitsForTypingBot(_channel);
        await using var bot = await BotHost.StartAsync(
            new Dictionary<string, string?> { ["Runtime:ShowTyping:Delay"] = "00:00:00.050" },
            s => s.AddSingleton<IBot>(slowBot));
        var user = new EmulatorUser(bot, _channel);

        using var response = await user.SaysAsync("hello");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var types = _channel.Received.Select(r => r.Activity.Type).ToList();
        Assert.Equal(ActivityTypes.Typing, types[0]);
        Assert.Equal(ActivityTypes.Message, types[^1]);
        Assert.Equal(user.User.Id, _channel.Received[0].Activity.Recipient?.Id);
    }

    [Fact]
    public async Task FastTurn_SendsNoTypingIndicator()
    {
        await using var bot = await BotHost.StartEchoAsync(new Dictionary<string, string?> { ["Runtime:ShowTyping:Delay"] = "01:00:00" });
        var user = new EmulatorUser(bot, _channel);

        await user.SaysAsync("hello");

        Assert.DoesNotContain(_channel.Received, r => r.Activity.Type == ActivityTypes.Typing);
    }

    private sealed class ThrowingBot : IBot
    {
        public Task OnTurnAsync(TurnContext turnContext, CancellationToken cancellationToken)
        {
            turnContext.SendActivity("a half-finished answer");
            throw new InvalidOperationException($"could not parse '{turnContext.Activity.Text}'");
        }
    }

    /// <summary>Stays busy until the channel has shown "typing…", so the test needs no clock.</summary>
    private sealed class WaitsForTypingBot(FakeChannel channel) : IBot
    {
        public async Task OnTurnAsync(TurnContext turnContext, CancellationToken cancellationToken)
        {
            using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await channel.WaitForAsync(r => r.Activity.Type == ActivityTypes.Typing, guard.Token);
            turnContext.SendActivity("done thinking");
        }
    }
}
