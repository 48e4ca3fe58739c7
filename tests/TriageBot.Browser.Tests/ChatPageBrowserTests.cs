using Microsoft.Playwright;
using Xunit.Abstractions;

namespace TriageBot.Browser.Tests;

/// <summary>The chat page in Chromium. These hold with or without a bot behind the page (see <see cref="ChatHost"/>).</summary>
public sealed class ChatPageBrowserTests(ITestOutputHelper output)
{
    [BrowserFact]
    public async Task ChatPage_Opened_RendersWebChatAndTheEmergencyLine()
    {
        await using var host = await ChatHost.StartAsync(new Dictionary<string, string?> { ["Clinic:Name"] = "Northside Spine Clinic" });
        await using var session = await ChatPageSession.OpenAsync(host, "", output);

        await session.WaitForWebChatAsync();

        Assert.Equal("Northside Spine Clinic", await session.Page.Locator("#clinic-name").InnerTextAsync());
        Assert.Equal("This is not a diagnosis. In an emergency call 999.", await session.Page.Locator("#disclaimer").InnerTextAsync());
        Assert.Equal("tel:999", await session.Page.Locator("#disclaimer a").GetAttributeAsync("href"));
        await session.ScreenshotAsync("page-opened");
    }

    [BrowserFact]
    public async Task ChatPage_UploadsOffByDefault_HidesTheUploadButton()
    {
        await using var host = await ChatHost.StartAsync();
        await using var session = await ChatPageSession.OpenAsync(host, "", output);
        await session.WaitForWebChatAsync();

        await Assertions.Expect(session.Page.Locator("[data-id='webchat-sendbox-input']")).ToBeVisibleAsync();
        await Assertions.Expect(session.Page.Locator(".webchat__upload-button")).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task ChatPage_UploadsOn_ShowsTheUploadButton()
    {
        await using var host = await ChatHost.StartAsync(new Dictionary<string, string?> { ["Channels:DirectLine:UploadsEnabled"] = "true" });
        await using var session = await ChatPageSession.OpenAsync(host, "", output);
        await session.WaitForWebChatAsync();

        await Assertions.Expect(session.Page.Locator(".webchat__upload-button")).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task ChatPage_EmergencyNumberConfigured_ShowsThatNumber()
    {
        await using var host = await ChatHost.StartAsync(new Dictionary<string, string?> { ["Clinic:EmergencyNumber"] = "112" });
        await using var session = await ChatPageSession.OpenAsync(host, "", output);

        var line = session.Page.Locator("#disclaimer");
        await Assertions.Expect(line).ToHaveTextAsync("This is not a diagnosis. In an emergency call 112.");
    }

    [BrowserFact]
    public async Task ChatPage_PrimaryColourConfigured_ColoursTheHeader()
    {
        await using var host = await ChatHost.StartAsync(new Dictionary<string, string?> { ["Clinic:PrimaryColor"] = "#7c2855" });
        await using var session = await ChatPageSession.OpenAsync(host, "", output);
        await session.WaitForWebChatAsync();

        var background = await session.Page.Locator(".clinic-header").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");

        Assert.Equal("rgb(124, 40, 85)", background);
    }

    [BrowserFact]
    public async Task ChatPage_Loaded_BreaksNoContentSecurityPolicyRule()
    {
        await using var host = await ChatHost.StartAsync();
        await using var session = await ChatPageSession.OpenAsync(host, "", output);
        await session.WaitForWebChatAsync();

        var violations = await session.CspViolationsAsync();

        foreach (var line in session.ConsoleMessages)
        {
            output.WriteLine(line);
        }

        Assert.Empty(violations);
    }

    [BrowserFact]
    public async Task ChatPage_AxeCheck_HasNoSeriousOrCriticalViolations()
    {
        await using var host = await ChatHost.StartAsync();
        await using var session = await ChatPageSession.OpenAsync(host, "", output);
        await session.WaitForWebChatAsync();

        var violations = await session.RunAxeAsync();

        Assert.DoesNotContain(violations, v => v.IsSeriousOrCritical);
    }

    [BrowserFact]
    public async Task EmbedScript_OnAClinicSite_OpensAndClosesTheChatByKeyboard()
    {
        await using var clinic = await ClinicSite.StartAsync();
        await using var host = await ChatHost.StartAsync(new Dictionary<string, string?> { ["WebChat:FrameAncestors:0"] = clinic.Origin });
        clinic.EmbedScript = host.Url("/embed.js");
        await using var browser = await ChromiumBrowser.LaunchAsync(new ViewportSize { Width = 1280, Height = 800 });
        var page = await browser.Context.NewPageAsync();
        await page.GotoAsync(clinic.Origin + "/");

        var bubble = page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Back or neck pain? Chat with us" });
        await bubble.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        var close = page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Close chat" });
        await Assertions.Expect(close).ToBeFocusedAsync();
        var frame = page.FrameLocator("iframe[title='Clinic chat']");
        await frame.Locator("[data-id='webchat-sendbox-input']").WaitForAsync();
        await Assertions.Expect(frame.Locator("#disclaimer")).ToContainTextAsync("In an emergency call 999.");
        var path = Path.Combine(TestArtifacts.Screenshots.FullName, "embed-open.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        output.WriteLine($"screenshot: {path}");

        await page.Keyboard.PressAsync("Escape");

        await Assertions.Expect(page.Locator("#triagebot-chat-panel")).ToBeHiddenAsync();
        await Assertions.Expect(bubble).ToBeFocusedAsync();
        Assert.Equal("false", await bubble.GetAttributeAsync("aria-expanded"));
    }
}
