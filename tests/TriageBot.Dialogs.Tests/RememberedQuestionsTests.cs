using System.Text.Json;
using TriageBot.Dialogs.Flow;
using TriageBot.Runtime.Choices;
using TriageBot.Runtime.Prompts;
using TriageBot.Runtime.Turns;
using TriageBot.Schema;

namespace TriageBot.Dialogs.Tests;

/// <summary>
/// A whole content question is built once per prompt, locale and attempts, then asked again as the same options: what
/// the person receives, and what the prompt's frame stores, are byte for byte what a freshly built question gives.
/// </summary>
public sealed class RememberedQuestionsTests
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static TheoryData<string, string> EveryQuestionInEveryLocale()
    {
        var data = new TheoryData<string, string>();
        foreach (var locale in new[] { "en-GB", "en-US" })
        {
            foreach (var key in ContentKeys.PromptChoices.Keys.Order(StringComparer.Ordinal))
            {
                data.Add(locale, key);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryQuestionInEveryLocale))]
    public void RememberedQuestion_IsTheFreshQuestion_OnTheWireAndInTheFrame(string locale, string key)
    {
        var turn = Turn(locale);
        var wording = new Wording(TriageChat.Catalog, turn);

        var remembered = wording.Ask(key);
        var fresh = wording.Ask(key, include: _ => true);

        Assert.Same(remembered, new Wording(TriageChat.Catalog, Turn(locale)).Ask(key));
        Assert.NotSame(remembered, fresh);
        Assert.Equal(JsonSerializer.Serialize(fresh, Json), JsonSerializer.Serialize(remembered, Json));
        foreach (var style in new[] { ListStyle.Auto, ListStyle.SuggestedAction, ListStyle.HeroCard, ListStyle.List })
        {
            Assert.Equal(Reply(turn, fresh, style), Reply(turn, remembered, style));
        }
    }

    [Fact]
    public void Questions_AreRememberedApart_ByLocaleAndAttempts()
    {
        var key = ContentKeys.PromptChoices.Keys.Order(StringComparer.Ordinal).First();
        var british = new Wording(TriageChat.Catalog, Turn("en-GB"));

        Assert.NotSame(british.Ask(key), new Wording(TriageChat.Catalog, Turn("en-US")).Ask(key));
        Assert.NotSame(british.Ask(key), british.Ask(key, maxAttempts: 2));
        Assert.Equal(2, british.Ask(key, maxAttempts: 2).MaxAttempts);
        Assert.Equal(3, british.Ask(key).MaxAttempts);
    }

    private static string Reply(TurnContext turn, PromptOptions options, ListStyle style) =>
        JsonSerializer.Serialize(
            ChoiceFactory.AppendChoices(turn.Address(options.Prompt!), options.Choices ?? [], style, turn.Reference),
            SchemaJsonContext.Default.Activity);

    private static TurnContext Turn(string locale) => new(new Activity
    {
        Type = ActivityTypes.Message,
        Id = "1",
        ChannelId = "webchat",
        Locale = locale,
        From = new ChannelAccount { Id = "user-1" },
        Recipient = new ChannelAccount { Id = "bot" },
        Conversation = new ConversationAccount { Id = "conversation-1" },
        ServiceUrl = "https://example.org/",
    });
}
