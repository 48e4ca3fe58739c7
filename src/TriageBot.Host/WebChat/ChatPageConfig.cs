using System.Text.Json;
using System.Text.Json.Serialization;

namespace TriageBot.Host.WebChat;

/// <summary>What the page reads from <c>GET /api/chat/config</c>: branding only, nothing secret.</summary>
internal sealed record ChatPageConfig(string ClinicName, string Phone, string PrimaryColor, string EmergencyNumber, string UrgentAdvice)
{
    public static ChatPageConfig From(ClinicOptions clinic) => new(
        clinic.Name,
        ClinicOptions.SafePhone(clinic.Phone),
        clinic.SafePrimaryColor,
        ClinicOptions.SafePhone(clinic.EmergencyNumber) is { Length: > 0 } number ? number : "999",
        clinic.UrgentAdvice);
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ChatPageConfig))]
internal sealed partial class ChatPageJsonContext : JsonSerializerContext;
