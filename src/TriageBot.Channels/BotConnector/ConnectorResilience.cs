using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
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
                AddTimedRetries(pipeline, options.AttemptTimeout, options.TotalTimeout, RetryOptions(options.Retry,
                    attempt => !IsSingleAttempt(attempt), IsTransient, args =>
                    {
                        string? activityType = null;
                        args.Context.GetRequestMessage()?.Options.TryGetValue(ActivityType, out activityType);
                        ChannelsLog.ReplyRetrying(logger, activityType, (int?)args.Outcome.Result?.StatusCode,
                            args.AttemptNumber + 1, (long)args.RetryDelay.TotalMilliseconds);
                    }));
            });

        // ReplyRetrying and ReplyFailed say what matters.
        return services.MutePollyEventLog(PipelineName);
    }

    /// <summary>
    /// The pipeline both outbound clients use: a total timeout around the retries (none when only one attempt is
    /// allowed) around a per-attempt timeout.
    /// </summary>
    internal static void AddTimedRetries(
        ResiliencePipelineBuilder<HttpResponseMessage> pipeline, TimeSpan attemptTimeout, TimeSpan totalTimeout, HttpRetryStrategyOptions retry)
    {
        pipeline.AddTimeout(totalTimeout);
        if (retry.MaxRetryAttempts > 0)
        {
            pipeline.AddRetry(retry);
        }

        pipeline.AddTimeout(attemptTimeout);
    }

    /// <summary>
    /// Exponential backoff with jitter; <c>Retry-After</c> honoured up to its cap, beyond which the answer is final.
    /// Retried: what <paramref name="mayRetry"/> allows, with a status <paramref name="isTransient"/> accepts, a network
    /// failure or an attempt timeout.
    /// </summary>
    internal static HttpRetryStrategyOptions RetryOptions(
        ConnectorRetryOptions retry,
        Func<ResilienceContext, bool> mayRetry,
        Func<HttpStatusCode, bool> isTransient,
        Action<OnRetryArguments<HttpResponseMessage>> onRetry) => new()
        {
            MaxRetryAttempts = retry.MaxAttempts - 1,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = retry.BaseDelay,
            MaxDelay = retry.MaxDelay,
            ShouldRetryAfterHeader = true,
            ShouldHandle = args => ValueTask.FromResult(
                mayRetry(args.Context)
                && (args.Outcome.Result is { } response
                    ? isTransient(response.StatusCode) && !AsksToWaitTooLong(response, retry.MaxRetryAfter)
                    : args.Outcome.Exception is HttpRequestException or TimeoutRejectedException)),
            OnRetry = args =>
            {
                onRetry(args);
                return ValueTask.CompletedTask;
            },
        };

    /// <summary>
    /// Polly's own event log would repeat each retry with the upstream exception's message (host, port, even bytes of
    /// a malformed answer); our own events say what matters, so it is off for this pipeline. Its metrics stay.
    /// </summary>
    internal static IServiceCollection MutePollyEventLog(this IServiceCollection services, string pipelineName) =>
        services.PostConfigure<TelemetryOptions>(telemetry =>
        {
            var previous = telemetry.SeverityProvider;
            telemetry.SeverityProvider = args => args.Source.PipelineName == pipelineName
                ? ResilienceEventSeverity.None
                : previous?.Invoke(args) ?? args.Event.Severity;
        });

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
