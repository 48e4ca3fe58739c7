using TriageBot.Content.Model;
using Xunit.Abstractions;

namespace TriageBot.Content.Tests.Rules;

/// <summary>
/// The map from the real dispositions.yaml to its named tests is complete and true (like the hazard log's list of
/// tests): every rule has a [Fact] or [Theory] marked with its id, every id marked is a rule, and no rule is silently
/// redundant (removing it from the table changes what the person is told for its own findings).
/// </summary>
public sealed class RuleMapTests(ITestOutputHelper output)
{
    /// <summary>
    /// Rules that, removed from the table, leave what the person hears unchanged for their own findings: kept on
    /// purpose (the table reads more clearly with them), with the rule that covers them and why.
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, string> KnownRedundant = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["weakness-rapid"] = "weakness-rapid-alone ([redflag.weakness.rapid], the same level, hazard and advice) matches whenever it does; "
            + "dispositions.yaml keeps both on purpose (\"the second rule also covers a rapid-weakness finding recorded without the first\")",
    };

    [Fact]
    public void EveryRuleInDispositionsYaml_HasANamedTest_AndEveryTestNamesARuleThatExists()
    {
        var rules = RealTable.Content.DispositionRules.Select(r => r.Id).ToList();
        Assert.True(rules.Count > 0, $"{ContentFileNames.Dispositions} has no rules to map.");
        var map = RuleTestMap.Entries;

        var untested = rules.Where(id => !map.Any(e => e.RuleId == id)).ToList();
        var unknown = map.Where(e => !rules.Contains(e.RuleId)).Select(e => $"{RuleTestMap.Name(e.Test)} names '{e.RuleId}'").ToList();
        var notTests = map.Where(e => !RuleTestMap.IsTest(e.Test)).Select(e => $"{RuleTestMap.Name(e.Test)} ({e.RuleId})").ToList();
        Print($"Rule -> test map: {rules.Count} rules in {ContentFileNames.Dispositions}, {rules.Count - untested.Count} with a named test, {map.Count} entries.");
        foreach (var id in rules)
        {
            Print($"  {id} -> {string.Join(", ", map.Where(e => e.RuleId == id).Select(e => RuleTestMap.Name(e.Test)).DefaultIfEmpty("(none)"))}");
        }

        Assert.True(untested.Count == 0, $"Rules without a named test ([CoversRule(\"id\")] on a [Fact]): {string.Join(", ", untested)}");
        Assert.True(unknown.Count == 0, $"Tests naming a rule {ContentFileNames.Dispositions} does not have:\n{string.Join("\n", unknown)}");
        Assert.True(notTests.Count == 0, $"Marked [CoversRule] but not a [Fact] or [Theory], so never run:\n{string.Join("\n", notTests)}");
    }

    [Fact]
    public void EveryRule_RemovedFromTheTable_ChangesWhatThePersonHearsForItsOwnFindings_ExceptTheKnownRedundantOnes()
    {
        var content = RealTable.Content;
        var redundant = new List<string>();
        foreach (var rule in content.DispositionRules)
        {
            var with = WhatThePersonHears.Of(content, rule.When);
            var without = WhatThePersonHears.Of(Without(content, rule.Id), rule.When);
            if (with.Same(without))
            {
                redundant.Add(rule.Id);
                Print($"Redundant: {rule.Id} [{string.Join(", ", rule.When)}]: {with}");
            }
        }

        Assert.Equal(KnownRedundant.Keys.Order(StringComparer.Ordinal), redundant.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void KnownRedundantRule_RemovedWithTheRuleThatCoversIt_DoesChangeWhatThePersonHears()
    {
        // The redundancy check itself can fail: weakness-rapid's findings need one of the two rapid-weakness rules.
        var content = RealTable.Content;
        var findings = content.DispositionRules.Single(r => r.Id == "weakness-rapid").When;

        var neither = WhatThePersonHears.Of(Without(Without(content, "weakness-rapid"), "weakness-rapid-alone"), findings);

        Assert.Equal(DispositionLevel.Urgent, neither.Level);
    }

    /// <summary>A copy of the table without one rule (everything else as loaded).</summary>
    internal static ContentCatalog Without(ContentCatalog content, string ruleId) =>
        new(content.Files with
        {
            Dispositions = new Yaml.DispositionsFile { Rules = [.. (content.Files.Dispositions.Rules ?? []).Where(r => r.Id != ruleId)] },
        });

    private void Print(string text)
    {
        Console.WriteLine(text);
        output.WriteLine(text);
    }
}
