namespace TriageBot.Schema;

/// <summary><c>inputHint</c> values: the wire names carry the <c>Input</c> suffix.</summary>
public static class InputHints
{
    public const string AcceptingInput = "acceptingInput";
    public const string ExpectingInput = "expectingInput";
    public const string IgnoringInput = "ignoringInput";
}

/// <summary><c>deliveryMode</c> values. Anything but <c>expectReplies</c> is delivered like <c>normal</c>.</summary>
public static class DeliveryModes
{
    public const string Normal = "normal";
    public const string Notification = "notification";
    public const string ExpectReplies = "expectReplies";
    public const string Ephemeral = "ephemeral";
}

/// <summary><c>role</c> values on a <see cref="ChannelAccount"/>.</summary>
public static class RoleTypes
{
    public const string User = "user";
    public const string Bot = "bot";
    public const string Skill = "skill";
}

/// <summary><see cref="CardAction"/> <c>type</c> values.</summary>
public static class ActionTypes
{
    public const string ImBack = "imBack";
    public const string PostBack = "postBack";
    public const string MessageBack = "messageBack";
    public const string OpenUrl = "openUrl";
    public const string Call = "call";
}

/// <summary>
/// Well-known <c>channelId</c> values (Bot Builder's <c>Channels</c>; renamed so it cannot shadow the
/// <c>TriageBot.Channels</c> namespace).
/// </summary>
public static class ChannelIds
{
    public const string Emulator = "emulator";
    public const string DirectLine = "directline";
    public const string DirectLineSpeech = "directlinespeech";
    public const string WebChat = "webchat";
    public const string MsTeams = "msteams";
    public const string Test = "test";
}

/// <summary><c>textFormat</c> values.</summary>
public static class TextFormatTypes
{
    public const string Plain = "plain";
    public const string Markdown = "markdown";
    public const string Xml = "xml";
}

/// <summary><c>code</c> values for <c>endOfConversation</c>.</summary>
public static class EndOfConversationCodes
{
    public const string Unknown = "unknown";
    public const string CompletedSuccessfully = "completedSuccessfully";
    public const string UserCancelled = "userCancelled";
    public const string BotTimedOut = "botTimedOut";
    public const string BotIssuedInvalidMessage = "botIssuedInvalidMessage";
    public const string ChannelFailed = "channelFailed";
}

/// <summary><c>callerId</c> values the bot sets after authenticating a request (never trusted from the wire).</summary>
public static class CallerIdConstants
{
    public const string PublicAzureChannel = "urn:botframework:azure";
    public const string USGovChannel = "urn:botframework:azureusgov";
    public const string BotToBotPrefix = "urn:botframework:aadappid:";
}

/// <summary>Attachment content types.</summary>
public static class AttachmentContentTypes
{
    public const string HeroCard = "application/vnd.microsoft.card.hero";
    public const string AdaptiveCard = "application/vnd.microsoft.card.adaptive";
}
