using TriageBot.Content.Model;

namespace TriageBot.Content.Tests.Support;

/// <summary>What a red-flag detector must make of one sentence: nothing, a present rule, or a mention with its reason.</summary>
internal static class ReadingAssert
{
    public static void Nothing(RedFlagDetector detector, string text)
    {
        var reading = detector.Read(text);
        Assert.True(reading.Present.Count == 0 && reading.Mentions.Count == 0, $"'{text}': should be nothing; read {Describe(reading)}");
    }

    public static void Present(RedFlagDetector detector, string text, string rule)
    {
        var reading = detector.Read(text);
        Assert.True(reading.Present.Any(h => h.RuleId == rule), $"'{text}': {rule} should be present; read {Describe(reading)}");
    }

    public static void Mention(RedFlagDetector detector, string text, string rule, MentionReason reason)
    {
        var reading = detector.Read(text);
        Assert.True(
            reading.Mentions.Any(m => m.RuleId == rule && m.Reason == reason) && reading.Present.Count == 0,
            $"'{text}': {rule} should be a mention ({reason}) with nothing present; read {Describe(reading)}");
    }

    public static string Describe(FreeTextReading reading) =>
        $"present [{string.Join(", ", reading.Present.Select(h => h.RuleId))}], mentions [{string.Join(", ", reading.Mentions.Select(m => $"{m.RuleId} {m.Reason}"))}]";
}
