using System.Text.Json;
using TriageBot.Schema;

namespace TriageBot.Runtime.Tests.Support;

/// <summary>The people and activities of a small Teams conversation between a clinician and the clinic bot.</summary>
internal static class Chat
{
    public const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    public static ChannelAccount User { get; } = new() { Id = "29:1Kq0Yk3mE2vR8bT5nW7x", Name = "Dr. Ada Example", AadObjectId = "7faf8ab2-0c4d-4e5f-9a1b-2c3d4e5f6a7b" };

    public static ChannelAccount Bot { get; } = new() { Id = "28:6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b", Name = "Clinic Bot" };

    public static ChannelAccount Nurse { get; } = new() { Id = "29:9Zz8Yy7Xx6Ww5Vv4Uu3T", Name = "Nurse Kim" };

    public static ConversationAccount Conversation { get; } = new() { Id = "a:17I0kl3Jp8sQ2wE5rT7yU9iO1pA3sD5f", ConversationType = "personal", TenantId = "5d1e2f3a-9b8c-4d7e-a6f5-0c1b2a3d4e5f" };

    /// <summary>An inbound activity of any type, stamped as a channel stamps it: from the user, to the bot.</summary>
    public static Activity Inbound(string? type, string channelId = ChannelIds.MsTeams) => new()
    {
        Type = type,
        Id = "1712345678901",
        Timestamp = new DateTimeOffset(2024, 4, 5, 9, 14, 38, 901, TimeSpan.Zero),
        ServiceUrl = ServiceUrl,
        ChannelId = channelId,
        From = User,
        Recipient = Bot,
        Conversation = Conversation,
        Locale = "en-US",
    };

    /// <summary>What the user typed.</summary>
    public static Activity Message(string text, string channelId = ChannelIds.MsTeams) =>
        Inbound(ActivityTypes.Message, channelId) with { Text = text, TextFormat = TextFormatTypes.Plain };

    /// <summary>A message with mention entities, as Teams sends it in group chats and channels.</summary>
    public static Activity MessageWithMentions(string text, params Entity[] mentions) =>
        Message(text) with { Entities = mentions };

    /// <summary>An <c>invoke</c> whose value is the given JSON (or absent).</summary>
    public static Activity Invoke(string name, string? valueJson = null) =>
        Inbound(ActivityTypes.Invoke) with { Name = name, Value = valueJson is null ? null : JsonElement.Parse(valueJson) };

    /// <summary>A mention entity, written as raw JSON so that <c>text</c> can be left out.</summary>
    public static Entity MentionOf(ChannelAccount account, string? text = null, bool includeText = true)
    {
        var textProperty = includeText ? $", \"text\": {JsonSerializer.Serialize(text ?? $"<at>{account.Name}</at>", SchemaJsonContext.Default.String)}" : string.Empty;
        var json = $$"""{ "type": "mention", "mentioned": { "id": "{{account.Id}}", "name": "{{account.Name}}" }{{textProperty}} }""";
        return JsonSerializer.Deserialize(json, SchemaJsonContext.Default.Entity)!;
    }
}
