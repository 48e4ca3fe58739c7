using System.Text.Json;
using System.Text.Json.Serialization;

namespace TriageBot.Host.WebChat;

/// <summary>
/// What the page reads from <c>GET /api/chat/config</c>: branding, and whether Direct Line takes uploads (the page
/// hides Web Chat's upload button when not). Nothing secret.
/// </summary>
internal sealed record ChatPageConfig(string ClinicName, string Phone, string PrimaryColor, string EmergencyNumber, string UrgentAdvice, bool UploadsEnabled)
{
    public static ChatPageConfig From(ClinicOptions clinic, bool uploadsEnabled) => new(
        clinic.Name,
        ClinicOptions.SafePhone(clinic.Phone),
        clinic.SafePrimaryColor,
        ClinicOptions.SafePhone(clinic.EmergencyNumber) is { Length: > 0 } number ? number : "999",
        clinic.UrgentAdvice,
        uploadsEnabled);
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ChatPageConfig))]
internal sealed partial class ChatPageJsonContext : JsonSerializerContext;
