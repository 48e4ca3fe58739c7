using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TriageBot.Content;
using Xunit.Abstractions;
using static TriageBot.Browser.Tests.WebChatSteps;

namespace TriageBot.Browser.Tests;

/// <summary>
/// The banner above the chat after a real triage over the real Direct Line: thoughts of self-harm alone get urgent
/// mental health support with the crisis line (the bot's own words from content), not the red "emergency care now";
/// any other emergency keeps its call button.
/// </summary>
public sealed class OutcomeBannerBrowserTests(ITestOutputHelper output)
{
    [BrowserFact]
    public async Task ThoughtsOfSelfHarm_Typed_TheBannerSaysUrgentMentalHealthSupport_WithTheCrisisLine_NotEmergencyCareNow()
    {
        var (host, session) = await AtTheFirstWarningSignAsync();
        await using var stopHost = host;
        await using var closeBrowser = session;
        var page = session.Page;

        await TypeAsync(page, page.Locator(BotBubbles), "honestly I want to end my life");

        var banner = page.Locator("#outcome");
        await Assertions.Expect(banner).ToHaveAttributeAsync("data-outcome", "mental-health");
        var words = host.Services.GetRequiredService<IContentCatalog>().Text("banner.mental-health", "en-GB");
        await Assertions.Expect(banner).ToHaveTextAsync(words);
        await Assertions.Expect(banner).ToContainTextAsync("Samaritans on 116 123");
        await Assertions.Expect(banner).ToContainTextAsync("If you are in danger now, or you might act on these thoughts, call 999.");
        await Assertions.Expect(banner).Not.ToContainTextAsync("emergency care", new LocatorAssertionsToContainTextOptions { IgnoreCase = true });
        await Assertions.Expect(page.Locator("#outcome a.call-button")).ToHaveCountAsync(0);
        Assert.Equal("emergency", await banner.GetAttributeAsync("data-level"));
        await session.ScreenshotAsync("outcome-mental-health");
    }

    [BrowserFact]
    public async Task ChestPain_Tapped_TheBannerStaysEmergencyCareNow_WithTheCallButton()
    {
        var (host, session) = await AtTheFirstWarningSignAsync();
        await using var stopHost = host;
        await using var closeBrowser = session;
        var page = session.Page;
        var bot = page.Locator(BotBubbles);

        await ClickAsync(page, bot, "No");
        await ClickAsync(page, bot, "Yes");

        var banner = page.Locator("#outcome");
        await Assertions.Expect(banner).ToHaveAttributeAsync("data-level", "emergency");
        await Assertions.Expect(banner).ToContainTextAsync("Your answers need emergency care now. Call 999.");
        await Assertions.Expect(page.Locator("#outcome a.call-button")).ToHaveAttributeAsync("href", "tel:999");
        Assert.Null(await banner.GetAttributeAsync("data-outcome"));
    }

    /// <summary>
    /// The real host and the chat page (polling), then consent, 16 to 44, lower back only: the open question is the first
    /// warning sign. The caller disposes both.
    /// </summary>
    private async Task<(ChatHost Host, ChatPageSession Session)> AtTheFirstWarningSignAsync()
    {
        var host = await ChatHost.StartAsync();
        ChatPageSession? session = null;
        try
        {
            session = await ChatPageSession.OpenAsync(host, "?transport=polling", output);
            var page = session.Page;
            var bot = page.Locator(BotBubbles);
            await Assertions.Expect(SuggestedAction(page, "Yes, 16 or over")).ToBeVisibleAsync();
            foreach (var title in new[] { "Yes, 16 or over", "16 to 44", "Lower back", "That's all" })
            {
                await ClickAsync(page, bot, title);
            }

            return (host, session);
        }
        catch
        {
            if (session is not null)
            {
                await session.DisposeAsync();
            }

            await host.DisposeAsync();
            throw;
        }
    }
}
