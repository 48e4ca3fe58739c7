using Microsoft.Extensions.Logging;
using TriageBot.Channels.BotConnector.Authentication;

namespace TriageBot.Channels.BotConnector;

/// <summary>Makes the connector client used for replies; the HttpClient comes from the factory so sockets are pooled.</summary>
public sealed class ConnectorClientFactory(
    IHttpClientFactory httpClientFactory,
    IChannelTokenProvider tokenProvider,
    ILogger<ConnectorClient> logger)
{
    public ConnectorClient Create() =>
        new(httpClientFactory.CreateClient(ConnectorResilience.HttpClientName), tokenProvider, logger);
}
