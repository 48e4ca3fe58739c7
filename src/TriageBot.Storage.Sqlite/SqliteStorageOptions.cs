namespace TriageBot.Storage.Sqlite;

/// <summary>Where the SQLite state file lives, bound from <c>Storage:Sqlite</c>.</summary>
public sealed class SqliteStorageOptions
{
    public const string SectionName = "Storage:Sqlite";

    public const string DefaultPath = "App_Data/triagebot.db";

    /// <summary>The database file. A relative path is taken from the base directory (the Host's content root).</summary>
    public string Path { get; set; } = DefaultPath;

    /// <summary>The absolute file path: <see cref="Path"/> as is when absolute, otherwise under <paramref name="baseDirectory"/>.</summary>
    public string ResolvePath(string baseDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(baseDirectory);
        ArgumentException.ThrowIfNullOrWhiteSpace(Path);
        return System.IO.Path.GetFullPath(Path, System.IO.Path.GetFullPath(baseDirectory));
    }
}
