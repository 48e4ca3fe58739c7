using System.Net.Http.Json;
using System.Text.Json;
using TriageBot.Schema;

namespace TriageBot.Testing.Teams;

/// <summary>
/// A person in Microsoft Teams, posting to the bot as the Teams channel does: Teams-shaped ids (<c>29:</c> users,
/// <c>28:</c> the bot), <c>conversation.conversationType</c> and <c>tenantId</c>, <c>channelData.tenant</c>, and a
/// Bot Framework channel token signed by the test identity provider when one is given.
/// </summary>
public sealed class TeamsMember(BotHost bot, string serviceUrl, string tenantId, Func<string>? token = null)
{
    private int _sequence;

    public ChannelAccount User { get; init; } = new() { Id = "29:" + Guid.NewGuid().ToString("N"), Name = "Pat", AadObjectId = Guid.NewGuid().ToString() };

    public ChannelAccount Bot { get; init; } = new() { Id = "28:bot-app-id", Name = "Spine triage" };

    /// <summary>A team channel's conversation (<c>19:...@thread.tacv2</c>).</summary>
    public ConversationAccount Channel { get; init; } = new()
    {
        Id = "19:" + Guid.NewGuid().ToString("N") + "@thread.tacv2",
        ConversationType = TeamsActivity.Channel,
        IsGroup = true,
    };

    /// <summary>A group chat (<c>19:...@thread.v2</c>).</summary>
    public ConversationAccount GroupChat { get; } = new()
    {
        Id = "19:" + Guid.NewGuid().ToString("N") + "@thread.v2",
        ConversationType = TeamsActivity.GroupChat,
        IsGroup = true,
    };

    /// <summary>This person's one-to-one chat with the bot, as the fake connector names it.</summary>
    public ConversationAccount Personal => new()
    {
        Id = TeamsPrivateChatFakeConnector.PersonalConversationId(User.Id!),
        ConversationType = TeamsActivity.Personal,
    };

    /// <summary>Types <paramref name="text"/> in <paramref name="conversation"/>, @mentioning the bot as Teams requires in channels.</summary>
    public Task<HttpResponseMessage> SaysAsync(ConversationAccount conversation, string text) => PostAsync(new Activity
    {
        Type = ActivityTypes.Message,
        Text = conversation.ConversationType == TeamsActivity.Personal ? text : $"<at>{Bot.Name}</at> {text}",
        TextFormat = TextFormatTypes.Plain,
        Conversation = conversation,
        Entities = conversation.ConversationType == TeamsActivity.Personal ? null : [Mention()],
    });

    /// <summary>The app is installed (<c>installationUpdate</c>, action add) in <paramref name="conversation"/>.</summary>
    public Task<HttpResponseMessage> InstallsAsync(ConversationAccount conversation) =>
        PostAsync(new Activity { Type = ActivityTypes.InstallationUpdate, Action = "add", Conversation = conversation });

    /// <summary>The app is removed (<c>installationUpdate</c>, action remove).</summary>
    public Task<HttpResponseMessage> RemovesAsync(ConversationAccount conversation) =>
        PostAsync(new Activity { Type = ActivityTypes.InstallationUpdate, Action = "remove", Conversation = conversation });

    /// <summary>Teams' <c>conversationUpdate</c> saying the bot was added to <paramref name="conversation"/>.</summary>
    public Task<HttpResponseMessage> AddsTheBotAsync(ConversationAccount conversation) =>
        PostAsync(new Activity { Type = ActivityTypes.ConversationUpdate, MembersAdded = [Bot with { Name = null }], Conversation = conversation });

    /// <summary>Posts an activity stamped as Teams would (ids, tenant, service URL, addressing, locale).</summary>
    public async Task<HttpResponseMessage> PostAsync(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var stamped = activity with
        {
            Id = $"{Interlocked.Increment(ref _sequence)}{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}",
            ChannelId = ChannelIds.MsTeams,
            ServiceUrl = serviceUrl,
            From = User,
            Recipient = Bot,
            Locale = "en-GB",
            Timestamp = DateTimeOffset.UtcNow,
            Conversation = activity.Conversation! with { TenantId = tenantId },
            ChannelData = JsonSerializer.SerializeToElement(
                new Dictionary<string, Dictionary<string, string>> { ["tenant"] = new() { ["id"] = tenantId } }),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, bot.MessagesUrl)
        {
            Content = JsonContent.Create(stamped, SchemaJsonContext.Default.Activity),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token());
        }

        return await bot.Client.SendAsync(request);
    }

    private Entity Mention() => new Mention(Bot, $"<at>{Bot.Name}</at>").ToEntity();
}
