namespace TriageBot.Recognizers.Tests;

public sealed class ChoiceRecognizerTests
{
    private static readonly Choice[] Clinics = [new("Cardiology"), new("Dermatology") { Synonyms = ["skin"] }, new("Pediatrics")];

    private static readonly Choice[] Areas = [new("Lower back"), new("Neck"), new("Both")];

    [Theory]
    [InlineData("I need dermatology please", 1)]
    [InlineData("DERMATOLOGY", 1)]
    [InlineData("Dermatology.", 1)]
    [InlineData("it's a skin thing", 1)]
    [InlineData("2", 1)]
    [InlineData("number 2", 1)]
    [InlineData("the third one", 2)]
    [InlineData("the second one", 1)]
    [InlineData("last", 2)]
    [InlineData("the first", 0)]
    [InlineData("dermatolgy", 1)]
    [InlineData("cardiolgy please", 0)]
    [InlineData("pediatrcs", 2)]
    public void Recognize_Utterance_PicksChoice(string text, int index) =>
        Assert.Equal(index, ChoiceRecognizer.Recognize(text, Clinics).Value.Index);

    [Theory]
    [InlineData("derma")]
    [InlineData("xyz")]
    [InlineData("4")]
    [InlineData("")]
    [InlineData("dermatologies")]
    public void Recognize_NoMatch_ReturnsNone(string text) =>
        Assert.False(ChoiceRecognizer.Recognize(text, Clinics).Succeeded);

    [Fact]
    public void Recognize_ExactMatch_ScoresOneAndReportsSynonym()
    {
        var found = ChoiceRecognizer.Recognize("skin", Clinics).Value;

        Assert.Equal(new FoundChoice("Dermatology", 1, 1.0, "skin"), found);
    }

    [Fact]
    public void Recognize_PartialMatch_ScoresLowerThanExact()
    {
        var partial = ChoiceRecognizer.Recognize("my back", Areas);
        var exact = ChoiceRecognizer.Recognize("lower back", Areas);

        Assert.Equal(0, partial.Value.Index);
        Assert.True(partial.Value.Score < exact.Value.Score);
    }

    [Fact]
    public void Recognize_TokensWithTwoSkipped_StillMatches() =>
        Assert.Equal(0, ChoiceRecognizer.Recognize("lower part of my back", [new Choice("lower back")]).Value.Index);

    [Fact]
    public void Recognize_TokensWithThreeSkipped_IsPartialOnly() =>
        Assert.True(ChoiceRecognizer.Recognize("lower and then part of my back", [new Choice("lower back")]).Value.Score < 1);

    [Fact]
    public void Recognize_TypoMatch_ScoresLowerThanExact() =>
        Assert.True(ChoiceRecognizer.Recognize("dermatolgy", Clinics).Value.Score < 1);

    [Fact]
    public void Recognize_LongSentenceWithLast_DoesNotPickByPosition() =>
        Assert.False(ChoiceRecognizer.Recognize("it got a lot worse since last week honestly", Clinics).Succeeded);
}
