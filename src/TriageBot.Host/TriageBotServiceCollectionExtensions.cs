using Microsoft.Extensions.DependencyInjection.Extensions;
using TriageBot.Channels.BotConnector;
using TriageBot.Dialogs;
using TriageBot.Runtime.Middleware;
using TriageBot.Runtime.Referrals;
using TriageBot.Runtime.State;
using TriageBot.Runtime.Turns;
using TriageBot.Storage.Sqlite;

namespace TriageBot.Host;

/// <summary>Everything the bot needs, in one place; the order of middleware here is the order they run in.</summary>
public static class TriageBotServiceCollectionExtensions
{
    public static IServiceCollection AddTriageBot(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
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
        services.AddStateStore(configuration, contentRootPath);
        services.TryAddSingleton(configuration.GetSection("Runtime:Turns").Get<TurnRunnerOptions>() ?? new TurnRunnerOptions());
        services.AddSingleton<TurnRunner>();
        return services;
    }

    /// <summary>
    /// <c>Storage:Provider</c> picks the state store: <c>Sqlite</c> (default: one local file, no server needed) or
    /// <c>InMemory</c> (forgets everything on restart). A store registered earlier (by a test) wins.
    /// </summary>
    private static void AddStateStore(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        if (services.Any(s => s.ServiceType == typeof(IStateStore)))
        {
            return;
        }

        var provider = configuration["Storage:Provider"] ?? "Sqlite";
        switch (provider.ToUpperInvariant())
        {
            case "SQLITE":
                services.AddSqliteStateStore(configuration, contentRootPath);
                break;
            case "INMEMORY":
                services.AddSingleton<IStateStore, InMemoryStateStore>();
                services.AddSingleton<IReferralStore, InMemoryReferralStore>();
                break;
            default:
                throw new InvalidOperationException($"Storage:Provider '{provider}' is not known; use Sqlite or InMemory.");
        }
    }
}
