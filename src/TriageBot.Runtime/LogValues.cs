using System.Collections.Frozen;
using TriageBot.Schema;

namespace TriageBot.Runtime;

/// <summary>
/// Makes values that came from a request safe to log: anyone can send <c>channelId</c>, ids, types or an upstream
/// error code, so a log line must never carry them raw (a CR/LF or ANSI escape forges or hides lines; 10 KB fills
/// the disk). Known values are kept, the rest become <c>other</c>; ids become a short hash; codes and reasons keep
/// only a short run of printable ASCII.
/// </summary>
public static class LogValues
{
    /// <summary>What a missing value logs as.</summary>
    public const string None = "none";

    /// <summary>What a value outside the allow-list logs as.</summary>
    public const string Other = "other";

    private const int MaxCodeLength = 64;
    private const int MaxReasonLength = 160;

    private static readonly FrozenSet<string> KnownChannels = new[]
    {
        ChannelIds.Emulator, ChannelIds.DirectLine, ChannelIds.DirectLineSpeech, ChannelIds.WebChat, ChannelIds.MsTeams,
        ChannelIds.Test, "slack", "facebook", "telegram", "email", "sms", "skype", "kik", "line", "groupme", "alexa",
        "omnichannel", "outlook", "m365extensions", "webex", "twilio-sms", "cortana",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> KnownActivityTypes = new[]
    {
        ActivityTypes.Message, ActivityTypes.ConversationUpdate, ActivityTypes.Typing, ActivityTypes.EndOfConversation,
        ActivityTypes.Event, ActivityTypes.Invoke, ActivityTypes.InvokeResponse, ActivityTypes.InstallationUpdate,
        ActivityTypes.MessageReaction, ActivityTypes.MessageUpdate, ActivityTypes.MessageDelete,
        ActivityTypes.ContactRelationUpdate, ActivityTypes.DeleteUserData, ActivityTypes.Trace,
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>A Bot Framework channel id we know, else <c>other</c>.</summary>
    public static string ChannelId(string? channelId) => Known(channelId, KnownChannels);

    /// <summary>An activity type from <see cref="ActivityTypes"/>, else <c>other</c>.</summary>
    public static string ActivityType(string? activityType) => Known(activityType, KnownActivityTypes);

    /// <summary>
    /// An id as the first 12 hex digits of its SHA-256: lines about one activity can still be matched (by someone who
    /// has the id), but the log holds nothing the sender chose.
    /// </summary>
    public static string Id(string? id) => id is null ? None : State.StateKeyHash.Compute(id);

    /// <summary>
    /// An error code (a channel's <c>error.code</c>, an OAuth <c>error</c>): kept when it looks like one (letters,
    /// digits, <c>._-</c>, at most 64 characters), else <c>other</c>.
    /// </summary>
    public static string Code(string? code)
    {
        if (code is null)
        {
            return None;
        }

        return code.Length is > 0 and <= MaxCodeLength && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')
            ? code
            : Other;
    }

    /// <summary>
    /// A free-form reason (a failed check's explanation): printable ASCII only (anything else becomes <c>?</c>), cut to
    /// 160 characters.
    /// </summary>
    public static string Reason(string? reason)
    {
        if (reason is null)
        {
            return None;
        }

        var length = Math.Min(reason.Length, MaxReasonLength);
        var safe = string.Create(length, reason, static (span, source) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = source[i] is >= ' ' and <= '~' ? source[i] : '?';
            }
        });
        return reason.Length > MaxReasonLength ? safe + "..." : safe;
    }

    private static string Known(string? value, FrozenSet<string> known) =>
        value is null ? None : known.Contains(value) ? value : Other;
}
