using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace TriageBot.Channels.BotConnector.Authentication;

/// <summary>
/// The <c>BotAuthentication</c> HttpClient, with the resilience handler <see cref="ConnectorResilience"/> uses: a total
/// timeout around retries (exponential backoff with jitter, <c>Retry-After</c> honoured up to a cap) around a
/// per-attempt timeout. Only token requests are retried (on 408, 429, 500, 502, 503, 504, network failures and
/// attempt timeouts; a 400 or 401, e.g. a wrong secret, is final). OpenID metadata and JWKS fetches share the
/// client and its timeouts but are not retried here: IdentityModel retries those itself.
/// </summary>
internal static class TokenRequestResilience
{
    private const string HandlerName = "tokens";

    /// <summary>The name Microsoft.Extensions.Http.Resilience gives the pipeline: client name, dash, handler name.</summary>
    private const string PipelineName = BotAuthenticationServiceCollectionExtensions.HttpClientName + "-" + HandlerName;

    /// <summary>Marks a token request (and says whose, for the log line); unmarked requests are tried once.</summary>
    private static readonly HttpRequestOptionsKey<string> Source = new("TriageBot.BotAuthentication.TokenSource");

    /// <summary>How many attempts a token request has had so far, for the failure log line.</summary>
    private static readonly HttpRequestOptionsKey<int> Attempts = new("TriageBot.BotAuthentication.Attempts");

    /// <summary>Identity documents (JWKS with several keys) are small; 1 MB is generous.</summary>
    private const int MaxResponseBytes = 1024 * 1024;

    public static IServiceCollection AddBotAuthenticationHttpClient(this IServiceCollection services)
    {
        services.AddHttpClient(BotAuthenticationServiceCollectionExtensions.HttpClientName)
            .ConfigureHttpClient((sp, client) =>
            {
                client.Timeout = sp.GetRequiredService<IOptions<TokenRequestOptions>>().Value.TotalTimeout;
                client.MaxResponseContentBufferSize = MaxResponseBytes;
            })
            .RemoveAllLoggers()
            .AddResilienceHandler(HandlerName, (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<TokenRequestOptions>>().Value;
                var logger = context.ServiceProvider.GetRequiredService<ILogger<TokenRequestSender>>();
                ConnectorResilience.AddTimedRetries(pipeline, options.AttemptTimeout, options.TotalTimeout,
                    ConnectorResilience.RetryOptions(options.Retry, attempt => SourceOf(attempt) is not null, IsTransient, args =>
                    {
                        var request = args.Context.GetRequestMessage();
                        request?.Options.Set(Attempts, args.AttemptNumber + 2);
                        AuthLog.ChannelTokenRetrying(logger, SourceOf(args.Context) ?? "unknown",
                            (int?)args.Outcome.Result?.StatusCode, args.AttemptNumber + 1, (long)args.RetryDelay.TotalMilliseconds);
                    }));
            });

        // ChannelTokenRetrying and ChannelTokenFailed say what matters.
        return services.MutePollyEventLog(PipelineName);
    }

    /// <summary>Makes <paramref name="request"/> a token request of <paramref name="source"/>: retried, and counted.</summary>
    public static void MarkAsTokenRequest(HttpRequestMessage request, string source) => request.Options.Set(Source, source);

    /// <summary>Attempts made for a request sent through the client: 1 unless it was retried.</summary>
    public static int AttemptsMade(HttpRequestMessage request) => request.Options.TryGetValue(Attempts, out var attempts) ? attempts : 1;

    private static string? SourceOf(ResilienceContext context) =>
        context.GetRequestMessage()?.Options.TryGetValue(Source, out var source) == true ? source : null;

    /// <summary>Unlike a reply, a token request may be repeated after a 500: it changes nothing at the other end.</summary>
    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError
            or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
}
