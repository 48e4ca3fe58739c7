using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using TriageBot.Runtime.Dialogs;
using TriageBot.Runtime.Prompts;

namespace TriageBot.Runtime;

/// <summary>
/// Source-generated JSON for everything the runtime persists or writes: dialog frames, prompt options, invoke
/// bodies. Plain camelCase JSON, no type names.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Dictionary<string, object>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(double))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(TimeSpan))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(List<DialogInstance>))]
[JsonSerializable(typeof(ComponentState))]
[JsonSerializable(typeof(PromptState))]
[JsonSerializable(typeof(PromptOptions))]
[JsonSerializable(typeof(TriageBot.Recognizers.FoundChoice))]
internal sealed partial class RuntimeJsonContext : JsonSerializerContext;
