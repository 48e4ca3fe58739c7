using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TriageBot.Runtime.Turns;
using TriageBot.Schema;
using TriageBot.Testing;

namespace TriageBot.Channels.Tests.BotConnector;

/// <summary>POST /api/messages status codes: what a channel, the Emulator or a curl user gets for every kind of request.</summary>
public sealed class MessagesEndpointTests : IAsyncLifetime
{
    private BotHost _bot = null!;
    private FakeChannel _channel = null!;

    public async Task InitializeAsync()
    {
        _channel = await FakeChannel.StartAsync();
        _bot = await BotHost.StartEchoAsync(new Dictionary<string, string?> { ["Channels:BotConnector:MaxBodyBytes"] = "4096" });
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _channel.DisposeAsync();
    }

    [Theory]
    [InlineData("", "Missing activity")]
    [InlineData("null", "Missing activity")]
    [InlineData("{}", "Missing activity type")]
    [InlineData("""{"type":""}""", "Missing activity type")]
    [InlineData("""{"type":"message","text":"hi",""", "Invalid JSON")]
    [InlineData("hello bot", "Invalid JSON")]
    [InlineData("""{"type":42}""", "Invalid JSON")]
    public async Task Post_UnusableBody_Returns400ProblemWithReason(string body, string title)
    {
        using var response = await PostRawAsync(body, "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Post_InvalidJson_ReasonNamesThePositionNotTheContent()
    {
        using var response = await PostRawAsync("""{"type":"message","text":"my secret symptom""", "application/json");

        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        Assert.Contains("line", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("secret symptom", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("secret symptom", _bot.Logs.AllText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task Post_NonJsonContentType_Returns415(string? contentType)
    {
        using var response = await PostRawAsync("""{"type":"message"}""", contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/vnd.microsoft.activity+json")]
    public async Task Post_JsonContentTypeVariants_AreAccepted(string contentType)
    {
        using var response = await PostRawAsync(MessageJson("hi", DeliveryModes.ExpectReplies), contentType);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_BodyOverLimitWithContentLength_Returns413()
    {
        using var response = await PostRawAsync(MessageJson(new string('x', 5000), DeliveryModes.ExpectReplies), "application/json");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Post_ChunkedBodyOverLimit_Returns413()
    {
        var bytes = Encoding.UTF8.GetBytes(MessageJson(new string('x', 5000), DeliveryModes.ExpectReplies));
        using var content = new StreamContent(new NonSeekableStream(bytes));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, _bot.MessagesUrl) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _bot.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task OtherMethods_Return405(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), _bot.MessagesUrl);

        using var response = await _bot.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Theory]
    [InlineData("ping")]
    [InlineData("foo")]
    [InlineData("typing")]
    [InlineData("messageReaction")]
    [InlineData("deleteUserData")]
    public async Task UnknownOrIgnoredActivityType_Returns200AndSendsNothing(string type)
    {
        var user = new EmulatorUser(_bot, _channel);

        using var response = await user.PostAsync(user.Stamp(new Activity { Type = type }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Empty(_channel.Requests);
    }

    [Fact]
    public async Task ExpectReplies_ReturnsEveryReplyInTheBody_AndPostsNothingToTheChannel()
    {
        var user = new EmulatorUser(_bot, _channel);

        using var response = await user.PostAsync(user.Stamp(new Activity
        {
            Type = ActivityTypes.Message,
            Text = "lower back",
            DeliveryMode = DeliveryModes.ExpectReplies,
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = await response.Content.ReadFromJsonAsync(SchemaJsonContext.Default.ExpectedReplies);
        var reply = Assert.Single(replies!.Activities);
        Assert.Equal("You said: lower back", reply.Text);
        Assert.Equal(user.Bot.Id, reply.From?.Id);
        Assert.Equal(user.User.Id, reply.Recipient?.Id);
        Assert.Equal(user.ConversationId, reply.Conversation?.Id);
        Assert.Empty(_channel.Requests);
    }

    [Fact]
    public async Task ReadmeCurlExample_Returns200WithTheBotsReply()
    {
        const string body = """{"type":"message","id":"1","text":"hi","channelId":"emulator","serviceUrl":"http://localhost:1","from":{"id":"u1"},"recipient":{"id":"b1"},"conversation":{"id":"c1"},"deliveryMode":"expectReplies"}""";

        using var response = await PostRawAsync(body, "application/json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = await response.Content.ReadFromJsonAsync(SchemaJsonContext.Default.ExpectedReplies);
        var reply = Assert.Single(replies!.Activities);
        Assert.Equal("1", reply.ReplyToId);
        Assert.Equal("u1", reply.Recipient?.Id);
    }

    [Fact]
    public async Task CallerIdClaimedOnTheWire_WithoutAuthentication_ReachesTheBotAsNull()
    {
        // A tokenless caller claims to be the Azure channel service; only authentication may say who called.
        var recorder = new ActivityRecorder();
        await using var bot = await BotHost.StartAsync(services: s => s.AddSingleton<IBot>(recorder));
        var user = new EmulatorUser(bot, _channel);

        using var response = await user.PostAsync(user.Stamp(new Activity
        {
            Type = ActivityTypes.Message,
            Text = "hi",
            CallerId = CallerIdConstants.PublicAzureChannel,
            DeliveryMode = DeliveryModes.ExpectReplies,
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var seen = Assert.Single(recorder.Received);
        Assert.Equal("hi", seen.Text);
        Assert.Null(seen.CallerId);
    }

    [Fact]
    public async Task Invoke_AdaptiveCardActionSubmit_Returns400NotSupportedBody()
    {
        var user = new EmulatorUser(_bot, _channel);
        var value = JsonSerializer.SerializeToElement(new Dictionary<string, object>
        {
            ["action"] = new Dictionary<string, string> { ["type"] = "Action.Submit" },
        });

        using var response = await user.PostAsync(user.Stamp(new Activity { Type = ActivityTypes.Invoke, Name = "adaptiveCard/action", Value = value }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, body.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.error", body.GetProperty("type").GetString());
        Assert.Equal("NotSupported", body.GetProperty("value").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Invoke_NobodyAnswers_Returns501WithEmptyBody()
    {
        var user = new EmulatorUser(_bot, _channel);

        using var response = await user.PostAsync(user.Stamp(new Activity { Type = ActivityTypes.Invoke, Name = "task/fetch" }));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Message_WithoutServiceUrl_Returns400SayingWhereRepliesCannotGo()
    {
        var user = new EmulatorUser(_bot, _channel);
        var activity = user.Stamp(new Activity { Type = ActivityTypes.Message, Text = "hi" }) with { ServiceUrl = null };

        using var response = await user.PostAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static string MessageJson(string text, string deliveryMode) => JsonSerializer.Serialize(new Activity
    {
        Type = ActivityTypes.Message,
        Id = "1",
        Text = text,
        ChannelId = ChannelIds.Emulator,
        ServiceUrl = "http://localhost:1",
        From = new ChannelAccount { Id = "u1" },
        Recipient = new ChannelAccount { Id = "b1" },
        Conversation = new ConversationAccount { Id = "c1" },
        DeliveryMode = deliveryMode,
    }, SchemaJsonContext.Default.Activity);

    private async Task<HttpResponseMessage> PostRawAsync(string body, string? contentType)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        return await _bot.Client.PostAsync(_bot.MessagesUrl, content);
    }

    /// <summary>Hides the length so HttpClient must send the body chunked, with no Content-Length to check up front.</summary>
    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
