using Microsoft.Playwright;
using Xunit.Abstractions;

namespace TriageBot.Browser.Tests;

/// <summary>The page's own logic against a scripted Direct Line stand-in (<see cref="StubChatHost"/>), in Chromium.</summary>
public sealed class ChatPageBehaviourTests(ITestOutputHelper output)
{
    private const string Polling = "?transport=polling";

    [BrowserFact]
    public async Task ChatPage_Connected_SendsJoinSoTheWelcomeComesBeforeTyping()
    {
        await using var host = await StubChatHost.StartAsync();
        await using var browser = await ChromiumBrowser.LaunchAsync();
        var page = await OpenAsync(browser, host, Polling);

        await Assertions.Expect(BotMessages(page).First).ToContainTextAsync(StubChatHost.Welcome);

        Assert.Contains("webchat/join", host.EventsReceived);
        Assert.Equal(1, host.TokensIssued);
    }

    [BrowserFact]
    public async Task ChatPage_EmergencyOutcome_ShowsACallButtonForTheEmergencyNumber()
    {
        await using var host = await StubChatHost.StartAsync();
        await using var browser = await ChromiumBrowser.LaunchAsync();
        var page = await OpenAsync(browser, host, Polling);

        await SendAsync(page, "emergency");

        var call = page.Locator("#outcome a.call-button");
        await Assertions.Expect(call).ToBeVisibleAsync();
        Assert.Equal("tel:999", await call.GetAttributeAsync("href"));
        await Assertions.Expect(call).ToHaveTextAsync("Call 999 now");
        await Screenshot(page, "outcome-emergency");
    }

    [BrowserFact]
    public async Task ChatPage_UrgentOutcome_ShowsTheSameDayAdvice()
    {
        await using var host = await StubChatHost.StartAsync();
        await using var browser = await ChromiumBrowser.LaunchAsync();
        var page = await OpenAsync(browser, host, Polling);

        await SendAsync(page, "urgent");

        await Assertions.Expect(page.Locator("#outcome")).ToContainTextAsync("Contact your GP today, or call 111");
        Assert.Equal("urgent", await page.Locator("#outcome").GetAttributeAsync("data-level"));
    }

    [BrowserFact]
    public async Task ChatPage_Restart_StartsANewConversationWithAnEmptyTranscript()
    {
        await using var host = await StubChatHost.StartAsync();
        await using var browser = await ChromiumBrowser.LaunchAsync();
        var page = await OpenAsync(browser, host, Polling);
        await SendAsync(page, "routine");
        await Assertions.Expect(page.Locator("#outcome")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Start again" }).ClickAsync();

        await Assertions.Expect(page.Locator("#outcome")).ToBeHiddenAsync();
        await Assertions.Expect(BotMessages(page)).ToHaveCountAsync(1);
        await Assertions.Expect(BotMessages(page).First).ToContainTextAsync(StubChatHost.Welcome);
        await Assertions.Expect(page.Locator(".webchat__bubble--from-user")).ToHaveCountAsync(0);
        Assert.Equal(2, host.TokensIssued);
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Started a new conversation.");
    }

    private static ILocator BotMessages(IPage page) => page.Locator(".webchat__bubble:not(.webchat__bubble--from-user)");

    private static async Task<IPage> OpenAsync(ChromiumBrowser browser, StubChatHost host, string query)
    {
        var page = browser.Context.Pages.Count > 0 ? browser.Context.Pages[0] : await browser.Context.NewPageAsync();
        await page.GotoAsync(host.Url("/" + query).ToString());
        await Assertions.Expect(BotMessages(page).First).ToBeVisibleAsync();
        return page;
    }

    private static async Task SendAsync(IPage page, string text)
    {
        var box = page.Locator("[data-id='webchat-sendbox-input']");
        await box.FillAsync(text);
        await box.PressAsync("Enter");
    }

    private async Task Screenshot(IPage page, string name)
    {
        var path = Path.Combine(TestArtifacts.Screenshots.FullName, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }
}
