using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TriageBot.Content;
using TriageBot.Dialogs;
using TriageBot.Runtime.Middleware;
using TriageBot.Runtime.Turns;

namespace TriageBot.Host.Teams;

/// <summary>Teams' tenant allow-list (<c>Channels:Teams</c>), validated at startup; the refusal comes from content.</summary>
public static class TeamsServiceCollectionExtensions
{
    public static IServiceCollection AddTeamsTenantGate(this IServiceCollection services)
    {
        services.AddOptions<TeamsTenantOptions>()
            .BindConfiguration(TeamsTenantOptions.Section)
            .Configure<IContentCatalog>((options, content) => options.RefusalMessage = content.Text(ContentKeys.Teams.TenantRefused, null))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TeamsTenantOptions>, TeamsTenantOptionsValidator>());
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<TeamsTenantOptions>>().Value);
        services.AddSingleton<ITurnMiddleware, TeamsTenantGate>();
        return services;
    }
}
