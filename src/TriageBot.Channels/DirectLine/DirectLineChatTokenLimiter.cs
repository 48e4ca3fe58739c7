using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TriageBot.Channels.DirectLine;

/// <summary>
/// A fixed window per client IP in front of <c>/api/chat/token</c>, which needs no credential: each call creates
/// a conversation, so an unthrottled caller could fill memory. Built on the same
/// <see cref="PartitionedRateLimiter"/> the ASP.NET Core rate-limiting middleware uses, but applied as an endpoint
/// filter, so the limit holds whether or not the host adds that middleware. Clients are keyed by
/// <see cref="ClientPartition"/> (IPv6 by /64); behind a proxy, apply forwarded headers first, or every caller shares
/// the proxy's address.
/// </summary>
internal sealed class DirectLineChatTokenLimiter : IEndpointFilter, IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> _limiter;
    private readonly ILogger<DirectLineChatTokenLimiter> _logger;

    public DirectLineChatTokenLimiter(DirectLineOptions options, ILogger<DirectLineChatTokenLimiter> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _logger = logger;
        var window = new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.ChatToken.PermitLimit,
            Window = options.ChatToken.Window,
            QueueLimit = 0,
        };
        _limiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            RateLimitPartition.GetFixedWindowLimiter(ClientPartition.Key(context.Connection.RemoteIpAddress), _ => window));
    }

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        using var lease = _limiter.AttemptAcquire(context.HttpContext);
        if (lease.IsAcquired)
        {
            return await next(context);
        }

        DirectLineLog.ChatTokenRateLimited(_logger);
        if (lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            context.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        return DirectLineErrors.Error(StatusCodes.Status429TooManyRequests, DirectLineErrors.TooManyRequests, "Too many chat tokens requested; try again later.");
    }

    public void Dispose() => _limiter.Dispose();
}
