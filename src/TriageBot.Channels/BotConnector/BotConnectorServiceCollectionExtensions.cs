using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TriageBot.Channels.BotConnector.Authentication;

namespace TriageBot.Channels.BotConnector;

/// <summary>Registers the Bot Connector channel: auth, who may call it, the connector client and the adapter.</summary>
public static class BotConnectorServiceCollectionExtensions
{
    public static IServiceCollection AddBotConnector(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BotConnectorOptions>().BindConfiguration(BotConnectorOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotConnectorOptions>, BotConnectorOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddBotAuthentication(configuration);

        // Anonymous or not depends on the environment, known only once the host is built.
        services.AddSingleton(sp => BotConnectorAccess.Resolve(
            sp.GetRequiredService<BotAuthenticationOptions>(),
            sp.GetRequiredService<IOptions<BotConnectorOptions>>().Value,
            sp.GetService<IHostEnvironment>()));
        services.AddHostedService<BotConnectorStartupCheck>();
        services.AddConnectorHttpClient();
        services.AddSingleton<ConnectorClientFactory>();
        services.AddSingleton<PrivateChatHandOff>();
        services.AddSingleton<BotConnectorAdapter>();
        return services;
    }
}
