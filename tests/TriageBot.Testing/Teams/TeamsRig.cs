using Microsoft.Extensions.DependencyInjection;
using TriageBot.Content;
using TriageBot.Testing.Identity;

namespace TriageBot.Testing.Teams;

/// <summary>
/// The real host with an app id (so inbound Teams activities need a valid channel token, and replies carry the bot's
/// outbound token), the test identity provider, and the fake Teams connector that accepts only tokens the identity
/// provider issued.
/// </summary>
public sealed class TeamsRig : IAsyncDisposable
{
    public const string AppId = "9f3c2a7e-1b4d-4c8e-a0f2-6d5b7e9c1a23";
    public const string ClinicTenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string OtherTenant = "0d3f1c2b-5a6e-4f70-8b9c-1e2d3f4a5b6c";

    private TeamsRig(FakeIdentityServer identity, TeamsPrivateChatFakeConnector connector, BotHost bot)
    {
        Identity = identity;
        Connector = connector;
        Bot = bot;
    }

    public FakeIdentityServer Identity { get; }

    public TeamsPrivateChatFakeConnector Connector { get; }

    public BotHost Bot { get; }

    public IContentCatalog Content => Bot.Services.GetRequiredService<IContentCatalog>();

    public static async Task<TeamsRig> StartAsync(params string[] allowedTenants)
    {
        var identity = await FakeIdentityServer.StartAsync();
        var connector = await TeamsPrivateChatFakeConnector.StartAsync();
        connector.AcceptsToken = token => token is not null && token == identity.LastIssuedToken;
        var settings = identity.BotConfiguration(AppId);
        for (var i = 0; i < allowedTenants.Length; i++)
        {
            settings[$"Channels:Teams:AllowedTenants:{i}"] = allowedTenants[i];
        }

        var bot = await BotHost.StartAsync(settings, FakeIdentityServer.TrustHttpMetadata);
        return new TeamsRig(identity, connector, bot);
    }

    /// <summary>Someone in <paramref name="tenantId"/> (the clinic's unless given), signing in as the Teams channel does.</summary>
    public TeamsMember Member(string tenantId = ClinicTenant) =>
        new(Bot, Connector.ServiceUrl, tenantId, () => Identity.ChannelToken(AppId, Connector.ServiceUrl)) { Bot = new() { Id = "28:" + AppId, Name = "Spine triage" } };

    public string Text(string key) => Content.Text(key, "en-GB");

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
        await Identity.DisposeAsync();
    }
}
