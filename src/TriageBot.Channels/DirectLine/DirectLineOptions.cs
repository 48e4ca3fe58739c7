namespace TriageBot.Channels.DirectLine;

/// <summary>The self-hosted Direct Line 3.0 service, bound from <c>Channels:DirectLine</c>.</summary>
public sealed class DirectLineOptions
{
    public const string SectionName = "Channels:DirectLine";

    /// <summary>
    /// The Direct Line secret (what a web site's backend swaps for tokens). Empty: a random one is created once and
    /// kept in <c>directline.secret</c> in the data directory.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>How long a conversation token lives. DirectLineJS refreshes every 15 minutes, so keep it above that.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a <c>streamUrl</c> may be used to connect; after that the client asks for a new one.</summary>
    public TimeSpan StreamUrlLifetime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Page origins allowed to call the service from a browser (CORS and the WebSocket <c>Origin</c>).</summary>
    public IList<string> AllowedOrigins { get; } = [];

    /// <summary>The bot's account id in conversations (<c>recipient</c> of user activities, <c>from</c> of replies).</summary>
    public string BotId { get; set; } = "triagebot";

    /// <summary>The bot's display name. Web Chat shows "Bot" when the name equals the id, so keep them different.</summary>
    public string BotName { get; set; } = "Clinic Bot";

    /// <summary>How long a conversation's activities and files are kept after they were stored.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often the retention job runs.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Activities kept per conversation; the oldest are dropped beyond this.</summary>
    public int MaxActivitiesPerConversation { get; set; } = 1000;

    /// <summary>
    /// Bytes one conversation may hold (its activities as stored JSON and its files); the oldest activities, with
    /// their files, are dropped beyond this.
    /// </summary>
    public long MaxBytesPerConversation { get; set; } = 2L * 1024 * 1024;

    /// <summary>Conversations held at once. A new one beyond this evicts the least recently used idle one, or gets 503.</summary>
    public int MaxConversations { get; set; } = 2000;

    /// <summary>
    /// Conversations one client (an IPv4 address, or an IPv6 /64) may hold at once, so a few addresses cannot take
    /// every place. A new one beyond this evicts that client's own least recently used evictable one, or gets 429.
    /// Loopback callers and secret holders are trusted and not counted.
    /// </summary>
    public int MaxConversationsPerClient { get; set; } = 10;

    /// <summary>
    /// Bytes all conversations may hold together. Each is guaranteed <c>MaxTotalBytes / MaxConversations</c>; above
    /// the total, conversations holding more than that drop their oldest activities down to it.
    /// </summary>
    public long MaxTotalBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>
    /// How long a conversation must go without a request, an open stream or a running turn before a new
    /// conversation may evict it (a patient reading or typing keeps theirs).
    /// </summary>
    public TimeSpan EvictAfterIdle { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long an open page (a stream, or polling) keeps a conversation nobody posts to: after this long without a
    /// post (or since the start), a new conversation may evict it even with its stream open, and the stream is
    /// closed. Far longer than a patient reads, so only an abandoned or hostile page loses its conversation.
    /// </summary>
    public TimeSpan StreamHoldsIdleConversationFor { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Activities in one poll answer or one stream frame; a client catches up over several.</summary>
    public int MaxActivitiesPerPage { get; set; } = 50;

    /// <summary>Largest activity a client may post; larger ones get 413.</summary>
    public int MaxActivityBytes { get; set; } = 32 * 1024;

    /// <summary>Whether clients may upload files (<c>…/upload</c>). Off: the route answers 403 and the page hides its button.</summary>
    public bool UploadsEnabled { get; set; }

    /// <summary>Largest upload request (the activity and every file together); larger ones get 413.</summary>
    public int MaxUploadBytes { get; set; } = 1024 * 1024;

    /// <summary>Parts in one upload (the activity part included); more get 400.</summary>
    public int MaxUploadParts { get; set; } = 10;

    /// <summary>Header bytes of one upload part (its Content-Disposition and Content-Type); more get 400.</summary>
    public int MaxUploadPartHeaderBytes { get; set; } = 2048;

    /// <summary>How often an idle WebSocket gets an empty keep-alive frame, so proxies do not close it.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Limits on <c>POST /api/chat/token</c>, per client IP.</summary>
    public ChatTokenRateLimitOptions ChatToken { get; set; } = new();

    /// <summary>Limits on posting activities and uploads, per conversation (every token of it shares one bucket).</summary>
    public PostRateLimitOptions PostRateLimit { get; set; } = new();
}

/// <summary>A fixed window per client IP for the page's token endpoint.</summary>
public sealed class ChatTokenRateLimitOptions
{
    public int PermitLimit { get; set; } = 10;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// A token bucket per conversation for what clients post: a burst, then a sustained rate. A refused post is lost to
/// Web Chat ("Send failed"), so the defaults sit well above the fastest person tapping through the triage buttons
/// (about three answers a second for a few seconds, seen in the browser walk) and far below a flood.
/// </summary>
public sealed class PostRateLimitOptions
{
    /// <summary>Posts allowed in a burst.</summary>
    public int TokenLimit { get; set; } = 30;

    /// <summary>Posts added back each <see cref="ReplenishmentPeriod"/>.</summary>
    public int TokensPerPeriod { get; set; } = 5;

    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);
}
