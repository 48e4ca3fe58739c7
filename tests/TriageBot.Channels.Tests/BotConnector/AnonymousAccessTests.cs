using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TriageBot.Channels.BotConnector;
using TriageBot.Runtime.State;
using TriageBot.Schema;
using TriageBot.Testing;

namespace TriageBot.Channels.Tests.BotConnector;

/// <summary>
/// /api/messages with no MicrosoftAppId: anonymous only in Development or with a loopback-only AllowAnonymous, and
/// then only for callers on this machine replying to loopback serviceUrls; in production the door is shut (401).
/// </summary>
public sealed class AnonymousAccessTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> Production = new() { ["Channels:BotConnector:AllowAnonymous"] = "false" };

    private FakeChannel _channel = null!;

    public async Task InitializeAsync() => _channel = await FakeChannel.StartAsync();

    public async Task DisposeAsync() => await _channel.DisposeAsync();

    [Fact]
    public async Task NoAppIdInProduction_EveryRequestGets401Problem_AndNoTurnRuns()
    {
        await using var bot = await BotHost.StartEchoAsync(Production);
        var user = new EmulatorUser(bot, _channel);

        using var start = await user.StartAsync();
        using var message = await user.SaysAsync("hello");
        using var expectReplies = await user.PostAsync(user.Stamp(new Activity
        {
            Type = ActivityTypes.Message,
            Text = "hello",
            DeliveryMode = DeliveryModes.ExpectReplies,
        }));

        foreach (var response in new[] { start, message, expectReplies })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.Empty(_channel.Requests);
        Assert.Empty(bot.Logs.WithEvent("TurnCompleted"));
        var warning = Assert.Single(bot.Logs.WithEvent("BotConnectorDisabled"));
        Assert.Contains("Direct Line", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TokenlessDeleteMyData_InProduction_Is401_AndTheUsersDataIsUntouched()
    {
        var folder = Directory.CreateTempSubdirectory("triagebot-delete-");
        try
        {
            // A patient talks to the bot while it serves only this machine (loopback AllowAnonymous).
            EmulatorUser patient;
            await using (var loopbackOnly = await BotHost.StartAsync(dataFolder: folder))
            {
                patient = new EmulatorUser(loopbackOnly, _channel);
                await patient.SaysAsync("hi");
                await patient.SaysAsync("yes");
            }

            // The same data behind a production host without an app id; a stranger claims the patient's ids.
            await using var production = await BotHost.StartAsync(Production, dataFolder: folder);
            var keys = StateKeys.For(patient.Stamp(new Activity { Type = ActivityTypes.Message }))!;
            var before = await ETagsAsync(production, keys);
            var delivered = _channel.Received.Count;
            var stranger = new EmulatorUser(production, _channel, patient.ConversationId) { User = patient.User };

            using var delete = await stranger.SaysAsync("delete my data");
            using var confirm = await stranger.SaysAsync("yes");
            using var deleteUserData = await stranger.PostAsync(stranger.Stamp(new Activity { Type = ActivityTypes.DeleteUserData }));

            Assert.All([delete, confirm, deleteUserData], r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
            Assert.NotNull(before.Conversation);
            Assert.Equal(before, await ETagsAsync(production, keys));
            Assert.Equal(delivered, _channel.Received.Count);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task NoAppIdInDevelopment_TheEmulatorTalksWithoutAToken()
    {
        await using var bot = await BotHost.StartAsync(Production, services => services.AddSingleton<Runtime.Turns.IBot, EchoBot>(), environment: "Development");
        var user = new EmulatorUser(bot, _channel);

        using var response = await user.SaysAsync("hello");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["You said: hello"], user.BotMessages());
        Assert.Single(bot.Logs.WithEvent("BotConnectorAnonymous"));
    }

    [Fact]
    public async Task AllowAnonymousOnLoopbackOnly_Starts_AndServesThisMachine()
    {
        await using var bot = await BotHost.StartEchoAsync(new Dictionary<string, string?> { ["Channels:BotConnector:AllowAnonymous"] = "true" });
        var user = new EmulatorUser(bot, _channel);

        using var response = await user.SaysAsync("hello");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("AllowAnonymous", Assert.Single(bot.Logs.WithEvent("BotConnectorAnonymous")).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("urls", "http://0.0.0.0:3978")]
    [InlineData("urls", "http://127.0.0.1:3978;http://[::]:3978")]
    [InlineData("urls", "http://*:3978")]
    [InlineData("urls", "http://+:3978")]
    [InlineData("urls", "http://bot.clinic.example:3978")]
    [InlineData("http_ports", "3978")]
    [InlineData("Kestrel:Endpoints:Public:Url", "http://0.0.0.0:3978")]
    public async Task AllowAnonymousOutsideDevelopment_ListeningBeyondLoopback_RefusesToStart(string key, string value)
    {
        var settings = new Dictionary<string, string?> { ["Channels:BotConnector:AllowAnonymous"] = "true", [key] = value };

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => BotHost.StartEchoAsync(settings));

        Assert.Contains("AllowAnonymous", refused.Message, StringComparison.Ordinal);
        Assert.Contains("not a loopback", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://evil.example", "serviceUrl not allowed")]
    [InlineData("http://127.0.0.1#@evil.example", "serviceUrl not allowed")]
    [InlineData("http://evil.example?x=http://localhost", "serviceUrl not allowed")]
    [InlineData("http://localhost@evil.example", "serviceUrl not allowed")]
    [InlineData("http://169.254.169.254/metadata", "serviceUrl not allowed")]
    [InlineData("http://3232235521", "serviceUrl not allowed")]
    [InlineData("http://[::]:80", "serviceUrl not allowed")]
    [InlineData("ftp://localhost/", "Invalid serviceUrl")]
    [InlineData("not a url", "Invalid serviceUrl")]
    [InlineData("/relative", "Invalid serviceUrl")]
    public async Task Anonymous_ServiceUrlOffThisMachine_Is400_BeforeTheTurnRuns(string serviceUrl, string title)
    {
        await using var bot = await BotHost.StartEchoAsync();
        var user = new EmulatorUser(bot, _channel);

        using var response = await user.PostAsync(user.Stamp(new Activity { Type = ActivityTypes.Message, Text = "hi", ServiceUrl = serviceUrl }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.Empty(bot.Logs.WithEvent("TurnCompleted"));
    }

    [Theory]
    [InlineData("203.0.113.7", StatusCodes.Status403Forbidden)]
    [InlineData("::ffff:10.1.2.3", StatusCodes.Status403Forbidden)]
    [InlineData("127.0.0.1", StatusCodes.Status200OK)]
    public async Task Anonymous_OnlyCallersOnThisMachineAreServed(string remoteAddress, int expected)
    {
        await using var bot = await BotHost.StartEchoAsync();
        var context = new DefaultHttpContext { RequestServices = bot.Services };
        context.Connection.RemoteIpAddress = IPAddress.Parse(remoteAddress);
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(
            """{"type":"message","id":"1","text":"hi","channelId":"emulator","from":{"id":"u1"},"recipient":{"id":"b1"},"conversation":{"id":"c1"},"deliveryMode":"expectReplies"}"""));

        var result = await bot.Services.GetRequiredService<BotConnectorAdapter>().ProcessAsync(context.Request, CancellationToken.None);

        Assert.Equal(expected, (result as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK);
    }

    private static async Task<(string? Conversation, string? User, string? Private)> ETagsAsync(BotHost host, StateKeys keys)
    {
        var store = host.Services.GetRequiredService<IStateStore>();
        return (
            (await store.ReadAsync(keys.Conversation, CancellationToken.None))?.ETag,
            (await store.ReadAsync(keys.User, CancellationToken.None))?.ETag,
            (await store.ReadAsync(keys.PrivateConversation, CancellationToken.None))?.ETag);
    }
}
