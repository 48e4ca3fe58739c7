using System.Globalization;
using System.Reflection;
using TriageBot.Content.Tests.Support;
using TriageBot.Content.Yaml;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace TriageBot.Content.Tests.Rules;

/// <summary>
/// Scripted mutation of the clinical content (issue 13, item 4): every mutant of dispositions.yaml and of the red-flag
/// wiring in red-flags.yaml (<see cref="ContentMutants"/>) is written to a file, read by the real YAML reader into a
/// copy of the real content, and every test of <see cref="DispositionRuleTests"/> is run against it in-process. A
/// mutant is killed when a test fails; it must be killed by the named test of the rule it changed. The score is
/// printed; the only survivors allowed are the equivalent mutants listed here, each with its reason.
/// </summary>
public sealed class RuleMutationTests(ITestOutputHelper output) : IDisposable
{
    /// <summary>Mutants that change nothing the person is told, so no test can kill them; each says why.</summary>
    private static readonly IReadOnlyDictionary<string, string> Equivalent = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [$"{ContentFileNames.Dispositions} weakness-rapid: {ContentMutants.Delete}"] = RuleMapTests.KnownRedundant["weakness-rapid"],
        [$"{ContentFileNames.Dispositions} weakness-rapid: {ContentMutants.LowerLevel}"] = RuleMapTests.KnownRedundant["weakness-rapid"],
        [$"{ContentFileNames.Dispositions} weakness-rapid: {ContentMutants.Narrow}"] = RuleMapTests.KnownRedundant["weakness-rapid"],
    };

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "triagebot-content-mutants", Guid.NewGuid().ToString("N"));

    private static IReadOnlyList<MethodInfo> RuleTests { get; } =
        [.. typeof(DispositionRuleTests).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(RuleTestMap.IsTest)];

    [Fact]
    public void RuleTests_OnTheRealContent_AllPass_SoEveryKillBelowIsTheMutantsDoing()
    {
        var failing = Run(RealTable.Content);

        Assert.True(failing.Count == 0, $"Rule tests failing on the unchanged content: {string.Join(", ", failing.Select(m => m.Name))}");
        Assert.True(RuleTests.Count >= RealTable.Content.DispositionRules.Count, $"Only {RuleTests.Count} rule tests for {RealTable.Content.DispositionRules.Count} rules.");
    }

    [Fact]
    public void EveryMutantOfDispositionsYaml_IsKilledByItsRulesNamedTest_ExceptTheEquivalentOnes() =>
        Check(ContentMutants.OfDispositions(File.ReadAllText(Path.Combine(RepoPaths.Content, ContentFileNames.Dispositions))).ToList(), LoadDispositions, rule => rule);

    [Fact]
    public void EveryMutantOfTheRedFlagWiring_IsKilledByThatRedFlagsNamedTest() =>
        Check(ContentMutants.OfRedFlags(File.ReadAllText(RepoPaths.RedFlags)).ToList(), LoadRedFlags, redFlag => $"redflag-{redFlag}");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private void Check(List<ContentMutant> mutants, Func<ContentMutant, ContentCatalog> load, Func<string, string> ruleOf)
    {
        Assert.True(mutants.Count > 0, "No mutants were made: the mutation operators no longer recognise the file's layout.");
        var survivors = new List<string>();
        var wrongKiller = new List<string>();
        var killed = 0;
        foreach (var mutant in mutants)
        {
            var killers = Run(load(mutant));
            if (killers.Count == 0)
            {
                survivors.Add(mutant.ToString());
                continue;
            }

            killed++;
            var own = RuleTestMap.Entries.Where(e => e.RuleId == ruleOf(mutant.RuleId)).Select(e => e.Test).ToList();
            if (!killers.Intersect(own).Any())
            {
                wrongKiller.Add($"{mutant}: killed only by {string.Join(", ", killers.Select(k => k.Name))}");
            }
        }

        var file = mutants[0].File;
        Print(string.Create(CultureInfo.InvariantCulture, $"Mutation score, {file}: {killed}/{mutants.Count} killed ({100.0 * killed / mutants.Count:0.0}%), {survivors.Count} survived."));
        foreach (var group in mutants.GroupBy(m => m.Operator))
        {
            Print($"  {group.Key}: {group.Count()} mutants, {group.Count(m => !survivors.Contains(m.ToString()))} killed");
        }

        foreach (var survivor in survivors)
        {
            Print($"  survived: {survivor}: {(Equivalent.TryGetValue(survivor, out var why) ? "equivalent, " + why : "NO REASON GIVEN")}");
        }

        var expected = Equivalent.Keys.Where(k => k.StartsWith(file + " ", StringComparison.Ordinal));
        Assert.Equal(expected.Order(StringComparer.Ordinal), survivors.Order(StringComparer.Ordinal));
        Assert.True(wrongKiller.Count == 0, "Mutants not caught by their own rule's named test:\n" + string.Join("\n", wrongKiller));
    }

    /// <summary>The rule tests that fail against <paramref name="table"/> (an assertion failing; anything else is a bug here).</summary>
    private static List<MethodInfo> Run(IContentCatalog table)
    {
        var failing = new List<MethodInfo>();
        var tests = new DispositionRuleTests(table);
        foreach (var test in RuleTests)
        {
            try
            {
                test.Invoke(tests, null);
            }
            catch (TargetInvocationException e) when (e.InnerException is XunitException)
            {
                failing.Add(test);
            }
        }

        return failing;
    }

    private ContentCatalog LoadDispositions(ContentMutant mutant) =>
        new(RealTable.Content.Files with { Dispositions = YamlReader.Read<DispositionsFile>(Write(mutant), ContentFileNames.Dispositions) });

    private ContentCatalog LoadRedFlags(ContentMutant mutant) =>
        new(RealTable.Content.Files with { RedFlags = YamlReader.Read<RedFlagsFile>(Write(mutant), ContentFileNames.RedFlags) });

    private string Write(ContentMutant mutant)
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, mutant.File);
        File.WriteAllText(path, mutant.Text);
        return path;
    }

    private void Print(string text)
    {
        Console.WriteLine(text);
        output.WriteLine(text);
    }
}
