namespace TriageBot.Storage.Sqlite;

/// <summary>Where the SQLite state file lives, bound from <c>Storage:Sqlite</c>.</summary>
public sealed class SqliteStorageOptions
{
    public const string SectionName = "Storage:Sqlite";

    public const string DefaultFileName = "triagebot.db";

    /// <summary>
    /// The database file. Empty: <see cref="DefaultFileName"/> in <see cref="StorageOptions.DataDirectory"/>; relative:
    /// from the content root. Made absolute when the options are built.
    /// </summary>
    public string? Path { get; set; }

    /// <summary>The absolute file path for a configured value.</summary>
    public static string ResolvePath(string? configured, string contentRootPath, string dataDirectory) =>
        string.IsNullOrWhiteSpace(configured)
            ? System.IO.Path.Combine(dataDirectory, DefaultFileName)
            : System.IO.Path.GetFullPath(configured, System.IO.Path.GetFullPath(contentRootPath));
}
