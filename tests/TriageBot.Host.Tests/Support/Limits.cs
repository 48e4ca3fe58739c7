namespace TriageBot.Host.Tests.Support;

/// <summary>Rate limits small enough to reach in a test, refilled hourly, so a refusal needs no timing.</summary>
public static class Limits
{
    /// <summary><c>RateLimiting:PerClient</c>: <paramref name="requests"/> per client an hour.</summary>
    public static Dictionary<string, string?> PerClient(int requests) => Bucket("PerClient", requests);

    /// <summary><c>RateLimiting:Global</c>: <paramref name="requests"/> for the whole server an hour.</summary>
    public static Dictionary<string, string?> Global(int requests) => Bucket("Global", requests);

    /// <summary>Both buckets in one settings dictionary, plus any further settings.</summary>
    public static Dictionary<string, string?> With(this Dictionary<string, string?> settings, Dictionary<string, string?> more)
    {
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    private static Dictionary<string, string?> Bucket(string name, int requests) => new()
    {
        [$"RateLimiting:{name}:TokenLimit"] = requests.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"RateLimiting:{name}:TokensPerPeriod"] = requests.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"RateLimiting:{name}:ReplenishmentPeriod"] = "01:00:00",
    };
}
