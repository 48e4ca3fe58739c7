using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Telemetry;
using Polly.Timeout;

namespace TriageBot.Channels.BotConnector;

/// <summary>
/// The HttpClient replies travel on, from <c>Microsoft.Extensions.Http.Resilience</c>: a total timeout around
/// retries (exponential backoff with jitter, <c>Retry-After</c> honoured up to a cap) around a per-attempt timeout;
/// no redirects, a small response buffer. Retried: 408, 429, 502, 503, 504, network failures and attempt timeouts;
/// every other status is final. Activities carry ids, so re-posting one after a lost answer is safe.
/// </summary>
internal static class ConnectorResilience
{
    public const string HttpClientName = "BotConnector";

    private const string HandlerName = "replies";

    /// <summary>The name Microsoft.Extensions.Http.Resilience gives the pipeline: client name, dash, handler name.</summary>
    private const string PipelineName = HttpClientName + "-" + HandlerName;

    /// <summary>Set on a request that must be tried once only (typing: a late one is worse than none).</summary>
    public static readonly HttpRequestOptionsKey<bool> NoRetry = new("TriageBot.BotConnector.NoRetry");

    /// <summary>The activity type, for the retry log line.</summary>
    public static readonly HttpRequestOptionsKey<string?> ActivityType = new("TriageBot.BotConnector.ActivityType");

    public static IServiceCollection AddConnectorHttpClient(this IServiceCollection services)
    {
        services.AddHttpClient(HttpClientName)
            .ConfigureHttpClient((sp, client) =>
            {
                var options = sp.GetRequiredService<IOptions<BotConnectorOptions>>().Value;
                client.Timeout = options.TotalTimeout;
                client.MaxResponseContentBufferSize = options.MaxResponseBytes;
            })
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                // A channel never redirects a reply; following one would let a serviceUrl bounce us anywhere.
                AllowAutoRedirect = false,
                ConnectTimeout = sp.GetRequiredService<IOptions<BotConnectorOptions>>().Value.AttemptTimeout,
            })
            .RemoveAllLoggers()
            .AddResilienceHandler(HandlerName, (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<BotConnectorOptions>>().Value;
                var logger = context.ServiceProvider.GetRequiredService<ILogger<ConnectorClient>>();
                pipeline.AddTimeout(options.TotalTimeout);
                if (options.Retry.MaxAttempts > 1)
                {
                    pipeline.AddRetry(RetryOptions(options.Retry, logger));
                }

                pipeline.AddTimeout(options.AttemptTimeout);
            });

        // Polly's own event log would repeat each retry with the upstream exception's message (host, port, even bytes
        // of a malformed answer); ReplyRetrying and ReplyFailed say what matters. Its metrics stay.
        services.PostConfigure<TelemetryOptions>(telemetry =>
        {
            var previous = telemetry.SeverityProvider;
            telemetry.SeverityProvider = args => args.Source.PipelineName == PipelineName
                ? ResilienceEventSeverity.None
                : previous?.Invoke(args) ?? args.Event.Severity;
        });
        return services;
    }

    private static HttpRetryStrategyOptions RetryOptions(ConnectorRetryOptions retry, ILogger logger) => new()
    {
        MaxRetryAttempts = retry.MaxAttempts - 1,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = retry.BaseDelay,
        MaxDelay = retry.MaxDelay,
        ShouldRetryAfterHeader = true,
        ShouldHandle = args => ValueTask.FromResult(
            !IsSingleAttempt(args.Context)
            && (args.Outcome.Result is { } response
                ? IsTransient(response.StatusCode) && !AsksToWaitTooLong(response, retry.MaxRetryAfter)
                : args.Outcome.Exception is HttpRequestException or TimeoutRejectedException)),
        OnRetry = args =>
        {
            string? activityType = null;
            args.Context.GetRequestMessage()?.Options.TryGetValue(ActivityType, out activityType);
            ChannelsLog.ReplyRetrying(logger, activityType, (int?)args.Outcome.Result?.StatusCode,
                args.AttemptNumber + 1, (long)args.RetryDelay.TotalMilliseconds);
            return ValueTask.CompletedTask;
        },
    };

    private static bool IsSingleAttempt(ResilienceContext context) =>
        context.GetRequestMessage()?.Options.TryGetValue(NoRetry, out var once) == true && once;

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>A <c>Retry-After</c> beyond the cap: waiting would only end in the total timeout.</summary>
    private static bool AsksToWaitTooLong(HttpResponseMessage response, TimeSpan cap) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta > cap,
        { Date: { } date } => date - DateTimeOffset.UtcNow > cap,
        _ => false,
    };
}
