using System.Text.Json;
using Microsoft.Playwright;

namespace TriageBot.Browser.Tests;

/// <summary>
/// The clinic's referral card (the example in deployment/teams/clinic-inbox, written from a real run of the card
/// tests) rendered in Chromium by the adaptivecards npm package, the same renderer family Teams uses: it renders
/// without error, shows the reference and the staff buttons, and is kept as a screenshot for the docs.
/// </summary>
public sealed class ClinicCardRenderTests
{
    [BrowserFact]
    public async Task ReferralCard_RendersInChromium_WithItsButtons()
    {
        var root = TestArtifacts.RepositoryRoot();
        var library = Path.Combine(root, "src", "TriageBot.Host", "webchat-client", "node_modules", "adaptivecards", "dist", "adaptivecards.min.js");
        Assert.True(File.Exists(library), $"{library} is missing: build src/TriageBot.Host once (it restores the npm packages).");
        var teamCard = await File.ReadAllTextAsync(Path.Combine(root, "deployment", "teams", "clinic-inbox", "referral-card.json"));
        var contact = await File.ReadAllTextAsync(Path.Combine(root, "deployment", "teams", "clinic-inbox", "referral-card-show-contact.json"));
        await using var browser = await ChromiumBrowser.LaunchAsync(new ViewportSize { Width = 520, Height = 900 });
        var page = await browser.Context.NewPageAsync();
        await page.SetContentAsync("""
            <!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Referral card</title>
            <style>body{font-family:"Segoe UI",system-ui,sans-serif;background:#f5f5f5;margin:16px}
            .card{background:#fff;border-radius:8px;box-shadow:0 1px 4px #0003;margin-bottom:16px;max-width:480px}</style>
            </head><body><div id="team-card" class="card"></div><div id="contact" class="card"></div></body></html>
            """);
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = library });

        var errors = await page.EvaluateAsync<string[]>("""
            ([teamCard, contact]) => {
              const errors = [];
              for (const [id, json] of [["team-card", teamCard], ["contact", contact]]) {
                const card = new AdaptiveCards.AdaptiveCard();
                card.hostConfig = new AdaptiveCards.HostConfig({ fontFamily: "Segoe UI, system-ui, sans-serif" });
                const context = new AdaptiveCards.SerializationContext(new AdaptiveCards.Version(1, 5));
                card.parse(JSON.parse(json), context);
                for (let i = 0; i < context.eventCount; i++) errors.push(id + ": " + context.getEventAt(i).message);
                const element = card.render();
                if (!element) errors.push(id + ": nothing rendered");
                else document.getElementById(id).appendChild(element);
              }
              return errors;
            }
            """, new[] { teamCard, contact });

        Assert.Empty(errors);
        var reference = JsonDocument.Parse(teamCard).RootElement.GetProperty("actions")[0].GetProperty("data").GetProperty("reference").GetString()!;
        var sharedCard = page.Locator("#team-card");
        Assert.Contains(reference, await sharedCard.InnerTextAsync(), StringComparison.Ordinal);
        foreach (var button in new[] { "Claim", "Show contact", "Mark contacted", "Add note" })
        {
            Assert.Equal(1, await sharedCard.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = button, Exact = true }).CountAsync());
        }

        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(TestArtifacts.Screenshots.FullName, "clinic-referral-card.png"),
            FullPage = true,
        });
    }
}
