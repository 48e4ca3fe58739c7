using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace TriageBot.Channels.BotConnector;

/// <summary>Maps the bot's messaging endpoint. Other methods on the same path get 405 from routing.</summary>
public static class BotConnectorEndpoints
{
    public static IEndpointConventionBuilder MapBotConnector(this IEndpointRouteBuilder endpoints, string pattern = "/api/messages") =>
        endpoints.MapPost(pattern, (HttpRequest request, BotConnectorAdapter adapter, CancellationToken cancellationToken) =>
        {
            // The channel's own wire format decides every answer here (an invoke nobody handles is a bare 501, as
            // Bot Builder answers it); the host's status-code pages must not add a body.
            if (request.HttpContext.Features.Get<IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }

            return adapter.ProcessAsync(request, cancellationToken);
        });
}
