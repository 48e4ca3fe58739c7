namespace TriageBot.Storage.Tests;

/// <summary>Checks that a data folder is readable by the service account only.</summary>
internal static class DataFolderAssert
{
    private const UnixFileMode OwnerOnlyMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Mode 0700 on Unix. Windows has no mode bits (the folder inherits its parent's ACL), so there it must only exist.</summary>
    public static void OwnerOnly(string path)
    {
        Assert.True(Directory.Exists(path), $"{path} was not created.");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(OwnerOnlyMode, File.GetUnixFileMode(path));
        }
    }
}
