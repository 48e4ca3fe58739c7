using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TriageBot.Channels.BotConnector.Authentication;

namespace TriageBot.Channels.BotConnector;

/// <summary>Registers the Bot Connector channel: auth, the connector client and the adapter.</summary>
public static class BotConnectorServiceCollectionExtensions
{
    public static IServiceCollection AddBotConnector(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new BotConnectorOptions();
        configuration.GetSection(BotConnectorOptions.SectionName).Bind(options);
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddBotAuthentication(configuration);
        services.AddHttpClient(ConnectorClientFactory.HttpClientName);
        services.AddSingleton<ConnectorClientFactory>();
        services.AddSingleton<BotConnectorAdapter>();
        return services;
    }
}
