using TriageBot.Content.Detection;
using TriageBot.Content.Model;
using TriageBot.Content.Tests.Support;

namespace TriageBot.Content.Tests;

/// <summary>
/// The red-flag net remembers its reading of the texts the content offers as answers (a button press), and reads
/// every other text afresh, every time.
/// </summary>
public sealed class OfferedAnswerReadingsTests
{
    private static readonly Lazy<ContentCatalog> Real = new(() => ContentLoader.Load(RepoPaths.Content));

    [Fact]
    public void EveryOfferedAnswer_ReadsTheSame_RememberedOrFresh()
    {
        var catalog = Real.Value;
        var offered = catalog.OfferedAnswerTexts().Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        Assert.True(offered.Count > 50, $"only {offered.Count} offered answers found in the real content");
        Assert.Equal(offered.Count, catalog.OfferedAnswerCount);

        foreach (var text in offered)
        {
            var fresh = catalog.RedFlagTable.Detector.Read(text);
            AssertSameReading(fresh, catalog.ReadRedFlags(text), text);
            AssertSameReading(fresh, catalog.ReadRedFlags(text), text);
            Assert.Equal(fresh.Present, catalog.DetectRedFlags(text));
        }
    }

    [Fact]
    public void OfferedAnswer_IsReadOnce_AndAnyOtherText_EveryTime()
    {
        var reads = new List<string>();
        var readings = new OfferedAnswerReadings(["No", "not sure"], text =>
        {
            reads.Add(text);
            return FreeTextReading.Nothing;
        });

        foreach (var text in new[] { "No", "No", "no", "no", "No ", "No, I can't control my bladder", "No, I can't control my bladder", "not sure", "not sure" })
        {
            readings.Read(text);
        }

        Assert.Equal(["No", "no", "no", "No ", "No, I can't control my bladder", "No, I can't control my bladder", "not sure"], reads);
    }

    [Theory]
    [InlineData("no, but I can't control my bladder")]
    [InlineData("yes and my groin is numb")]
    public void RedFlag_TypedWithAnOfferedAnswer_IsStillFound(string text)
    {
        var catalog = Real.Value;

        // Asked twice: the second time must not come from a remembered "no" or "yes".
        catalog.ReadRedFlags("no");
        catalog.ReadRedFlags("yes");
        Assert.NotEmpty(catalog.ReadRedFlags(text).Present);
        Assert.NotEmpty(catalog.ReadRedFlags(text).Present);
    }

    private static void AssertSameReading(FreeTextReading expected, FreeTextReading actual, string text)
    {
        Assert.True(expected.Present.SequenceEqual(actual.Present), $"present hits differ for '{text}'");
        Assert.True(expected.Mentions.SequenceEqual(actual.Mentions), $"mentions differ for '{text}'");
        Assert.Equal(expected.IsQuestion, actual.IsQuestion);
    }
}
