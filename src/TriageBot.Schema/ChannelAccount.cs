using System.Text.Json;
using System.Text.Json.Serialization;

namespace TriageBot.Schema;

/// <summary>A user or bot on a channel. Teams adds <c>aadObjectId</c>; Web Chat and the Emulator set <c>role</c>.</summary>
public sealed record ChannelAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? AadObjectId { get; init; }
    public string? Role { get; init; }

    // The setter is internal (not init) because the source generator cannot fill extension data through init.
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement>? Properties { get; internal set; }
}
