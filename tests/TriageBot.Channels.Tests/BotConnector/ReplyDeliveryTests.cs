using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TriageBot.Channels.BotConnector;
using TriageBot.Testing;

namespace TriageBot.Channels.Tests.BotConnector;

/// <summary>What happens when the channel does not take a reply at once: retried when it is worth it, never otherwise.</summary>
public sealed class ReplyDeliveryTests : IAsyncLifetime
{
    private BotHost _bot = null!;
    private FakeChannel _channel = null!;

    public async Task InitializeAsync()
    {
        _channel = await FakeChannel.StartAsync();
        _bot = await BotHost.StartEchoAsync(new Dictionary<string, string?>
        {
            ["Channels:BotConnector:Retry:MaxAttempts"] = "3",
            ["Channels:BotConnector:Retry:BaseDelay"] = "00:00:00.010",
            ["Channels:BotConnector:Retry:MaxDelay"] = "00:00:00.050",
            ["Channels:BotConnector:Retry:MaxRetryAfter"] = "00:00:02",
            ["Channels:BotConnector:AttemptTimeout"] = "00:00:02",
        });
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _channel.DisposeAsync();
    }

    [Fact]
    public async Task Channel429WithRetryAfter_ReplyIsRetriedAfterTheGivenDelay()
    {
        _channel.Respond = r => r.Sequence == 1 ? new FakeResponse(429, RetryAfter: "1") : FakeResponse.Ok();
        var user = new EmulatorUser(_bot, _channel);

        using var response = await user.SaysAsync("hello");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _channel.Requests.Count);
        Assert.Equal(["You said: hello"], user.BotMessages());
        var retry = Assert.Single(_bot.Logs.WithEvent("ReplyRetrying"));
        Assert.Contains("Status=429", retry.Message, StringComparison.Ordinal);
        Assert.Contains("DelayMs=1000", retry.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task ChannelTransientFailureOnce_ReplyIsDeliveredOnRetry(int status)
    {
        _channel.Respond = r => r.Sequence == 1 ? new FakeResponse(status) : FakeResponse.Ok();
        var user = new EmulatorUser(_bot, _channel);

        using var response = await user.SaysAsync("hello");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _channel.Requests.Count);
        Assert.Single(_channel.Received);
    }

