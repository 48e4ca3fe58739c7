namespace TriageBot.Recognizers.Tests;

public sealed class DurationRecognizerTests
{
    // A Monday in November: "last summer" is June–August of the same year.
    private static readonly DateTime Now = new(2016, 11, 7, 10, 30, 0, DateTimeKind.Unspecified);

    [Theory]
    [InlineData("3 weeks", 21)]
    [InlineData("a fortnight", 14)]
    [InlineData("a couple of months", 60)]
    [InlineData("two and a half years", 912.5)]
    [InlineData("a few days", 3)]
    [InlineData("several weeks", 21)]
    [InlineData("about 10 days now", 10)]
    [InlineData("for two nights", 2)]
    [InlineData("3day", 3)]
    [InlineData("since yesterday", 1)]
    [InlineData("since last week", 7)]
    [InlineData("since last summer", 159)]
    [InlineData("since Friday", 3)]
    [InlineData("since 3 weeks ago", 21)]
    public void Recognize_EnglishPhrase_ReturnsDays(string text, double days) =>
        Assert.Equal(TimeSpan.FromDays(days), DurationRecognizer.Recognize(text, Now).Value.Duration);

    [Theory]
    [InlineData("half an hour", "PT0.5H")]
    [InlineData("an hour and a half", "PT1.5H")]
    [InlineData("3 weeks", "P3W")]
    [InlineData("2 days 1 month", "P1M2D")]
    [InlineData("1 hour and 30 minutes", "PT1H30M")]
    [InlineData("two decades", "P20Y")]
    [InlineData("three weekends", "P3WE")]
    [InlineData("another business day", "P1BD")]
    public void Recognize_EnglishPhrase_ReturnsTimex(string text, string timex) =>
        Assert.Equal(timex, DurationRecognizer.Recognize(text, Now).Value.Timex);

    [Theory]
    [InlineData("less than 2 hours", DurationMod.Less)]
    [InlineData("more than 4 days", DurationMod.More)]
    [InlineData("3 weeks ago", DurationMod.Ago)]
    [InlineData("since last summer", DurationMod.Since)]
    [InlineData("for 3 weeks", DurationMod.None)]
    public void Recognize_Qualifier_SetsMod(string text, DurationMod mod) =>
        Assert.Equal(mod, DurationRecognizer.Recognize(text, Now).Value.Mod);

    [Theory]
    [InlineData("")]
    [InlineData("it hurts")]
    [InlineData("next month")]
    [InlineData("at 2pm")]
    [InlineData("since tomorrow")]
    [InlineData("1m")]
    [InlineData("999999999999999 years")]
    public void Recognize_NoDuration_ReturnsNone(string text) =>
        Assert.False(DurationRecognizer.Recognize(text, Now).Succeeded);

    [Fact]
    public void RecognizeAll_Sentence_ReturnsSpans()
    {
        var all = DurationRecognizer.RecognizeAll("Find records less than 2 hours or more than 4 days", Now);

        Assert.Equal(["less than 2 hours", "more than 4 days"], all.Select(r => r.Text));
    }
}
