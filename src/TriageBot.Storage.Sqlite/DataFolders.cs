namespace TriageBot.Storage.Sqlite;

/// <summary>
/// Folders that hold patients' answers or the keys protecting their contact details are created readable by the
/// service account only (0700 on Unix; on Windows they inherit the parent's ACL). A folder that already exists keeps
/// its mode: the operator chose it.
/// </summary>
public static class DataFolders
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Creates <paramref name="path"/> and any missing parents, all owner-only.</summary>
    public static DirectoryInfo CreateOwnerOnly(string path)
    {
        var folder = new DirectoryInfo(Path.GetFullPath(path));
        if (OperatingSystem.IsWindows())
        {
            folder.Create();
            return folder;
        }

        // Directory.CreateDirectory(path, mode) gives the mode to the last folder only; missing parents would get the
        // default (0755 under the usual umask), so each is created in turn, from the outermost down.
        var missing = new Stack<DirectoryInfo>();
        for (var current = folder; current is { Exists: false }; current = current.Parent)
        {
            missing.Push(current);
        }

        while (missing.TryPop(out var next))
        {
            Directory.CreateDirectory(next.FullName, OwnerOnly);
        }

        return folder;
    }
}
