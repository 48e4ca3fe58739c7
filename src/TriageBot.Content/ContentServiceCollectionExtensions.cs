using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TriageBot.Content;

/// <summary>Registers the validated content as the app's <see cref="IContentCatalog"/>.</summary>
public static class ContentServiceCollectionExtensions
{
    /// <summary>
    /// Loads and validates the content now, so an invalid folder stops the app before it serves anything, and
    /// registers it as a singleton <see cref="IContentCatalog"/> (and <see cref="ContentCatalog"/>).
    /// </summary>
    /// <param name="contentDirectory">The content folder, e.g. <c>Path.Combine(AppContext.BaseDirectory, "content")</c>.</param>
    /// <param name="keysUsedByCode">Every message and prompt key the code uses.</param>
    /// <exception cref="InvalidOperationException">The content is invalid; the message lists every error.</exception>
    public static IServiceCollection AddTriageContent(this IServiceCollection services, string contentDirectory, IReadOnlySet<string> keysUsedByCode)
    {
        ArgumentNullException.ThrowIfNull(keysUsedByCode);
        return services.AddTriageContent(contentDirectory, new ContentRequirements(keysUsedByCode));
    }

    /// <inheritdoc cref="AddTriageContent(IServiceCollection, string, IReadOnlySet{string})"/>
    /// <param name="requirements">What the code expects: keys, and optionally findings, choices and arguments.</param>
    public static IServiceCollection AddTriageContent(this IServiceCollection services, string contentDirectory, ContentRequirements requirements)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentDirectory);
        var catalog = ContentStartup.LoadValidated(contentDirectory, requirements);

        // The container's logger exists only once the app is built: log what is in use when it is first resolved.
        services.AddSingleton(sp =>
        {
            if (sp.GetService<ILoggerFactory>() is { } loggers)
            {
                ContentLog.Loaded(loggers.CreateLogger("TriageBot.Content"), catalog);
            }

            return catalog;
        });
        services.AddSingleton<IContentCatalog>(sp => sp.GetRequiredService<ContentCatalog>());
        return services;
    }
}
