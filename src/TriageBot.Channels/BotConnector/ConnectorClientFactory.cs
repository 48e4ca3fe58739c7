using Microsoft.Extensions.Logging;
using TriageBot.Channels.BotConnector.Authentication;

namespace TriageBot.Channels.BotConnector;

/// <summary>Makes the connector client used for replies; the HttpClient comes from the factory so sockets are pooled.</summary>
public sealed class ConnectorClientFactory(
    IHttpClientFactory httpClientFactory,
    IChannelTokenProvider tokenProvider,
    BotConnectorOptions options,
    TimeProvider timeProvider,
    ILogger<ConnectorClient> logger)
{
    public const string HttpClientName = "BotConnector";

    public ConnectorClient Create() =>
        new(httpClientFactory.CreateClient(HttpClientName), tokenProvider, options.Retry, timeProvider, logger);
}
