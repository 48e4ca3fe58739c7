using System.Text.Json;
using System.Text.Json.Nodes;
using TriageBot.Schema;
using Xunit.Abstractions;

namespace TriageBot.Dialogs.Tests.Teams;

/// <summary>
/// Teams refuses a message activity above about 28 KB (text and attachments together), and renders only the card
/// types and versions it knows. Every message the bot can send there (TeamsRenderedMessages) is checked against both.
/// </summary>
public sealed class TeamsMessageLimitsTests(ITestOutputHelper output)
{
    /// <summary>Teams' limit for one message activity, with room to spare for what the connector adds.</summary>
    private const int TeamsMaxMessageBytes = 28_000;

    /// <summary>What a hero card may carry (the Bot Framework card schema); Teams ignores or refuses anything else.</summary>
    private static readonly HashSet<string> HeroCardProperties = new(StringComparer.Ordinal) { "title", "subtitle", "text", "images", "buttons", "tap" };

    private static readonly HashSet<string> ButtonTypes = new(StringComparer.Ordinal) { "imBack", "messageBack", "postBack", "openUrl" };

    [Fact]
    public void EveryMessageTheBotCanSendInTeams_FitsTeamsSizeLimit()
    {
        var sizes = TeamsRenderedMessages.All().Select(m => (m.Name, Bytes: TeamsRenderedMessages.WireBytes(m.Activity))).ToList();
        var largest = sizes.MaxBy(s => s.Bytes);
        output.WriteLine($"{sizes.Count} messages; largest {largest.Bytes} bytes: {largest.Name}");

        Assert.True(sizes.Count > 400, $"only {sizes.Count} messages rendered");
        Assert.All(sizes, s => Assert.True(s.Bytes < TeamsMaxMessageBytes, $"{s.Name} is {s.Bytes} bytes"));
    }

    [Fact]
    public void EveryHeroCard_HasOnlyHeroCardProperties_AndButtonsTeamsCanSend()
    {
        var heroCards = TeamsRenderedMessages.Cards().Where(c => c.Card.ContentType == HeroCard.ContentType).ToList();
        output.WriteLine($"{heroCards.Count} hero cards; most buttons: {heroCards.Max(c => Buttons(c.Card).Count)}");

        Assert.NotEmpty(heroCards);
        Assert.All(heroCards, c =>
        {
            var card = JsonNode.Parse(c.Card.Content!.Value.GetRawText())!.AsObject();
            Assert.All(card.Select(p => p.Key), key => Assert.True(HeroCardProperties.Contains(key), $"{c.Name}: '{key}' is not a hero card property"));
            Assert.False(string.IsNullOrWhiteSpace(card["text"]?.GetValue<string>() ?? card["title"]?.GetValue<string>()), $"{c.Name}: a card without words");
            Assert.All(Buttons(c.Card), b =>
            {
                Assert.True(ButtonTypes.Contains(b.GetProperty("type").GetString()!), $"{c.Name}: button type {b.GetProperty("type")}");
                Assert.False(string.IsNullOrWhiteSpace(b.GetProperty("title").GetString()), $"{c.Name}: a button without a title");
                Assert.False(string.IsNullOrWhiteSpace(b.GetProperty("value").GetString()), $"{c.Name}: a button that sends nothing");
            });
        });
    }

    [Fact]
    public async Task EveryAdaptiveCard_PassesTheAdaptiveCardsSdk_ForItsVersion()
    {
        var adaptive = TeamsRenderedMessages.Cards().Where(c => c.Card.ContentType == "application/vnd.microsoft.card.adaptive").ToList();
        var cards = new JsonArray([.. adaptive.Select(c => JsonNode.Parse(c.Card.Content!.Value.GetRawText()))]);

        var outcome = await TeamsValidator.CardsAsync(cards.ToJsonString());

        Assert.NotEmpty(adaptive);
        Assert.True(outcome.Ok, string.Join("\n", outcome.Errors));
        Assert.All(adaptive, c => Assert.True(
            Version.Parse(c.Card.Content!.Value.GetProperty("version").GetString()!) <= new Version(1, 5), $"{c.Name}: Teams renders Adaptive Cards up to 1.5"));
    }

    [Fact]
    public async Task TheAdaptiveCardCheck_CanFail_OnACardTeamsWouldNotRender()
    {
        var broken = """[{"type":"AdaptiveCard","version":"1.4","body":[{"type":"TextBlock","text":"x","weight":"Heaviest"},{"type":"Input.Text"}]}]""";

        var outcome = await TeamsValidator.CardsAsync(broken);

        Assert.False(outcome.Ok);
        Assert.Equal(2, outcome.Errors.Count);
    }

    private static List<JsonElement> Buttons(Attachment card) =>
        card.Content!.Value.TryGetProperty("buttons", out var buttons) ? [.. buttons.EnumerateArray()] : [];
}
