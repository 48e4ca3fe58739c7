using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TriageBot.Runtime.ClinicInbox;
using TriageBot.Runtime.Referrals;
using TriageBot.Runtime.State;

namespace TriageBot.Storage.Sqlite;

/// <summary>
/// Registers the data folder options and <see cref="SqliteStateStore"/> as the <see cref="IStateStore"/>, with the
/// referral store and outbox in the same file (queuing for the <see cref="ReferralRoutes"/> registered, if any).
/// </summary>
public static class SqliteStorageServiceCollectionExtensions
{
    /// <summary>
    /// Binds <c>Storage</c> to <see cref="StorageOptions"/>, with <see cref="StorageOptions.DataDirectory"/> made
    /// absolute under <paramref name="contentRootPath"/>; checked at startup. Calling it again changes nothing.
    /// </summary>
    public static IServiceCollection AddDataDirectory(this IServiceCollection services, string contentRootPath)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentRootPath);
        if (services.Any(s => s.ImplementationType == typeof(StorageOptionsValidator)))
        {
            return services;
        }

        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .PostConfigure(options => options.DataDirectory = StorageOptions.ResolveDataDirectory(options.DataDirectory, contentRootPath))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        return services;
    }

    /// <summary>
    /// The store's file is <c>Storage:Sqlite:Path</c>, or <c>triagebot.db</c> in <c>Storage:DataDirectory</c>
    /// (default <c>App_Data</c> under <paramref name="contentRootPath"/>). The store is a singleton that the container
    /// disposes at shutdown; it touches the file only on first use.
    /// </summary>
    public static IServiceCollection AddSqliteStateStore(this IServiceCollection services, string contentRootPath)
    {
        services.AddDataDirectory(contentRootPath);
        services.AddOptions<SqliteStorageOptions>()
            .BindConfiguration(SqliteStorageOptions.SectionName)
            .PostConfigure<IOptions<StorageOptions>>((options, storage) =>
                options.Path = SqliteStorageOptions.ResolvePath(options.Path, contentRootPath, storage.Value.DataDirectory))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteStorageOptions>, SqliteStorageOptionsValidator>());

        services.AddSingleton(sp => new SqliteStateStore(
            sp.GetRequiredService<IOptions<SqliteStorageOptions>>().Value.Path!,
            sp.GetService<TimeProvider>(),
            sp.GetService<ILogger<SqliteStateStore>>()));
        services.AddSingleton<IStateStore>(sp => sp.GetRequiredService<SqliteStateStore>());
        services.AddSingleton<IReferralStore>(sp => new SqliteReferralStore(sp.GetRequiredService<SqliteStateStore>(), sp.GetService<ReferralRoutes>()));
        services.AddSingleton<IReferralOutbox>(sp => new SqliteReferralOutbox(sp.GetRequiredService<SqliteStateStore>()));
        services.AddSingleton<IClinicInboxStore>(sp => new SqliteClinicInboxStore(sp.GetRequiredService<SqliteStateStore>()));
        return services;
    }
}
