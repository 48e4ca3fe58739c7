namespace TriageBot.Recognizers.Tests;

public sealed class OrdinalRecognizerTests
{
    [Theory]
    [InlineData("second", 2)]
    [InlineData("the second one", 2)]
    [InlineData("2nd", 2)]
    [InlineData("twenty-first", 21)]
    [InlineData("one hundred twenty fifth", 125)]
    public void Recognize_Ordinal_ReturnsOffsetFromStart(string text, long offset) =>
        Assert.Equal(new OrdinalValue(offset, OrdinalRelativeTo.Start), OrdinalRecognizer.Recognize(text).Value);

    [Theory]
    [InlineData("the last one", OrdinalRelativeTo.End, 0)]
    [InlineData("penultimate", OrdinalRelativeTo.End, -1)]
    [InlineData("next", OrdinalRelativeTo.Current, 1)]
    [InlineData("the previous one", OrdinalRelativeTo.Current, -1)]
    public void Recognize_RelativeOrdinal_ReturnsOffset(string text, OrdinalRelativeTo to, long offset) =>
        Assert.Equal(new OrdinalValue(offset, to), OrdinalRecognizer.Recognize(text).Value);

    [Theory]
    [InlineData("two")]
    [InlineData("a trillionth")]
    [InlineData("2 days")]
    [InlineData("")]
    public void Recognize_NotOrdinal_ReturnsNone(string text) =>
        Assert.False(OrdinalRecognizer.Recognize(text).Succeeded);

    [Theory]
    [InlineData(1, OrdinalRelativeTo.Start, 3, 0)]
    [InlineData(0, OrdinalRelativeTo.End, 3, 2)]
    [InlineData(-1, OrdinalRelativeTo.End, 3, 1)]
    public void IndexIn_ThreeItems_PicksIndex(long offset, OrdinalRelativeTo to, int count, int index) =>
        Assert.Equal(index, new OrdinalValue(offset, to).IndexIn(count));

    [Fact]
    public void IndexIn_PastTheEnd_ReturnsNull() =>
        Assert.Null(new OrdinalValue(4, OrdinalRelativeTo.Start).IndexIn(3));
}
