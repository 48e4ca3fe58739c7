using Microsoft.Playwright;

namespace TriageBot.Browser.Tests;

/// <summary>
/// Debian's Chromium under Playwright. Playwright's own browser download is never used (it cannot be fetched here):
/// the executable path is fixed, and each launch gets a fresh, throw-away profile.
/// </summary>
public sealed class ChromiumBrowser : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    // Without the background-networking flags Chromium keeps dialling Google on this closed network.
    private static readonly string[] LaunchArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync", "--disable-quic",
    ];

    private readonly IPlaywright _playwright;
    private readonly DirectoryInfo _profile;

    private ChromiumBrowser(IPlaywright playwright, IBrowserContext context, DirectoryInfo profile)
    {
        _playwright = playwright;
        Context = context;
        _profile = profile;
    }

    public static bool IsInstalled => File.Exists(ExecutablePath);

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public IBrowserContext Context { get; }

    /// <param name="viewport">A phone-sized viewport by default: most visitors come from their phones.</param>
    public static async Task<ChromiumBrowser> LaunchAsync(ViewportSize? viewport = null)
    {
        if (!IsInstalled)
        {
            // Only reached in CI (BrowserFact skips elsewhere): say what to install instead of a Playwright stack trace.
            throw new InvalidOperationException($"{ExecutablePath} is missing; .ci/run installs Debian's chromium package.");
        }

        var profile = Directory.CreateTempSubdirectory("triagebot-chromium-");
        var playwright = await Playwright.CreateAsync();
        try
        {
            var context = await playwright.Chromium.LaunchPersistentContextAsync(profile.FullName, new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = LaunchArgs,
                ViewportSize = viewport ?? new ViewportSize { Width = 412, Height = 860 },
                Locale = "en-GB",
            });
            return new ChromiumBrowser(playwright, context, profile);
        }
        catch
        {
            playwright.Dispose();
            profile.Delete(recursive: true);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        _playwright.Dispose();
        try
        {
            _profile.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be writing its profile for a moment after closing; a leftover temp folder is harmless.
        }
    }
}
