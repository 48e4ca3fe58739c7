using System.Security.Cryptography;
using System.Text;

namespace TriageBot.Runtime.State;

/// <summary>
/// A short, stable stand-in for a state key in logs. Keys embed channel and conversation ids; logs carry this hash
/// instead, so a log line can be matched to a key by someone who has the key, but does not reveal it.
/// </summary>
public static class StateKeyHash
{
    /// <summary>The first 12 hex digits of the key's SHA-256.</summary>
    public static string Compute(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return Convert.ToHexStringLower(hash[..6]);
    }
}
