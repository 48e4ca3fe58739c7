using System.Security.Cryptography;
using System.Text;

namespace TriageBot.Dialogs.Referrals;

/// <summary>
/// Reference numbers people can read out on the phone: "TB-" and 8 characters from an alphabet without look-alikes
/// (no 0/O, 1/I/L). Derived from the conversation and the activity that confirmed the referral, so if a turn is
/// re-run after a storage conflict, the same referral gets the same number and is not stored twice.
/// </summary>
public static class ReferenceNumbers
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static string For(string conversationKey, string? activityId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{conversationKey}\n{activityId}"));
        var text = new StringBuilder("TB-", 11);
        for (var i = 0; i < 8; i++)
        {
            text.Append(Alphabet[hash[i] % Alphabet.Length]);
        }

        return text.ToString();
    }
}
