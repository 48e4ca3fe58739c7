namespace TriageBot.Channels.BotConnector;

/// <summary>Limits and delivery settings for <c>/api/messages</c>, bound from <c>Channels:BotConnector</c>.</summary>
public sealed class BotConnectorOptions
{
    public const string SectionName = "Channels:BotConnector";

    /// <summary>Largest request body accepted; larger ones get 413. Activities are small; 256 KB is generous.</summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    public ConnectorRetryOptions Retry { get; set; } = new();
}

/// <summary>How replies to a channel are retried on 429/502/503/504 and network failures.</summary>
public sealed class ConnectorRetryOptions
{
    /// <summary>Attempts in all, the first one included.</summary>
    public int MaxAttempts { get; set; } = 4;

    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>
    /// Total time one reply may spend waiting between attempts. Channels wait ~15 s for our HTTP answer, and replies
    /// are delivered before we answer, so this stays well below that.
    /// </summary>
    public TimeSpan MaxTotalDelay { get; set; } = TimeSpan.FromSeconds(10);
}
