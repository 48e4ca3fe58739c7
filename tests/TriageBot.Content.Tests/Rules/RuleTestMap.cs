using System.Reflection;

namespace TriageBot.Content.Tests.Rules;

/// <summary>The rule → test map: every test method of this assembly marked <see cref="CoversRuleAttribute"/>, by rule id.</summary>
internal static class RuleTestMap
{
    public static IReadOnlyList<(string RuleId, MethodInfo Test)> Entries { get; } =
        [.. typeof(RuleTestMap).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .SelectMany(m => m.GetCustomAttributes<CoversRuleAttribute>().Select(a => (a.RuleId, Test: m)))
            .OrderBy(e => e.RuleId, StringComparer.Ordinal)];

    public static string Name(MethodInfo test) => $"{test.DeclaringType?.Name}.{test.Name}";

    public static bool IsTest(MethodInfo method) => method.GetCustomAttribute<FactAttribute>(inherit: true) is not null;
}
