using TriageBot.Dialogs.Referrals;

namespace TriageBot.Fhir.Tests.Support;

/// <summary>Stands in for Data Protection: reversible, visibly not plain text, and refusing anything it did not protect.</summary>
internal sealed class TestProtector : IReferralProtector
{
    private const string Prefix = "protected:";

    public string Protect(string plaintext) => Prefix + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(plaintext));

    public string Unprotect(string protectedText) =>
        protectedText.StartsWith(Prefix, StringComparison.Ordinal)
            ? System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(protectedText[Prefix.Length..]))
            : throw new System.Security.Cryptography.CryptographicException("Not protected by this key.");
}
