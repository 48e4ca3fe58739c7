using System.Net.Http.Json;
using TriageBot.Schema;

namespace TriageBot.Testing;

/// <summary>
/// A person talking to the bot through the Bot Framework Emulator: Emulator-shaped ids (<c>{uuid}|livechat</c>),
/// a bot account with its own uuid, and activities posted to the bot's <c>/api/messages</c> with the fake channel
/// as <c>serviceUrl</c>. Because the bot delivers replies before answering, they are all at the channel when a
/// send returns.
/// </summary>
public sealed class EmulatorUser(IBotEndpoint bot, FakeChannel channel, string? conversationId = null)
{
    private int _sequence;

    public ChannelAccount User { get; init; } = new() { Id = Guid.NewGuid().ToString(), Name = "User", Role = RoleTypes.User };

    public ChannelAccount Bot { get; } = new() { Id = Guid.NewGuid().ToString(), Name = "Bot", Role = RoleTypes.Bot };

    public string ConversationId { get; } = conversationId ?? $"{Guid.NewGuid()}|livechat";

    /// <summary>Bearer token to send, when the bot has an app id.</summary>
    public string? Token { get; set; }

    /// <summary>The Emulator's opening move: a conversationUpdate adding the bot and the user.</summary>
    public Task<HttpResponseMessage> StartAsync() => PostAsync(Stamp(new Activity
    {
        Type = ActivityTypes.ConversationUpdate,
        MembersAdded = [Bot with { Role = null }, User with { Role = null }],
        MembersRemoved = [],
    }));

    /// <summary>The user types <paramref name="text"/>.</summary>
    public Task<HttpResponseMessage> SaysAsync(string text) =>
        PostAsync(Stamp(new Activity { Type = ActivityTypes.Message, Text = text, TextFormat = TextFormatTypes.Plain }));

    /// <summary>Stamps an activity as the Emulator does (ids, addressing, locale, serviceUrl).</summary>
    public Activity Stamp(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var n = Interlocked.Increment(ref _sequence);
        return activity with
        {
            Id = activity.Id ?? $"{ConversationId.Split('|')[0]}|{n:D7}",
            ChannelId = activity.ChannelId ?? ChannelIds.Emulator,
            ServiceUrl = activity.ServiceUrl ?? channel.ServiceUrl,
            Conversation = activity.Conversation ?? new ConversationAccount { Id = ConversationId },
            From = activity.From ?? User,
            Recipient = activity.Recipient ?? Bot,
            Locale = activity.Locale ?? "en-US",
            Timestamp = activity.Timestamp ?? DateTimeOffset.UtcNow,
        };
    }

    /// <summary>Posts any activity to the bot as-is.</summary>
    public Task<HttpResponseMessage> PostAsync(Activity activity) => PostAsync(activity, bot);

    /// <summary>Posts any activity as-is to <paramref name="instance"/>: one of several instances serving the same bot.</summary>
    public async Task<HttpResponseMessage> PostAsync(Activity activity, IBotEndpoint instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        using var request = new HttpRequestMessage(HttpMethod.Post, instance.MessagesUrl)
        {
            Content = JsonContent.Create(activity, SchemaJsonContext.Default.Activity),
        };
        if (Token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);
        }

        return await instance.Client.SendAsync(request);
    }

    /// <summary>The texts of the messages the bot sent to this conversation, in order.</summary>
    public IReadOnlyList<string?> BotMessages() =>
        [.. channel.Received
            .Where(r => r.Activity.Conversation?.Id == ConversationId && r.Activity.Type == ActivityTypes.Message)
            .Select(r => r.Activity.Text)];
}
