using TriageBot.Content.Model;
using TriageBot.Content.Tests.Support;

namespace TriageBot.Content.Tests;

/// <summary>
/// Each hazard that content controls, traced through the real content: its red-flag rules fire on their golden
/// phrasings and the finding reaches the rule's level with that hazard recorded. The hazard log names these tests.
/// </summary>
public sealed class HazardTraceTests
{
    private static readonly Lazy<ContentCatalog> Real = new(() => ContentLoader.Load(RepoPaths.Content));

    public static TheoryData<string> HazardsWithRedFlagRules() =>
        [.. Real.Value.RedFlags.Select(r => r.Hazard).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(HazardsWithRedFlagRules))]
    public void RedFlagRulesOfAHazard_FireOnTheirGoldenPhrasings_AndReachTheirLevel(string hazard)
    {
        var content = Real.Value;
        foreach (var rule in content.RedFlags.Where(r => r.Hazard == hazard))
        {
            // Mentions (someone else, past, hypothetical, question) are asked about, not raised: only present phrasings count here.
            var phrasings = content.Golden.Where(u => u.Expect == rule.Id && u.Kind is not ("other" or "historical" or "hypothetical" or "question"))
                .Select(u => u.Text).ToList();
            Assert.True(phrasings.Count > 0, $"rule '{rule.Id}' has no golden phrasing");
            var missed = phrasings.Where(text => !content.DetectRedFlags(text).Any(h => h.RuleId == rule.Id && h.Hazard == hazard)).ToList();
            Assert.True(missed.Count == 0, $"rule '{rule.Id}' ({hazard}) missed:\n" + string.Join("\n", missed));

            var result = content.Evaluate(new HashSet<string>(StringComparer.Ordinal) { "redflag." + rule.Id });
            Assert.True(result.Level <= rule.Level, $"redflag.{rule.Id} reaches {result.Level}, below the rule's {rule.Level}");
            Assert.Contains(hazard, result.Hazards);
        }
    }

    [Theory]
    [InlineData("redflag.weakness")]
    [InlineData("numbness.yes")]
    public void RealDispositions_CancerWithWeaknessOrNumbness_IsAnEmergencyForCordCompression(string neurological)
    {
        var result = Real.Value.Evaluate(new HashSet<string>(StringComparer.Ordinal) { "redflag.cancer", neurological });

        Assert.Equal(DispositionLevel.Emergency, result.Level);
        Assert.Contains("HAZ-MSCC", result.Hazards);
    }
}
