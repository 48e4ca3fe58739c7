using Microsoft.AspNetCore.DataProtection;
using TriageBot.Dialogs.Referrals;

namespace TriageBot.Host;

/// <summary>
/// Encrypts referral contact details with ASP.NET Core Data Protection. The key ring is kept on disk (see
/// <c>DataProtection:KeysPath</c>), so referrals stay readable after a restart; the purpose string versions the format.
/// </summary>
internal sealed class DataProtectionReferralProtector(IDataProtectionProvider provider) : IReferralProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("TriageBot.Referrals.Contact.v1");

    public string Protect(string plaintext) => _protector.Protect(plaintext);

    public string Unprotect(string protectedText) => _protector.Unprotect(protectedText);
}
