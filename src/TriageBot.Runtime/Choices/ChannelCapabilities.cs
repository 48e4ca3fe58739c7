using TriageBot.Schema;

namespace TriageBot.Runtime.Choices;

/// <summary>
/// What each channel can render, in one table (Bot Builder's <c>Channel</c> class), so no dialog ever branches on a
/// channel id. Teams shows suggested actions only in personal chats and only three of them.
/// </summary>
public static class ChannelCapabilities
{
    /// <summary>Titles longer than this make buttons unreadable; such choices are listed as numbered text instead.</summary>
    public const int MaxActionTitleLength = 20;

    public static bool SupportsSuggestedActions(string? channelId, int buttonCount, string? conversationType = null) => channelId switch
    {
        "facebook" or "skype" => buttonCount <= 10,
        "line" => buttonCount <= 13,
        "kik" => buttonCount <= 20,
        "telegram" or ChannelIds.Emulator or ChannelIds.DirectLine or ChannelIds.DirectLineSpeech or ChannelIds.WebChat or ChannelIds.Test
            => buttonCount <= 100,
        ChannelIds.MsTeams => conversationType == "personal" && buttonCount <= 3,
        _ => false,
    };

    public static bool SupportsCardActions(string? channelId, int buttonCount) => channelId switch
    {
        "facebook" or "skype" => buttonCount <= 3,
        "line" => buttonCount <= 99,
        "slack" or "telegram" or ChannelIds.Emulator or ChannelIds.DirectLine or ChannelIds.DirectLineSpeech or ChannelIds.WebChat or ChannelIds.Test
            => buttonCount <= 100,
        ChannelIds.MsTeams => buttonCount <= 50,
        _ => false,
    };
}
