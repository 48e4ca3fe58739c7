using System.Text.Json;
using System.Text.Json.Serialization;

namespace TriageBot.Runtime;

/// <summary>Source-generated JSON for the few shapes the runtime writes itself.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Dictionary<string, object>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(string))]
internal sealed partial class RuntimeJsonContext : JsonSerializerContext;
