using System.Text.Json;
using TriageBot.Schema.Tests.Support;

namespace TriageBot.Schema.Tests;

public sealed class MentionTests
{
    private static readonly ChannelAccount ClinicBot = new() { Id = "28:6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b", Name = "Clinic Bot" };

    [Fact]
    public void From_TeamsChannelMentionEntity_ReadsMentionedAccountAndMarkup()
    {
        var entity = Fixtures.Load(Fixtures.TeamsChannelMention).Entities![0];

        var mention = Mention.From(entity);

        Assert.NotNull(mention);
        Assert.Equal((ClinicBot.Id, ClinicBot.Name), (mention.Mentioned.Id, mention.Mentioned.Name));
        Assert.Equal("<at>Clinic Bot</at>", mention.Text);
    }

    [Theory]
    [InlineData("<at>Clinic Bot</at>")]
    [InlineData("<at>Bot</at>")]
    [InlineData(null)]
    public void ToEntity_ThenFrom_RoundTrips(string? text)
    {
        var mention = new Mention(ClinicBot, text);

        var read = Mention.From(mention.ToEntity());

        Assert.Equal(mention with { Text = text ?? "<at>Clinic Bot</at>" }, read);
    }

    [Fact]
    public void ToEntity_NullText_WritesAtMarkupOfTheName()
    {
        var entity = new Mention(ClinicBot, null).ToEntity();

        JsonEquivalence.AssertEquivalent(
            """{ "type": "mention", "mentioned": { "id": "28:6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b", "name": "Clinic Bot" }, "text": "<at>Clinic Bot</at>" }""",
            JsonSerializer.Serialize(entity, SchemaJsonContext.Default.Entity));
    }

    [Theory]
    [InlineData("""{ "type": "clientInfo", "locale": "en-US" }""")]
    [InlineData("""{ "type": "mention", "text": "<at>Clinic Bot</at>" }""")]
    [InlineData("""{ "type": "mention", "mentioned": "28:6f1a", "text": "<at>Clinic Bot</at>" }""")]
    [InlineData("""{ "type": "mention", "mentioned": { "name": "Clinic Bot" }, "text": "<at>Clinic Bot</at>" }""")]
    [InlineData("""{ "type": "mention" }""")]
    public void From_NotAWellFormedMention_ReturnsNull(string entityJson)
    {
        var entity = Wire.Read($$"""{ "type": "message", "entities": [ {{entityJson}} ] }""").Entities![0];

        Assert.Null(Mention.From(entity));
    }

    [Fact]
    public void From_MentionWithNonStringText_ReadsMentionWithoutText()
    {
        var entity = Wire.Read("""{ "entities": [ { "type": "mention", "mentioned": { "id": "29:1" }, "text": 5 } ] }""").Entities![0];

        Assert.Null(Mention.From(entity)?.Text);
    }
}
