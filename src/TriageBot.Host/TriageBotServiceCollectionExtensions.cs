using Microsoft.Extensions.DependencyInjection.Extensions;
using TriageBot.Channels.BotConnector;
using TriageBot.Dialogs;
using TriageBot.Runtime.Middleware;
using TriageBot.Runtime.State;
using TriageBot.Runtime.Turns;

namespace TriageBot.Host;

/// <summary>Everything the bot needs, in one place; the order of middleware here is the order they run in.</summary>
public static class TriageBotServiceCollectionExtensions
{
    public static IServiceCollection AddTriageBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddProblemDetails();
        services.AddBotConnector(configuration);

        services.TryAddSingleton(configuration.GetSection("Runtime:TurnError").Get<TurnErrorOptions>() ?? new TurnErrorOptions());
        services.TryAddSingleton(configuration.GetSection("Runtime:ShowTyping").Get<ShowTypingOptions>() ?? new ShowTypingOptions());
        services.AddSingleton<ITurnMiddleware, TurnErrorMiddleware>();
        services.AddSingleton<ITurnMiddleware, ShowTypingMiddleware>();
        services.AddSingleton<ITurnMiddleware, RemoveRecipientMentionMiddleware>();
        services.TryAddSingleton<IBot, GreetingBot>();
        services.AddSingleton<TurnPipeline>();
        services.TryAddSingleton<IStateStore, InMemoryStateStore>();
        services.TryAddSingleton(configuration.GetSection("Runtime:Turns").Get<TurnRunnerOptions>() ?? new TurnRunnerOptions());
        services.AddSingleton<TurnRunner>();
        return services;
    }
}
