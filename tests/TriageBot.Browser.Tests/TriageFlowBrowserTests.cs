using System.Globalization;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static TriageBot.Browser.Tests.WebChatSteps;

namespace TriageBot.Browser.Tests;

/// <summary>
/// A visitor walks through the real triage bot over the real Direct Line, clicking the suggested actions as people do:
/// consent, the red-flag screen (all "No"), pain, numbness, treatments, the routine disposition with its outcome
/// banner, the education menu, the referral offer and its card; then starts again. WebSocket and polling alike.
/// </summary>
public sealed class TriageFlowBrowserTests(ITestOutputHelper output)
{
    [BrowserFact]
    public Task TriageFlow_OverWebSocket_ReachesTheReferralCardAndRestarts() => WalkAsync("websocket", "");

    [BrowserFact]
    public Task TriageFlow_OverPolling_ReachesTheReferralCardAndRestarts() => WalkAsync("polling", "?transport=polling");

    private async Task WalkAsync(string transport, string query)
    {
        await using var host = await ChatHost.StartAsync(new Dictionary<string, string?> { ["Clinic:Phone"] = "020 7946 0000" });
        await using var session = await ChatPageSession.OpenAsync(host, query, output);
        var page = session.Page;
        var bot = page.Locator(BotBubbles);

        // Welcome without waiting: the bot speaks (and offers consent) before the visitor types anything.
        await Assertions.Expect(bot.First).ToBeVisibleAsync();
        await Assertions.Expect(SuggestedAction(page, "Yes, 16 or over")).ToBeVisibleAsync();
        var welcomeMs = await page.EvaluateAsync<double>("() => performance.getEntriesByName('triage:welcome')[0]?.startTime ?? -1");
        output.WriteLine($"[{transport}] page load to welcome: {welcomeMs.ToString("F0", CultureInfo.InvariantCulture)} ms");
        await session.ScreenshotAsync($"flow-{transport}-1-welcome");

        await ClickAsync(page, bot, "Yes, 16 or over");
        await ClickAsync(page, bot, "45 to 49");

        // Where the pain is comes before the warning signs (several places can be chosen; one here).
        await ClickAsync(page, bot, "Lower back");
        await ClickAsync(page, bot, "That's all");
        for (var question = 0; question < global::TriageBot.Testing.DirectLine.DirectLinePatient.ScreenQuestionsAfterLocation; question++)
        {
            await ClickAsync(page, bot, "No");
        }

        await ClickAsync(page, bot, "Into one leg");
        await TypeAsync(page, bot, "5");
        await ClickAsync(page, bot, "Over 12 weeks");

        // At 45 to 49 with pain over 12 weeks: did it start before 45 (NICE NG65)? No: no inflammatory questions.
        await ClickAsync(page, bot, "No");
        await ClickAsync(page, bot, "Skip");
        await ClickAsync(page, bot, "No");
        await ClickAsync(page, bot, "Painkillers");
        await ClickAsync(page, bot, "That's all");
        await ClickAsync(page, bot, "No");

        // The routine disposition arrives with the triage.outcome event, which the page turns into its banner.
        await Assertions.Expect(page.Locator("#outcome[data-level='routine']")).ToBeVisibleAsync();
        await Assertions.Expect(SuggestedAction(page, "Done")).ToBeVisibleAsync();
        await session.ScreenshotAsync($"flow-{transport}-2-disposition");

        await ClickAsync(page, bot, "Done");
        await ClickAsync(page, bot, "Yes, please");
        await Assertions.Expect(page.Locator(".ac-adaptiveCard input").First).ToBeVisibleAsync();
        await session.ScreenshotAsync($"flow-{transport}-3-referral-card");
        var violations = await session.RunAxeAsync();
        Assert.DoesNotContain(violations, v => v.IsSeriousOrCritical);

        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Start again" }).ClickAsync();

        await Assertions.Expect(page.Locator("#outcome")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".webchat__bubble--from-user")).ToHaveCountAsync(0);
        await Assertions.Expect(SuggestedAction(page, "Yes, 16 or over")).ToBeVisibleAsync();
        await session.ScreenshotAsync($"flow-{transport}-4-restarted");
    }
}
