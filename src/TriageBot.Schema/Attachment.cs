using System.Text.Json;
using System.Text.Json.Serialization;

namespace TriageBot.Schema;

/// <summary>A card or file. Set either <see cref="Content"/> or <see cref="ContentUrl"/>, not both.</summary>
public sealed record Attachment
{
    public string? ContentType { get; init; }
    public string? ContentUrl { get; init; }
    public JsonElement? Content { get; init; }
    public string? Name { get; init; }
    public string? ThumbnailUrl { get; init; }

    // The setter is internal (not init) because the source generator cannot fill extension data through init.
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement>? Properties { get; internal set; }
}
