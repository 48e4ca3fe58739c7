using Microsoft.Playwright;
using Xunit.Abstractions;

namespace TriageBot.Browser.Tests;

/// <summary>
/// Web Chat over single-use stream URLs: when its socket drops, DirectLineJS asks for a new <c>streamUrl</c>
/// (<c>GET conversations/{id}?watermark=</c>) and carries on; the URL it used before opens nothing.
/// </summary>
public sealed class StreamReconnectBrowserTests(ITestOutputHelper output)
{
    // Keeps every WebSocket the page opens, so the test can drop Web Chat's and read the URLs it used.
    private const string SocketWatcher = """
        (() => {
          const Native = window.WebSocket;
          window.__sockets = [];
          window.WebSocket = class extends Native {
            constructor(...args) { super(...args); window.__sockets.push(this); }
          };
        })();
        """;

    // Opens a URL and says whether it opened or was refused (a refused upgrade closes without opening).
    private const string TryOpen = """
        (url) => new Promise((resolve) => {
          const probe = new WebSocket(url);
          probe.onopen = () => { probe.close(); resolve('opened'); };
          probe.onclose = () => resolve('refused');
        })
        """;

    [BrowserFact]
    public async Task SocketDropped_WebChatReconnectsWithANewUrl_AndTheOldOneIsRefused()
    {
        await using var host = await ChatHost.StartAsync();
        await using var session = await ChatPageSession.OpenAsync(host, "", output, initScript: SocketWatcher);
        var page = session.Page;
        await Assertions.Expect(SuggestedAction(page, "Yes, 16 or over")).ToBeVisibleAsync();
        var firstUrl = await page.EvaluateAsync<string>("() => window.__sockets[0].url");

        await page.EvaluateAsync("() => window.__sockets[0].close()");

        // DirectLineJS waits 3-15 s before reconnecting; the timeout only stops a hang.
        await page.WaitForFunctionAsync(
            "() => window.__sockets.length >= 2 && window.__sockets[1].readyState === WebSocket.OPEN",
            null,
            new PageWaitForFunctionOptions { Timeout = 60_000 });
        var secondUrl = await page.EvaluateAsync<string>("() => window.__sockets[1].url");
        Assert.NotEqual(firstUrl, secondUrl);
        Assert.Equal("refused", await page.EvaluateAsync<string>(TryOpen, firstUrl));

        var before = await page.Locator(".webchat__bubble:not(.webchat__bubble--from-user)").CountAsync();
        await SuggestedAction(page, "Yes, 16 or over").ClickAsync();
        await page.WaitForFunctionAsync(
            "([selector, n]) => document.querySelectorAll(selector).length > n",
            new object[] { ".webchat__bubble:not(.webchat__bubble--from-user)", before });
        Assert.Contains(host.Logs.WithEvent("DirectLineCredentialRejected"), e => e.Message.Contains("stream-url-used", StringComparison.Ordinal));
    }

    private static ILocator SuggestedAction(IPage page, string title) =>
        page.Locator(".webchat__suggested-actions").GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = title, Exact = true });
}
