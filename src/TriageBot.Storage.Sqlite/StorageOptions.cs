namespace TriageBot.Storage.Sqlite;

/// <summary>Where TriageBot keeps what it stores, bound from <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    public const string DefaultDataDirectory = "App_Data";

    /// <summary>
    /// The one data folder: the database (<c>triagebot.db</c>), the Data Protection key ring (<c>keys</c>) and the
    /// generated Direct Line secret live here unless each is moved on its own. Relative to the content root; made
    /// absolute when the options are built. Empty means the default.
    /// </summary>
    public string DataDirectory { get; set; } = DefaultDataDirectory;

    /// <summary>The absolute data folder for a configured value (null or empty: <see cref="DefaultDataDirectory"/>).</summary>
    public static string ResolveDataDirectory(string? configured, string contentRootPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentRootPath);
        return Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? DefaultDataDirectory : configured, Path.GetFullPath(contentRootPath));
    }
}
