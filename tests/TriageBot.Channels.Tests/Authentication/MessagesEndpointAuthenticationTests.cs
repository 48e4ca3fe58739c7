using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Logging;
using TriageBot.Channels.BotConnector.Authentication;
using TriageBot.Channels.Tests.BotConnector;
using TriageBot.Host;
using TriageBot.Schema;
using TriageBot.Testing;
using TriageBot.Testing.Identity;
using static TriageBot.Channels.Tests.Authentication.AuthTestSupport;

namespace TriageBot.Channels.Tests.Authentication;

/// <summary>Smoke test of the wiring: the real app, configured with an app id, checks tokens on /api/messages.</summary>
public sealed class MessagesEndpointAuthenticationTests : IAsyncLifetime
{
    private FakeIdentityServer _idp = null!;
    private WebApplication _app = null!;
    private Uri _baseAddress = null!;

    public async Task InitializeAsync()
    {
        _idp = await FakeIdentityServer.StartAsync(CancellationToken.None);
        _app = await StartAppAsync(allowHttpMetadata: true);
        _baseAddress = new Uri(_app.Urls.First());
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _idp.DisposeAsync();
    }

    [Fact]
    public async Task Message_WithValidChannelToken_RunsTheTurn()
    {
        using var response = await PostAsync(_idp.ChannelToken(AppId, ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = await response.Content.ReadFromJsonAsync(SchemaJsonContext.Default.ExpectedReplies);
        Assert.Equal("You said: hi", Assert.Single(replies!.Activities!).Text);
    }

    [Fact]
    public async Task Message_WithEmulatorToken_RunsTheTurn()
    {
        using var response = await PostAsync(_idp.EmulatorToken(AppId, "2.0"), channelId: "emulator");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Message_WithoutToken_Is401()
    {
        using var response = await PostAsync(token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Message_WithTokenForAnotherBot_Is401()
    {
        using var response = await PostAsync(_idp.ChannelToken("another-bot-app-id", ServiceUrl));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task IdentityModelLogging_AfterValidAndInvalidTokens_NeverShowsPiiOrWholeTokens()
    {
        using var accepted = await PostAsync(_idp.ChannelToken(AppId, ServiceUrl));
        using var refused = await PostAsync(_idp.ChannelToken(AppId, ServiceUrl, customize: c => c["iss"] = "https://evil.example.com"));

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.False(IdentityModelEventSource.ShowPII);
        Assert.False(IdentityModelEventSource.LogCompleteSecurityArtifact);
    }

    [Fact]
    public async Task Message_WithValidToken_ClaimingAnotherCallerId_ReachesTheBotWithTheAuthenticatedOne()
    {
        // The caller claims the US Government cloud; the token says public Azure, and only the token counts.
        var recorder = new ActivityRecorder();
        await using var app = await StartAppAsync(allowHttpMetadata: true, bot: recorder);

        using var response = await PostAsync(
            _idp.ChannelToken(AppId, ServiceUrl), baseAddress: new Uri(app.Urls.First()), callerId: CallerIdConstants.USGovChannel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(CallerIdConstants.PublicAzureChannel, Assert.Single(recorder.Received).CallerId);
    }

    [Fact]
    public async Task Message_WithValidToken_WhenMetadataIsHttpAndNoTestHook_Is401()
    {
        // The same app without the test hook: IdentityModel refuses the http metadata URL before sending anything.
        await using var app = await StartAppAsync(allowHttpMetadata: false);
        var before = _idp.ChannelMetadataRequests;

        using var response = await PostAsync(_idp.ChannelToken(AppId, ServiceUrl), baseAddress: new Uri(app.Urls.First()));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, _idp.ChannelMetadataRequests);
    }

    private async Task<WebApplication> StartAppAsync(bool allowHttpMetadata, TriageBot.Runtime.Turns.IBot? bot = null)
    {
        var app = TriageBotApp.Build([], builder =>
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            builder.Configuration.AddInMemoryCollection(_idp.BotConfiguration(AppId));
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "InMemory",
                ["Storage:DataDirectory"] = Path.Combine(Path.GetTempPath(), "triagebot-auth-tests"),
                ["DataProtection:KeysPath"] = Path.Combine(Path.GetTempPath(), "triagebot-auth-tests", "keys"),
            });
            if (bot is null)
            {
                builder.Services.AddSingleton<TriageBot.Runtime.Turns.IBot, EchoBot>();
            }
            else
            {
                builder.Services.AddSingleton(bot);
            }

            if (allowHttpMetadata)
            {
                builder.Services.AddSingleton(new AllowHttpOpenIdMetadata());
            }
        });
        await app.StartAsync(CancellationToken.None);
        return app;
    }

    private async Task<HttpResponseMessage> PostAsync(string? token, string channelId = "msteams", Uri? baseAddress = null, string? callerId = null)
    {
        var activity = Message(channelId) with
        {
            Text = "hi",
            CallerId = callerId,
            DeliveryMode = DeliveryModes.ExpectReplies,
            From = new ChannelAccount { Id = "user-1" },
            Recipient = new ChannelAccount { Id = "bot-1" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = JsonContent.Create(activity, SchemaJsonContext.Default.Activity),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var http = new HttpClient { BaseAddress = baseAddress ?? _baseAddress };
        var response = await http.SendAsync(request, CancellationToken.None);
        await response.Content.LoadIntoBufferAsync(CancellationToken.None);
        return response;
    }
}
