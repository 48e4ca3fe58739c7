using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace TriageBot.Content;

/// <summary>Loads and validates content at startup; invalid content stops the app with every error listed.</summary>
public static class ContentStartup
{
    /// <summary>Loads <paramref name="contentDirectory"/> and validates it against <paramref name="requirements"/>.</summary>
    /// <exception cref="InvalidOperationException">The content cannot be read or is invalid; the message lists every error.</exception>
    public static ContentCatalog LoadValidated(string contentDirectory, ContentRequirements requirements, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(requirements);
        logger ??= NullLogger.Instance;
        ContentCatalog catalog;
        IReadOnlyList<string> errors;
        try
        {
            catalog = ContentLoader.Load(contentDirectory);
            errors = ContentValidator.Validate(catalog, requirements);
        }
        catch (ContentLoadException e)
        {
            throw Refuse(contentDirectory, e.Errors, logger, e);
        }

        if (errors.Count > 0)
        {
            throw Refuse(contentDirectory, errors, logger, null);
        }

        ContentLog.Loaded(logger, catalog);
        return catalog;
    }

    private static InvalidOperationException Refuse(string directory, IReadOnlyList<string> errors, ILogger logger, Exception? inner)
    {
        ContentLog.Invalid(logger, errors.Count);
        foreach (var error in errors)
        {
            ContentLog.Error(logger, error);
        }

        var message = $"The content in '{Path.GetFullPath(directory)}' is invalid ({errors.Count} error(s)); the app will not start:"
            + Environment.NewLine + "  - " + string.Join(Environment.NewLine + "  - ", errors);
        return new InvalidOperationException(message, inner);
    }
}
