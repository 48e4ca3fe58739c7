using System.Text.Json;
using System.Text.Json.Serialization;
using TriageBot.Dialogs.Flow;
using TriageBot.Dialogs.Referrals;
using TriageBot.Runtime.Referrals;

namespace TriageBot.Fhir.Bundles;

/// <summary>The decrypted contact details of a referral: the name, a phone number or e-mail address, and the preferred time (a choice id).</summary>
internal sealed record ReferralContact(string Name, string Contact, string? Time)
{
    /// <summary>Decrypts <see cref="ReferralRecord.ProtectedContact"/> (JSON <c>{name, contact, time}</c>, as the referral dialog stores it).</summary>
    public static ReferralContact Read(ReferralRecord referral, IReferralProtector protector)
    {
        ArgumentNullException.ThrowIfNull(referral);
        ArgumentNullException.ThrowIfNull(protector);
        var details = JsonSerializer.Deserialize(protector.Unprotect(referral.ProtectedContact), FhirJsonContext.Default.DictionaryStringString) ?? [];
        return new ReferralContact(details.GetValueOrDefault("name") ?? string.Empty, details.GetValueOrDefault("contact") ?? string.Empty, details.GetValueOrDefault("time"));
    }

    /// <summary>The stored triage summary (<see cref="ReferralRecord.SummaryJson"/>).</summary>
    public static TriageState Triage(ReferralRecord referral)
    {
        ArgumentNullException.ThrowIfNull(referral);
        return JsonSerializer.Deserialize(referral.SummaryJson, FhirJsonContext.Default.TriageState) ?? new TriageState();
    }
}

/// <summary>Reads what the triage dialogs stored, with the same JSON conventions (web defaults, camelCase).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(TriageState))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class FhirJsonContext : JsonSerializerContext;
