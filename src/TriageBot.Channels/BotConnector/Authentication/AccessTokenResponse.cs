using System.Globalization;
using System.Text.Json;

namespace TriageBot.Channels.BotConnector.Authentication;

/// <summary>
/// Reads token endpoint answers: AAD's <c>{"access_token","expires_in":3599}</c> and managed identity's, where
/// <c>expires_in</c> is often a string and some endpoints send only <c>expires_on</c> (epoch seconds).
/// </summary>
internal static class AccessTokenResponse
{
    // Bounds keep DateTimeOffset arithmetic in range; no real token lives ten years.
    private const long MaxLifetimeSeconds = 10L * 365 * 24 * 3600;
    private const long MaxEpochSeconds = 253_402_300_799;

    /// <param name="requestedAt">When the request was sent: lifetimes count from then, erring on the early side.</param>
    /// <exception cref="JsonException">No usable <c>access_token</c> or expiry.</exception>
    public static AccessToken Parse(byte[] body, DateTimeOffset requestedAt)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("access_token", out var tokenElement)
            || tokenElement.ValueKind != JsonValueKind.String
            || string.IsNullOrEmpty(tokenElement.GetString()))
        {
            throw new JsonException("Token response has no access_token.");
        }

        DateTimeOffset expiresOn;
        if (TryReadSeconds(root, "expires_in", MaxLifetimeSeconds, out var expiresIn))
        {
            expiresOn = requestedAt + TimeSpan.FromSeconds(expiresIn);
        }
        else if (TryReadSeconds(root, "expires_on", MaxEpochSeconds, out var epochSeconds))
        {
            expiresOn = DateTimeOffset.FromUnixTimeSeconds(epochSeconds);
        }
        else
        {
            throw new JsonException("Token response has neither expires_in nor expires_on.");
        }

        return new AccessToken(tokenElement.GetString()!, expiresOn);
    }

    /// <summary>The <c>error</c> code of an OAuth error response (e.g. <c>invalid_client</c>), safe to log.</summary>
    public static string? ReadErrorCode(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.String
                ? error.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool TryReadSeconds(JsonElement root, string name, long max, out long seconds)
    {
        seconds = 0;
        if (!root.TryGetProperty(name, out var value))
        {
            return false;
        }

        var parsed = value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetInt64(out seconds),
            JsonValueKind.String => long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out seconds),
            _ => false,
        };

        return parsed && seconds >= 0 && seconds <= max;
    }
}
