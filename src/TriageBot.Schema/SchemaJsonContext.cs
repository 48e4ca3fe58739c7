using System.Text.Json;
using System.Text.Json.Serialization;

namespace TriageBot.Schema;

/// <summary>
/// Source-generated JSON for every wire type: camelCase names, nulls omitted, case-insensitive reading
/// (<see cref="JsonSerializerDefaults.Web"/>). No reflection at run time, no type names on the wire.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ExpectedReplies))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(InvokeResponse))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(HeroCard))]
[JsonSerializable(typeof(ConversationReference))]
[JsonSerializable(typeof(IReadOnlyList<ChannelAccount>))]
[JsonSerializable(typeof(string))]
public sealed partial class SchemaJsonContext : JsonSerializerContext;
