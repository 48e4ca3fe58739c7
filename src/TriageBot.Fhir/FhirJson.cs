using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace TriageBot.Fhir;

/// <summary>FHIR R4 JSON (the SDK's System.Text.Json converters): compact on the wire, indented for files people read.</summary>
public static class FhirJson
{
    public const string MediaType = "application/fhir+json";

    private static readonly JsonSerializerOptions Compact = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);
    private static readonly JsonSerializerOptions Indented = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector).Pretty();

    public static string Serialize(Resource resource, bool indented = false) =>
        JsonSerializer.Serialize(resource, indented ? Indented : Compact);

    public static T? Deserialize<T>(string json)
        where T : Resource =>
        JsonSerializer.Deserialize<T>(json, Compact);
}
