using Microsoft.Playwright;

namespace TriageBot.Browser.Tests;

/// <summary>What a visitor does in Web Chat: tap a suggested action or type, then wait for the bot's next message.</summary>
internal static class WebChatSteps
{
    public const string BotBubbles = ".webchat__bubble:not(.webchat__bubble--from-user)";

    public static ILocator SuggestedAction(IPage page, string title) =>
        page.Locator(".webchat__suggested-actions").GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = title, Exact = true });

    /// <summary>Clicks a suggested action, then waits for the bot's next message (so the next click is on new buttons).</summary>
    public static async Task ClickAsync(IPage page, ILocator bot, string title)
    {
        var before = await bot.CountAsync();
        await SuggestedAction(page, title).ClickAsync();
        await WaitForReplyAsync(page, before);
    }

    public static async Task TypeAsync(IPage page, ILocator bot, string text)
    {
        var before = await bot.CountAsync();
        var box = page.Locator("[data-id='webchat-sendbox-input']");
        await box.FillAsync(text);
        await box.PressAsync("Enter");
        await WaitForReplyAsync(page, before);
    }

    private static async Task WaitForReplyAsync(IPage page, int before) =>
        await page.WaitForFunctionAsync(
            "([selector, n]) => document.querySelectorAll(selector).length > n",
            new object[] { BotBubbles, before });
}
