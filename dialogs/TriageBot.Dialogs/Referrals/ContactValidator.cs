using System.Net.Mail;

namespace TriageBot.Dialogs.Referrals;

/// <summary>Checks that a contact is a plausible e-mail address or phone number (UK or US formats, with or without +).</summary>
public static class ContactValidator
{
    public static bool IsValid(string? contact) => IsEmail(contact) || IsPhone(contact);

    public static bool IsEmail(string? contact)
    {
        var text = contact?.Trim();
        if (string.IsNullOrEmpty(text) || text.Contains(' ', StringComparison.Ordinal) || !text.Contains('@', StringComparison.Ordinal))
        {
            return false;
        }

        return MailAddress.TryCreate(text, out var address)
            && address.Address == text
            && address.Host.Contains('.', StringComparison.Ordinal)
            && !address.Host.EndsWith('.');
    }

    /// <summary>7 to 15 digits (E.164 allows 15), only digits, spaces, dashes, dots, brackets and one leading +.</summary>
    public static bool IsPhone(string? contact)
    {
        var text = contact?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var body = text.StartsWith('+') ? text[1..] : text;
        if (body.Any(c => !(char.IsAsciiDigit(c) || c is ' ' or '-' or '.' or '(' or ')')))
        {
            return false;
        }

        var digits = body.Count(char.IsAsciiDigit);
        return digits is >= 7 and <= 15;
    }
}
