namespace TriageBot.Browser.Tests;

/// <summary>
/// A test that needs Debian's Chromium. Skipped, with the reason shown, on a machine without it; never skipped in CI
/// (<c>CI=true</c>), where a missing browser must fail the run instead of passing it quietly.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!ChromiumBrowser.IsInstalled && !ChromiumBrowser.IsCi)
        {
            Skip = $"{ChromiumBrowser.ExecutablePath} is not installed (apt-get install -y chromium); set CI=true to make this a failure.";
        }
    }
}
