namespace TriageBot.Recognizers.Tests;

public sealed class PercentageRecognizerTests
{
    [Theory]
    [InlineData("50%", 50)]
    [InlineData("about 80 percent better", 80)]
    [InlineData("twenty per cent", 20)]
    [InlineData("minus five percent", -5)]
    public void Recognize_Percentage_ReturnsValue(string text, double expected) =>
        Assert.Equal(expected, PercentageRecognizer.Recognize(text).Value);

    [Theory]
    [InlineData("50")]
    [InlineData("see https://example.com/a%20b")]
    public void Recognize_NoPercentage_ReturnsNone(string text) =>
        Assert.False(PercentageRecognizer.Recognize(text).Succeeded);
}
