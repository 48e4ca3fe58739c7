using System.Security.Cryptography;
using System.Text;

namespace TriageBot.Fhir.Bundles;

/// <summary>
/// The <c>urn:uuid:</c> full URLs that link a Bundle's entries to each other. Derived from the reference and the
/// resource type (a name-based UUID), so the same referral always makes the same Bundle, retry after retry.
/// </summary>
internal static class FullUrls
{
    public static string For(string reference, string resourceType)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{reference}/{resourceType}"));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8: a custom (here hash-based) UUID, RFC 9562
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // the RFC variant
        return "urn:uuid:" + new Guid(bytes, bigEndian: true).ToString();
    }
}
