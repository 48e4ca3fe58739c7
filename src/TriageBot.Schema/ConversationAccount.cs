using System.Text.Json;
using System.Text.Json.Serialization;

namespace TriageBot.Schema;

/// <summary>
/// The conversation an activity belongs to. Teams sets <c>conversationType</c> (personal, groupChat, channel) and
/// <c>tenantId</c>; bots should not send <c>isGroup</c> or <c>conversationType</c> back, but echoing them is harmless.
/// </summary>
public sealed record ConversationAccount
{
    public bool? IsGroup { get; init; }
    public string? ConversationType { get; init; }
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? AadObjectId { get; init; }
    public string? Role { get; init; }
    public string? TenantId { get; init; }

    // The setter is internal (not init) because the source generator cannot fill extension data through init.
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement>? Properties { get; internal set; }
}
