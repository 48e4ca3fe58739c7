using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TriageBot.Channels.DirectLine;

/// <summary>
/// A token bucket per conversation for posted activities and uploads (<see cref="DirectLineOptions.PostRateLimit"/>):
/// each post runs a turn, so one client must not be able to keep the bot busy for everyone else. Keyed by the
/// conversation, not the token, so minting or refreshing tokens does not buy more. Only conversations that exist
/// reach it, and the runtime's partitioned limiter drops a bucket once it has been full and unused for a few
/// seconds, so the buckets held are bounded by the conversations posting right now.
/// </summary>
internal sealed class DirectLinePostLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly TimeSpan _period;
    private readonly ILogger<DirectLinePostLimiter> _logger;

    public DirectLinePostLimiter(DirectLineOptions options, ILogger<DirectLinePostLimiter> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger;
        _period = options.PostRateLimit.ReplenishmentPeriod;
        var bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.PostRateLimit.TokenLimit,
            TokensPerPeriod = options.PostRateLimit.TokensPerPeriod,
            ReplenishmentPeriod = options.PostRateLimit.ReplenishmentPeriod,
            QueueLimit = 0,

            // The partitioned limiter refills its buckets from one shared timer, rather than one timer per bucket.
            AutoReplenishment = false,
        };
        _limiter = PartitionedRateLimiter.Create<string, string>(conversationId =>
            RateLimitPartition.GetTokenBucketLimiter(conversationId, _ => bucket));
    }

    /// <summary>Null when the conversation may post now; otherwise 429 <c>TooManyRequests</c> with <c>Retry-After</c>.</summary>
    public IResult? Admit(HttpResponse response, DirectLineConversation conversation)
    {
        using var lease = _limiter.AttemptAcquire(conversation.Id);
        if (lease.IsAcquired)
        {
            return null;
        }

        DirectLineLog.PostRateLimited(_logger, conversation.LogId);
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : _period;
        return DirectLineErrors.RetryLater(response, StatusCodes.Status429TooManyRequests, DirectLineErrors.TooManyRequests,
            "Too many activities posted; slow down and try again.", retryAfter);
    }

    public void Dispose() => _limiter.Dispose();
}
