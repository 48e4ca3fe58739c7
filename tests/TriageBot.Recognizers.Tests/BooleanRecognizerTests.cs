namespace TriageBot.Recognizers.Tests;

public sealed class BooleanRecognizerTests
{
    [Theory]
    [InlineData("yes", true)]
    [InlineData("yep", true)]
    [InlineData("Yeah, that's right", true)]
    [InlineData("sure", true)]
    [InlineData("ok", true)]
    [InlineData("of course", true)]
    [InlineData("👍", true)]
    [InlineData("no", false)]
    [InlineData("nope", false)]
    [InlineData("not really", false)]
    [InlineData("I don't think so", false)]
    [InlineData("I don’t think so", false)]
    [InlineData("it's not ok", false)]
    [InlineData("👎", false)]
    public void Recognize_EnglishAnswer_ReturnsValue(string text, bool expected)
    {
        var result = BooleanRecognizer.Recognize(text);

        Assert.True(result.Succeeded);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("maybe")]
    [InlineData("my back hurts")]
    [InlineData("nothing")]
    [InlineData("yesterday")]
    public void Recognize_NoAnswer_ReturnsNone(string? text) =>
        Assert.False(BooleanRecognizer.Recognize(text).Succeeded);

    [Fact]
    public void Recognize_LongerPhraseLater_LongerPhraseWins()
    {
        var result = BooleanRecognizer.Recognize("agree, it is not ok");

        Assert.False(result.Value);
        Assert.Equal("not ok", result.Text);
    }

    [Fact]
    public void Recognize_WholeUtterance_FullConfidence() =>
        Assert.Equal(1.0, BooleanRecognizer.Recognize("Sure!").Confidence);

    [Fact]
    public void Recognize_OtherCulture_ReturnsNone() =>
        Assert.False(BooleanRecognizer.Recognize("yes", "fr-FR").Succeeded);

    [Fact]
    public void Recognize_BritishCulture_SameRules() =>
        Assert.True(BooleanRecognizer.Recognize("yes", "en-GB").Value);
}
