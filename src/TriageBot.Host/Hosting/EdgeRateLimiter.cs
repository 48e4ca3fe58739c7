using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using TriageBot.Channels;

namespace TriageBot.Host.Hosting;

/// <summary>
/// The limiter every request passes: the client's own bucket first, then the server's. In that order, a client
/// refused for flooding spends nothing of the shared budget, so one client cannot take the chat (and its emergency
/// advice) down for everyone; and the shared bucket caps what many clients together can ask of the server.
/// A singleton, so the container disposes the buckets' timers at shutdown.
/// </summary>
internal sealed class EdgeRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> _perClient;
    private readonly PartitionedRateLimiter<HttpContext> _server;

    public EdgeRateLimiter(IOptions<RateLimitingSettings> options)
    {
        var settings = options.Value;
        _perClient = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            var address = context.Connection.RemoteIpAddress;
            return settings.ExemptLoopback && ClientPartition.IsLoopback(address)
                ? RateLimitPartition.GetNoLimiter("loopback")
                : RateLimitPartition.GetTokenBucketLimiter(ClientPartition.Key(address), _ => Bucket(settings.PerClient));
        });
        _server = PartitionedRateLimiter.Create<HttpContext, string>(_ =>
            RateLimitPartition.GetTokenBucketLimiter("server", _ => Bucket(settings.Global)));
        Limiter = PartitionedRateLimiter.CreateChained(_perClient, _server);
    }

    /// <summary>The chain, for <c>RateLimiterOptions.GlobalLimiter</c>.</summary>
    public PartitionedRateLimiter<HttpContext> Limiter { get; }

    public void Dispose()
    {
        Limiter.Dispose();
        _perClient.Dispose();
        _server.Dispose();
    }

    /// <summary>429 with <c>Retry-After</c> and a problem body that names no limit, partition or address.</summary>
    public static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        rejected.HttpContext.Response.Headers.RetryAfter = Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await Results.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests",
            detail: "Too many requests; try again after the time in Retry-After.").ExecuteAsync(rejected.HttpContext);
    }

    private static TokenBucketRateLimiterOptions Bucket(TokenBucketSettings bucket) => new()
    {
        TokenLimit = bucket.TokenLimit,
        TokensPerPeriod = bucket.TokensPerPeriod,
        ReplenishmentPeriod = bucket.ReplenishmentPeriod,
        AutoReplenishment = true,
        QueueLimit = 0,
    };
}
