using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TriageBot.Runtime.Jobs;

namespace TriageBot.Host.Retention;

public static class RetentionServiceCollectionExtensions
{
    /// <summary>
    /// The state retention job, on the Direct Line retention settings (<see cref="StateRetentionOptions"/>); register
    /// the store (and its <see cref="IJobLease"/>) first.
    /// </summary>
    public static IServiceCollection AddStateRetention(this IServiceCollection services)
    {
        services.AddOptions<StateRetentionOptions>().BindConfiguration(StateRetentionOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StateRetentionOptions>, StateRetentionOptionsValidator>());
        // One instance unless the store says otherwise (PostgreSQL registers a lease shared by the fleet).
        services.TryAddSingleton<IJobLease, SingleInstanceJobLease>();
        services.AddHostedService<StateRetentionService>();
        return services;
    }
}
