using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TriageBot.Runtime.Referrals;
using TriageBot.Runtime.State;

namespace TriageBot.Storage.Sqlite;

/// <summary>Registers <see cref="SqliteStateStore"/> as the <see cref="IStateStore"/>.</summary>
public static class SqliteStorageServiceCollectionExtensions
{
    /// <summary>
    /// Reads <c>Storage:Sqlite:Path</c> (default <c>App_Data/triagebot.db</c>, relative to
    /// <paramref name="contentRootPath"/>). The store is a singleton that the container disposes at shutdown; it touches
    /// the file only on first use.
    /// </summary>
    public static IServiceCollection AddSqliteStateStore(this IServiceCollection services, IConfiguration configuration, string contentRootPath)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentRootPath);

        var options = new SqliteStorageOptions();
        var path = configuration.GetSection(SqliteStorageOptions.SectionName)[nameof(SqliteStorageOptions.Path)];
        if (!string.IsNullOrWhiteSpace(path))
        {
            options.Path = path;
        }

        services.AddSingleton(options);
        services.AddSingleton(sp => new SqliteStateStore(
            options,
            contentRootPath,
            sp.GetService<TimeProvider>(),
            sp.GetService<ILogger<SqliteStateStore>>()));
        services.AddSingleton<IStateStore>(sp => sp.GetRequiredService<SqliteStateStore>());
        services.AddSingleton<IReferralStore>(sp => new SqliteReferralStore(sp.GetRequiredService<SqliteStateStore>()));
        return services;
    }
}
