using System.Globalization;

namespace TriageBot.Recognizers.Tests;

public sealed class NumberRecognizerTests
{
    [Theory]
    [InlineData("7", 7)]
    [InlineData("about a 7", 7)]
    [InlineData("1,500", 1500)]
    [InlineData("-3.25", -3.25)]
    [InlineData("twenty one", 21)]
    [InlineData("one hundred and five", 105)]
    [InlineData("six and a half", 6.5)]
    [InlineData("a dozen", 12)]
    [InlineData("three quarters", 0.75)]
    [InlineData("3/4", 0.75)]
    [InlineData("7/10", 0.7)]
    [InlineData("seven out of ten", 0.7)]
    [InlineData("10k", 10000)]
    [InlineData("2.5M", 2500000)]
    [InlineData("1e3", 1000)]
    [InlineData("minus five point five", -5.5)]
    public void Recognize_EnglishNumber_ReturnsValue(string text, double expected)
    {
        var result = NumberRecognizer.Recognize(text);

        Assert.True(result.Succeeded);
        Assert.Equal(expected, result.Value.Value, 9);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("my back hurts")]
    [InlineData("the 180ml bottle")]
    [InlineData("1m")]
    [InlineData("this one")]
    [InlineData("a last resort")]
    public void Recognize_NoNumber_ReturnsNone(string? text) =>
        Assert.False(NumberRecognizer.Recognize(text).Succeeded);

    [Theory]
    [InlineData("7/10", 7)]
    [InlineData("seven out of ten", 7)]
    [InlineData("7 out of 10", 7)]
    [InlineData("about a 7", 7)]
    [InlineData("it's a six", 6)]
    [InlineData("maybe 6.5", 6.5)]
    [InlineData("0", 0)]
    [InlineData("none", 0)]
    [InlineData("no pain right now", 0)]
    [InlineData("sevun", 7)]
    [InlineData("fourr", 4)]
    [InlineData("for or five", 5)]
    [InlineData("6 or 7", 7)]
    [InlineData("7 to 8", 8)]
    [InlineData("2-3", 3)]
    [InlineData("5/6", 6)]
    [InlineData("six and a half", 6.5)]
    [InlineData("right now 6, at night it goes to 9", 6)]
    public void RecognizeScore_PainScore_ReturnsPoints(string text, double expected) =>
        Assert.Equal(expected, NumberRecognizer.RecognizeScore(text).Value);

    [Theory]
    [InlineData("11")]
    [InlineData("3/5")]
    [InlineData("not sure honestly")]
    public void RecognizeScore_OffScale_ReturnsNone(string text) =>
        Assert.False(NumberRecognizer.RecognizeScore(text).Succeeded);

    [Fact]
    public void RecognizeAll_Sentence_ReturnsEachNumberWithSpan()
    {
        var all = NumberRecognizer.RecognizeAll("I want to earn $10000 in 3 years");

        Assert.Equal(2, all.Count);
        Assert.Equal((16, "10000", 10000d), (all[0].Start, all[0].Text, all[0].Value.Value));
        Assert.Equal((25, "3", 3d), (all[1].Start, all[1].Text, all[1].Value.Value));
    }

    [Theory]
    [InlineData("42", NumberSubtype.Integer)]
    [InlineData("4.2", NumberSubtype.Decimal)]
    [InlineData("two thirds", NumberSubtype.Fraction)]
    [InlineData("1.3e6", NumberSubtype.Power)]
    public void Recognize_Subtype_MatchesWriting(string text, NumberSubtype expected) =>
        Assert.Equal(expected, NumberRecognizer.Recognize(text).Value.Subtype);

    [Fact]
    public void Recognize_HugeNumber_DoesNotThrow() =>
        Assert.True(NumberRecognizer.Recognize("999999999999999999999999999999 trillion trillion").Succeeded);

    [Theory]
    [InlineData("4 thousand 3 hundred and 21", 4321)]
    [InlineData("2mil", 2000000)]
    [InlineData("sixx", 6)]
    [InlineData("28yrs", 28)]
    public void RecognizeTyped_NumbersAsWrittenOrTyped_ReturnsValue(string text, double expected) =>
        Assert.Equal(expected, NumberRecognizer.RecognizeTyped(text).First.Value.Value);

    [Theory]
    [InlineData("I'm fine")]
    [InlineData("there is nothing")]
    [InlineData("right side, at night")]
    public void RecognizeTyped_RealWordsNearNumberWords_AreNotNumbers(string text) =>
        Assert.Empty(NumberRecognizer.RecognizeTyped(text));

    /// <summary>A reply in plain digits skips the official model (README.md): it must read exactly as the model would.</summary>
    [Fact]
    public void RecognizeAll_ReplyInPlainDigits_ReadsExactlyAsTheOfficialModel()
    {
        string[] replies =
        [
            .. Enumerable.Range(0, 131).Select(n => n.ToString(CultureInfo.InvariantCulture)),
            "6.5", "6.50", "10.0", "0.5", "7.25", " 7 ", "7\n", "  12", "1000", "45000", "999999",
        ];
        foreach (var reply in replies)
        {
            var ours = NumberRecognizer.RecognizeAll(reply).Select(r => (r.Start, r.End, r.Value.Value, Subtype: r.Value.Subtype.ToString(), r.Confidence));
            var official = OfficialModels.Parse(OfficialModels.Number, reply).Select(r =>
            {
                var found = OfficialModels.ToRecognition(reply, r, 0);
                var value = double.Parse(OfficialModels.Resolution(r, "value")!, CultureInfo.InvariantCulture);
                return (found.Start, found.End, value, Subtype: OfficialModels.Resolution(r, "subtype")!, found.Confidence);
            });
            Assert.Equal(official, ours.Select(o => o with { Subtype = o.Subtype.ToLowerInvariant() }));
        }
    }
}
