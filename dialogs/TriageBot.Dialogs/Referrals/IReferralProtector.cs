namespace TriageBot.Dialogs.Referrals;

/// <summary>Encrypts contact details before they are stored (the host uses ASP.NET Core Data Protection).</summary>
public interface IReferralProtector
{
    string Protect(string plaintext);

    string Unprotect(string protectedText);
}
