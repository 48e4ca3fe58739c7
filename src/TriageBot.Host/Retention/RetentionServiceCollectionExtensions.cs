using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace TriageBot.Host.Retention;

public static class RetentionServiceCollectionExtensions
{
    /// <summary>The state retention job, on the Direct Line retention settings (<see cref="StateRetentionOptions"/>).</summary>
    public static IServiceCollection AddStateRetention(this IServiceCollection services)
    {
        services.AddOptions<StateRetentionOptions>().BindConfiguration(StateRetentionOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StateRetentionOptions>, StateRetentionOptionsValidator>());
        services.AddHostedService<StateRetentionService>();
        return services;
    }
}
