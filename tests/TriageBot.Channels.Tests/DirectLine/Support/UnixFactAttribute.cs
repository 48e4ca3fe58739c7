namespace TriageBot.Channels.Tests.DirectLine.Support;

/// <summary>
/// A test of Unix file modes. On Windows, which has no Unix file mode (the secret file takes the data folder's
/// ACL there), it is skipped with the reason shown in the results, never passed without running.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows())
        {
            Skip = "Unix file modes do not exist on Windows; the secret file there inherits the data folder's ACL.";
        }
    }
}
