namespace TriageBot.Content.Tests;

/// <summary>Flesch-Kincaid against hand-counted sentences (syllables from a dictionary), with tolerances.</summary>
public sealed class ReadabilityTests
{
    [Theory]
    [InlineData("cat", 1)]
    [InlineData("the", 1)]
    [InlineData("make", 1)]
    [InlineData("whole", 1)]
    [InlineData("nerves", 1)]
    [InlineData("walked", 1)]
    [InlineData("table", 2)]
    [InlineData("water", 2)]
    [InlineData("happy", 2)]
    [InlineData("wanted", 2)]
    [InlineData("changes", 2)]
    [InlineData("pressure", 2)]
    [InlineData("yellow", 2)]
    [InlineData("beautiful", 3)]
    [InlineData("syllable", 3)]
    [InlineData("period", 3)]
    [InlineData("education", 4)]
    [InlineData("radiation", 4)]
    [InlineData("decompression", 4)]
    [InlineData("evaluation", 5)]
    [InlineData("self-care", 2)]
    [InlineData("999", 1)]
    public void Syllables_EnglishWord_MatchesTheDictionary(string word, int expected) =>
        Assert.Equal(expected, Readability.Syllables(word));

    [Theory]
    // 6 words, 6 syllables, 1 sentence: 0.39 × 6 + 11.8 × 1 − 15.59 = −1.45
    [InlineData("The cat sat on the mat.", -1.45, 0.1)]
    // 14 words, 20 syllables: 0.39 × 14 + 11.8 × 20/14 − 15.59 = 6.73
    [InlineData("Spinal decompression is a treatment that takes pressure off the nerves in your back.", 6.73, 0.5)]
    // Two sentences of 7 and 5 words, 15 syllables: 0.39 × 6 + 11.8 × 15/12 − 15.59 = 1.5
    [InlineData("Most back pain gets better by itself. Keep moving as you can.", 1.5, 0.8)]
    // 10 words, 41 syllables by dictionary: 0.39 × 10 + 11.8 × 41/10 − 15.59 = 36.69; the heuristic may miss a few
    [InlineData("Intervertebral disc herniation necessitates comprehensive neurological evaluation and individualized rehabilitation.", 36.7, 4.0)]
    public void FleschKincaidGrade_KnownText_IsWithinTolerance(string text, double expected, double tolerance) =>
        Assert.InRange(Readability.FleschKincaidGrade(text), expected - tolerance, expected + tolerance);

    [Fact]
    public void FleschKincaidGrade_PlainAdvice_IsBelowGradeEight() =>
        Assert.True(Readability.FleschKincaidGrade("Stay active. Walk a little each day. If the pain gets worse, see your GP.") <= 8);

    [Fact]
    public void FleschKincaidGrade_LineBreaks_EndSentences()
    {
        var asLines = Readability.FleschKincaidGrade("Walk each day\nStretch your back\nRest when you need to");
        var asOne = Readability.FleschKincaidGrade("Walk each day stretch your back rest when you need to");

        Assert.True(asLines < asOne);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!! ...")]
    public void FleschKincaidGrade_NoWords_IsZero(string text) =>
        Assert.Equal(0, Readability.FleschKincaidGrade(text));
}
