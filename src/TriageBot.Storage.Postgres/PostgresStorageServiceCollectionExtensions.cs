using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TriageBot.Runtime.ClinicInbox;
using TriageBot.Runtime.ConversationLogs;
using TriageBot.Runtime.Jobs;
using TriageBot.Runtime.Referrals;
using TriageBot.Runtime.State;

namespace TriageBot.Storage.Postgres;

/// <summary>
/// Registers PostgreSQL as the state store, the referral store and its outbox (queuing for the
/// <see cref="ReferralRoutes"/> registered, if any), the clinic inbox store, the fleet's job lease and the
/// shared Direct Line conversation logs.
/// </summary>
public static class PostgresStorageServiceCollectionExtensions
{
    /// <summary>
    /// Binds <c>Storage:Postgres</c> (falling back to <c>ConnectionStrings:TriageBot</c>), checked at startup, and
    /// creates or migrates the schema while the host starts.
    /// </summary>
    public static IServiceCollection AddPostgresStorage(this IServiceCollection services)
    {
        services.AddOptions<PostgresStorageOptions>()
            .BindConfiguration(PostgresStorageOptions.SectionName)
            .PostConfigure<IConfiguration>((options, configuration) =>
            {
                if (string.IsNullOrWhiteSpace(options.ConnectionString))
                {
                    options.ConnectionString = configuration.GetConnectionString(PostgresStorageOptions.ConnectionStringName);
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgresStorageOptions>, PostgresStorageOptionsValidator>());

        services.AddSingleton(sp => new PostgresDatabase(
            sp.GetRequiredService<IOptions<PostgresStorageOptions>>().Value.ConnectionString!,
            sp.GetService<ILogger<PostgresDatabase>>()));
        services.AddHostedService<PostgresSchemaStartup>();
        services.AddSingleton<IStateStore>(sp => new PostgresStateStore(
            sp.GetRequiredService<PostgresDatabase>(),
            sp.GetService<TimeProvider>(),
            sp.GetService<ILogger<PostgresStateStore>>()));
        services.AddSingleton<IReferralStore>(sp => new PostgresReferralStore(sp.GetRequiredService<PostgresDatabase>(), sp.GetService<ReferralRoutes>()));
        services.AddSingleton<IReferralOutbox>(sp => new PostgresReferralOutbox(sp.GetRequiredService<PostgresDatabase>()));
        services.AddSingleton<IClinicInboxStore>(sp => new PostgresClinicInboxStore(sp.GetRequiredService<PostgresDatabase>()));
        services.AddSingleton<IJobLease>(sp => new PostgresJobLease(sp.GetRequiredService<PostgresDatabase>()));
        services.AddSingleton<IConversationLogStore>(sp => new PostgresConversationLogStore(
            sp.GetRequiredService<PostgresDatabase>(), sp.GetService<ILogger<PostgresConversationLogStore>>()));
        return services;
    }
}
