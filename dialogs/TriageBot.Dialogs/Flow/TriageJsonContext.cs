using System.Text.Json;
using System.Text.Json.Serialization;

namespace TriageBot.Dialogs.Flow;

/// <summary>Source-generated JSON for everything the triage dialogs persist or send. Plain camelCase, no type names.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TriageState))]
[JsonSerializable(typeof(PainAnswers))]
[JsonSerializable(typeof(NumbnessAnswers))]
[JsonSerializable(typeof(TreatmentAnswers))]
[JsonSerializable(typeof(TreatmentLoopState))]
[JsonSerializable(typeof(EducationState))]
[JsonSerializable(typeof(ReferralAnswers))]
[JsonSerializable(typeof(ConfirmState))]
[JsonSerializable(typeof(TriageOutcome))]
[JsonSerializable(typeof(FindingsRecord))]
[JsonSerializable(typeof(ScreenState))]
[JsonSerializable(typeof(Safety.RedFlagCheckState))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(System.Text.Json.Nodes.JsonObject))]
internal sealed partial class TriageJsonContext : JsonSerializerContext;
