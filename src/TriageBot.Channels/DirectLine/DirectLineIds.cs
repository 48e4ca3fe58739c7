using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using TriageBot.Schema;

namespace TriageBot.Channels.DirectLine;

/// <summary>
/// Random identifiers: conversation ids, page user ids, file ids, token nonces. All come from the OS's CSPRNG and
/// are unguessable (128 bits), so knowing one never helps to guess another. Activity ids are not made here: they are the conversation's sequence.
/// </summary>
internal static class DirectLineIds
{
    /// <summary>The prefix Direct Line reserves for user ids it mints.</summary>
    public const string UserPrefix = "dl_";

    private const int MaxClientActivityIdLength = 128;

    public static string NewConversationId() => Random128();

    public static string NewUserId() => UserPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static string NewFileId() => Random128();

    public static string NewNonce() => Random128();

    /// <summary>The id of an activity the service makes up itself (conversationUpdate), in Direct Line's style.</summary>
    public static string NewEventId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(8));

    /// <summary>The n-th activity of a conversation: <c>{conversationId}|0000001</c>, as Azure Direct Line writes it.</summary>
    public static string ActivityId(string conversationId, long sequence) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{conversationId}|{sequence:D7}");

    /// <summary>
    /// The client's own id for what it sends (Web Chat's <c>channelData.clientActivityID</c>, which a retry keeps),
    /// when it is a plausible one (1-128 characters); else null, and the activity is not recognised when resent.
    /// </summary>
    public static string? ClientActivityId(Activity activity) =>
        activity.ChannelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty("clientActivityID", out var id)
        && id.ValueKind == JsonValueKind.String
        && id.GetString() is { Length: > 0 and <= MaxClientActivityIdLength } value
            ? value
            : null;

    private static string Random128() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
}
