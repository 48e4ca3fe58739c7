using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using TriageBot.Runtime.ConversationLogs;

namespace TriageBot.Channels.DirectLine;

/// <summary>Registers the self-hosted Direct Line 3.0 service. Map it with <see cref="DirectLineEndpoints.MapDirectLine"/>.</summary>
public static class DirectLineServiceCollectionExtensions
{
    /// <summary>Settings come from <c>Channels:DirectLine</c> (see <see cref="DirectLineOptionsSetup"/>).</summary>
    /// <param name="dataDirectory">Where <c>directline.secret</c> is created when no secret is configured.</param>
    public static IServiceCollection AddDirectLine(this IServiceCollection services, string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        services.AddDirectLineOptions();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new DirectLineSecret(
            sp.GetRequiredService<DirectLineOptions>(), dataDirectory, sp.GetRequiredService<ILogger<DirectLineSecret>>(), shared: sp.GetService<IConversationLogStore>() is not null));
        services.AddSingleton<DirectLineTokens>();
        services.AddSingleton<DirectLineAuthenticator>();
        services.AddSingleton<DirectLineConversationStore>();
        services.AddSingleton<DirectLineBotBridge>();
        services.AddSingleton<DirectLineTokenHandlers>();
        services.AddSingleton<DirectLineConversationHandlers>();
        services.AddSingleton<DirectLineUploadHandlers>();
        services.AddSingleton<DirectLineStreamHandler>();
        services.AddSingleton<DirectLineChatTokenLimiter>();
        services.AddSingleton<DirectLinePostLimiter>();
        services.AddHostedService<DirectLineRetentionService>();
        services.AddHostedService<DirectLineWakeService>();
        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<DirectLineOptions>((cors, options) =>
            cors.AddPolicy(DirectLineCors.PolicyName, policy => DirectLineCors.Configure(policy, options.AllowedOrigins)));
        return services;
    }
}
