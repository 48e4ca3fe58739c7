using System.Text.Json;

namespace TriageBot.Schema.Tests.Support;

/// <summary>Recorded wire activities (Fixtures/*.json, copied next to the test assembly).</summary>
internal static class Fixtures
{
    public const string EmulatorConversationUpdate = "emulator-conversation-update.json";
    public const string EmulatorMessage = "emulator-message.json";
    public const string WebChatDirectLineMessage = "webchat-directline-message.json";
    public const string WebChatPostBackMessage = "webchat-postback-message.json";
    public const string TeamsPersonalMessage = "teams-personal-message.json";
    public const string TeamsChannelMention = "teams-channel-mention.json";
    public const string TeamsInvokeAdaptiveCardAction = "teams-invoke-adaptive-card-action.json";
    public const string TeamsInstallationUpdate = "teams-installation-update.json";
    public const string TeamsMessageReaction = "teams-message-reaction.json";
    public const string BotReplyHeroCard = "bot-reply-hero-card.json";

    public static IReadOnlyList<string> All { get; } =
    [
        EmulatorConversationUpdate,
        EmulatorMessage,
        WebChatDirectLineMessage,
        WebChatPostBackMessage,
        TeamsPersonalMessage,
        TeamsChannelMention,
        TeamsInvokeAdaptiveCardAction,
        TeamsInstallationUpdate,
        TeamsMessageReaction,
        BotReplyHeroCard,
    ];

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static string Read(string name) => File.ReadAllText(Path.Combine(Folder, name));

    public static Activity Load(string name) => Wire.Read(Read(name));
}

/// <summary>The wire format as the product reads and writes it: <see cref="SchemaJsonContext"/>.</summary>
internal static class Wire
{
    public static Activity Read(string json) =>
        JsonSerializer.Deserialize(json, SchemaJsonContext.Default.Activity) ?? throw new InvalidOperationException("null activity");

    public static string Write(Activity activity) => JsonSerializer.Serialize(activity, SchemaJsonContext.Default.Activity);

    /// <summary>Deserializes and re-serializes, as a bot that receives and forwards an activity would.</summary>
    public static string RoundTrip(string json) => Write(Read(json));

    /// <summary>The serialized activity as a JSON tree, for asserting on single properties.</summary>
    public static JsonElement ToElement(Activity activity) => JsonSerializer.SerializeToElement(activity, SchemaJsonContext.Default.Activity);
}
