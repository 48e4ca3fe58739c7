namespace TriageBot.Storage.Sqlite;

/// <summary>
/// Folders that hold patients' answers or the keys protecting their contact details are created readable by the
/// service account only (0700 on Unix; on Windows they inherit the parent's ACL). A folder that already exists keeps
/// its mode: the operator chose it.
/// </summary>
public static class DataFolders
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates <paramref name="path"/> and any missing parents, owner-only.</summary>
    public static DirectoryInfo CreateOwnerOnly(string path) =>
        OperatingSystem.IsWindows() ? Directory.CreateDirectory(path) : Directory.CreateDirectory(path, OwnerOnly);
}