    [Theory]
    [InlineData(400, "BadArgument")]
    [InlineData(404, "ConversationNotFound")]
    [InlineData(413, "MessageSizeTooBig")]
    public async Task Channel4xx_IsNotRetried_AndTheCallerIsTold(int status, string code)
    {
        _channel.Respond = _ => FakeResponse.Error(status, code);
        var user = new EmulatorUser(_bot, _channel);

        using var response = await user.SaysAsync("hello");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Single(_channel.Requests);
        var failure = Assert.Single(_bot.Logs.WithEvent("ReplyFailed"));
        Assert.Contains($"ErrorCode={code}", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(400, "BadArgument")]
    [InlineData(503, "ServiceUnavailable")]
    public async Task ChannelRefusesTheReply_The502SaysNothingAboutTheUpstream(int status, string code)
    {
        _channel.Respond = _ => FakeResponse.Error(status, code);
        var user = new EmulatorUser(_bot, _channel);

        using var response = await user.SaysAsync("hello");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
        Assert.Equal("Reply not delivered", problem.GetProperty("title").GetString());
        Assert.Equal("The channel did not accept the bot's reply.", problem.GetProperty("detail").GetString());
        var said = string.Join('\n', new[] { "type", "title", "detail" }.Select(name => problem.GetProperty(name).GetString()));
        var port = new Uri(_channel.ServiceUrl).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var leak in new[] { $"{status}", code, "scripted failure", "127.0.0.1", $":{port}" })
        {
            Assert.DoesNotContain(leak, said, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task ChannelRedirects_TheRedirectIsNotFollowed(int status)
    {
        _channel.Respond = r => r.Sequence == 1 ? new FakeResponse(status, Location: $"{_channel.ServiceUrl}/v3/conversations/elsewhere/activities") : FakeResponse.Ok();
        var user = new EmulatorUser(_bot, _channel);

        using var response = await user.SaysAsync("hello");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Single(_channel.Requests);
    }

    [Fact]
    public async Task ChannelAnswersWithAHugeBody_TheBotStopsReadingAndReportsFailure()
    {
        _channel.Respond = _ => new FakeResponse(200, $$"""{"id":"{{new string('x', 200 * 1024)}}"}""");
        var user = new EmulatorUser(_bot, _channel);

        using var response = await user.SaysAsync("hello");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Single(_channel.Requests);
    }

    [Fact]
    public async Task ChannelHangs_TheAttemptTimesOut_AndTheRetryDelivers()
    {
        _channel.Respond = r => r.Sequence == 1 ? new FakeResponse(200, Delay: TimeSpan.FromMinutes(2)) : FakeResponse.Ok();
        var user = new EmulatorUser(_bot, _channel);

        using var response = await user.SaysAsync("hello");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, _channel.Requests.Count);
        Assert.Equal(["You said: hello"], user.BotMessages());
        Assert.Single(_bot.Logs.WithEvent("ReplyRetrying"));
    }

    [Fact]
    public async Task ChannelErrorCodeWithControlCharacters_IsLoggedAsOther()
    {
        _channel.Respond = _ => FakeResponse.Error(400, @"Bad\r\nFAKE LOG LINE\u001b[31m" + new string('x', 10_000));
        var user = new EmulatorUser(_bot, _channel);

        using var response = await user.SaysAsync("hello");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var failure = Assert.Single(_bot.Logs.WithEvent("ReplyFailed"));
        Assert.Contains("ErrorCode=other", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("FAKE LOG LINE", _bot.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TypingTheChannelRefuses_IsTriedOnceOnly()
    {
        _channel.Respond = _ => new FakeResponse(503);
        var user = new EmulatorUser(_bot, _channel);
        var client = _bot.Services.GetRequiredService<ConnectorClientFactory>().Create();

        await Assert.ThrowsAsync<ConnectorException>(() =>
            client.SendAsync(user.Stamp(new Schema.Activity { Type = Schema.ActivityTypes.Typing }), retryTransient: false, CancellationToken.None));

        Assert.Single(_channel.Requests);
        Assert.Empty(_bot.Logs.WithEvent("ReplyRetrying"));
    }

    [Fact]
    public async Task ChannelAlwaysUnavailable_RetriesStopAtMaxAttempts()
    {
        _channel.Respond = _ => new FakeResponse(503);
        var user = new EmulatorUser(_bot, _channel);

        using var response = await user.SaysAsync("hello");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal(3, _channel.Requests.Count);
    }

    [Fact]
    public async Task RetryAfterBeyondTheTimeBudget_GivesUpInsteadOfWaiting()
    {
        _channel.Respond = _ => new FakeResponse(429, RetryAfter: "120");
        var user = new EmulatorUser(_bot, _channel);

        using var response = await user.SaysAsync("hello");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Single(_channel.Requests);
    }

    [Fact]
    public async Task ChannelAnswers201WithEmptyBody_CountsAsDelivered()
    {
        _channel.Respond = _ => new FakeResponse(201);
        var user = new EmulatorUser(_bot, _channel);

        using var response = await user.SaysAsync("hello");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_channel.Received);
    }

    [Fact]
    public async Task ChannelUnreachable_IsRetriedThenReportedAs502_AndTheLogNamesNoUpstream()
    {
        var user = new EmulatorUser(_bot, _channel);
        var activity = user.Stamp(new Schema.Activity { Type = Schema.ActivityTypes.Message, Text = "hi", ServiceUrl = "http://127.0.0.1:9" });

        using var response = await user.PostAsync(activity);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal(2, _bot.Logs.WithEvent("ReplyRetrying").Count());
        Assert.Contains("Failure=unreachable", Assert.Single(_bot.Logs.WithEvent("ReplyFailed")).Message, StringComparison.Ordinal);

        // Only our own lines: Polly's would repeat the exception's message, which names the upstream.
        Assert.DoesNotContain(_bot.Logs.Entries, e => e.Category.StartsWith("Polly", StringComparison.Ordinal));
        Assert.DoesNotContain("Connection refused", _bot.Logs.AllText, StringComparison.Ordinal);
    }
}
