using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace TriageBot.Browser.Tests;

/// <summary>One browser with the chat page open, plus what the tests read from it: CSP violations, axe, screenshots.</summary>
internal sealed class ChatPageSession : IAsyncDisposable
{
    // Waiting for the page is not a timing assertion: on a loaded 2-core machine Web Chat can take more than
    // Playwright's default 5 s to render a long run of replies (the disposition, medicine, safety net, sources).
    static ChatPageSession() => Assertions.SetDefaultExpectTimeout(30_000);

    // Added by Playwright before any page script and outside the page's CSP, so it sees every violation.
    private const string CspRecorder = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', (e) =>
          window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} ${e.sample || ''}`.trim()));
        """;

    private const string RunAxe = """
        async () => {
          const result = await axe.run(document, { resultTypes: ['violations'] });
          return result.violations.map((v) => ({
            id: v.id, impact: v.impact || 'none', help: v.help,
            targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
          }));
        }
        """;

    private readonly ChromiumBrowser _browser;
    private readonly ITestOutputHelper _output;

    private ChatPageSession(ChromiumBrowser browser, IPage page, ITestOutputHelper output)
    {
        _browser = browser;
        _output = output;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                ConsoleMessages.Add($"{message.Type}: {message.Text}");
            }
        };
    }

    public IPage Page { get; }

    public List<string> ConsoleMessages { get; } = [];

    /// <param name="initScript">Runs before any page script (as the CSP recorder does), e.g. to watch the page's sockets.</param>
    public static async Task<ChatPageSession> OpenAsync(ChatHost host, string query, ITestOutputHelper output, ViewportSize? viewport = null, string? initScript = null)
    {
        var browser = await ChromiumBrowser.LaunchAsync(viewport);
        try
        {
            var page = browser.Context.Pages.Count > 0 ? browser.Context.Pages[0] : await browser.Context.NewPageAsync();
            var session = new ChatPageSession(browser, page, output);
            await page.AddInitScriptAsync(CspRecorder);
            if (initScript is not null)
            {
                await page.AddInitScriptAsync(initScript);
            }
            await page.GotoAsync(host.Url("/" + query).ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            return session;
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    /// <summary>Web Chat has drawn its send box: the widget is on the page and working.</summary>
    public async Task WaitForWebChatAsync() =>
        await Page.Locator("[data-id='webchat-sendbox-input']").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });

    public async Task<IReadOnlyList<string>> CspViolationsAsync() =>
        (await Page.EvaluateAsync<JsonElement>("() => window.__cspViolations || []")).EnumerateArray().Select(v => v.GetString()!).ToList();

    /// <summary>Injects axe-core from this origin (allowed by script-src 'self') and runs it on the whole page.</summary>
    public async Task<IReadOnlyList<AxeViolation>> RunAxeAsync()
    {
        await Page.AddScriptTagAsync(new PageAddScriptTagOptions { Url = "/lib/axe.min.js" });
        var json = await Page.EvaluateAsync<JsonElement>(RunAxe);
        var violations = json.EnumerateArray().Select(v => new AxeViolation(
            v.GetProperty("id").GetString()!,
            v.GetProperty("impact").GetString()!,
            v.GetProperty("help").GetString()!,
            [.. v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()!)])).ToList();
        _output.WriteLine($"axe-core: {violations.Count} violation(s)");
        foreach (var v in violations)
        {
            _output.WriteLine($"  [{v.Impact}] {v.Id}: {v.Help} at {string.Join(" | ", v.Targets)}");
        }

        return violations;
    }

    public async Task<string> ScreenshotAsync(string name)
    {
        var path = Path.Combine(TestArtifacts.Screenshots.FullName, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        _output.WriteLine($"screenshot: {path}");
        return path;
    }

    public async ValueTask DisposeAsync() => await _browser.DisposeAsync();
}

internal sealed record AxeViolation(string Id, string Impact, string Help, string[] Targets)
{
    public bool IsSeriousOrCritical => Impact is "serious" or "critical";

    public override string ToString() => JsonSerializer.Serialize(this);
}
