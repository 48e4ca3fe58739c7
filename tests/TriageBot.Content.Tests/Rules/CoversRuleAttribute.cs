namespace TriageBot.Content.Tests.Rules;

/// <summary>
/// The map from dispositions.yaml to its tests: a test marked with a rule id is that rule's named test. It must fail
/// when the rule is removed or weakened (<see cref="RuleMutationTests"/> proves it does); <see cref="RuleMapTests"/>
/// checks that every rule has one and that every id named is a rule.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
internal sealed class CoversRuleAttribute(string ruleId) : Attribute
{
    public string RuleId { get; } = ruleId;
}
