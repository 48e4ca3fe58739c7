using System.Text.Json;
using System.Text.Json.Serialization;

namespace TriageBot.Schema;

/// <summary>
/// Extra data about an activity: a <c>mention</c>, Teams' <c>clientInfo</c>, Web Chat's <c>ClientCapabilities</c>...
/// Only <c>type</c> is modelled; everything else stays in <see cref="Properties"/> so unknown entities round-trip.
/// </summary>
public sealed record Entity
{
    public string? Type { get; init; }

    // The setter is internal (not init) because the source generator cannot fill extension data through init.
    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement>? Properties { get; internal set; }
}
