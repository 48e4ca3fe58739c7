using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace TriageBot.Channels.BotConnector;

/// <summary>Maps the bot's messaging endpoint. Other methods on the same path get 405 from routing.</summary>
public static class BotConnectorEndpoints
{
    public static IEndpointConventionBuilder MapBotConnector(this IEndpointRouteBuilder endpoints, string pattern = "/api/messages") =>
        endpoints.MapPost(pattern, (HttpRequest request, BotConnectorAdapter adapter, CancellationToken cancellationToken) =>
            adapter.ProcessAsync(request, cancellationToken));
}
