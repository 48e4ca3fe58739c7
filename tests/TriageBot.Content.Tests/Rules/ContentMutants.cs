using System.Text.RegularExpressions;

namespace TriageBot.Content.Tests.Rules;

/// <summary>One systematic change to a clinical content file: which file, which rule, how, and the changed text.</summary>
internal sealed record ContentMutant(string File, string RuleId, string Operator, string Text)
{
    public override string ToString() => $"{File} {RuleId}: {Operator}";
}

/// <summary>
/// Systematic mutants of the clinical content, made on the text as written (then read by the real YAML reader):
/// dispositions.yaml, each rule deleted, its level lowered by one, narrowed by one more finding (that its test does not give), its advice
/// replaced by the level's general advice; red-flags.yaml, each red flag's level lowered, its advice replaced by the
/// general advice, its hazard replaced by another. An operator that finds nothing to change throws: a mutant that
/// silently equals the original would count as a survivor for no reason, or hide one.
/// </summary>
internal static partial class ContentMutants
{
    public const string Delete = "delete the rule";
    public const string LowerLevel = "lower its level by one";
    public const string Narrow = "narrow it with a finding its test does not give";
    public const string OtherAdvice = "give the level's general advice instead";
    public const string OtherHazard = "name another hazard";

    /// <summary>
    /// A finding the dialogs do record (so startup validation accepts the narrowed rule; a finding nobody records would
    /// be refused there) that no rule's test gives: pregnancy has no level of its own.
    /// </summary>
    public const string NarrowingFinding = "pregnancy.yes";
    public const string OtherHazardId = "HAZ-FALSE-ALARM";

    private static readonly Dictionary<string, string> Lower = new(StringComparer.Ordinal)
    {
        ["emergency"] = "urgent",
        ["urgent"] = "routine",
        ["routine"] = "self-care",
    };

    public static IEnumerable<ContentMutant> OfDispositions(string yaml)
    {
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (DispositionRule().Match(lines[i]) is not { Success: true } rule)
            {
                continue;
            }

            var id = rule.Groups["id"].Value;
            var level = Level().Match(lines[i]).Groups[1].Value;
            ContentMutant Mutant(string op, string? line) =>
                new(ContentFileNames.Dispositions, id, op, string.Join('\n', line is null ? lines.Where((_, j) => j != i) : lines.Select((l, j) => j == i ? line : l)));

            yield return Mutant(Delete, null);
            if (Lower.TryGetValue(level, out var lower))
            {
                yield return Mutant(LowerLevel, ReplaceOnce(lines[i], Level(), $"level: {lower}", id));
            }

            yield return Mutant(Narrow, ReplaceOnce(lines[i], When(), $"when: [ {NarrowingFinding}, ", id));
            if (Advice().IsMatch(lines[i]))
            {
                yield return Mutant(OtherAdvice, ReplaceOnce(lines[i], Advice(), $"advice: advice.{level}", id));
            }
        }
    }

    public static IEnumerable<ContentMutant> OfRedFlags(string yaml)
    {
        var lines = yaml.Split('\n');
        var starts = lines.Select((l, i) => (Match: RedFlagRule().Match(l), Index: i)).Where(x => x.Match.Success).ToList();
        for (var r = 0; r < starts.Count; r++)
        {
            var id = starts[r].Match.Groups["id"].Value;
            var (from, to) = (starts[r].Index, r + 1 < starts.Count ? starts[r + 1].Index : lines.Length);
            int Field(string name) =>
                Enumerable.Range(from, to - from).FirstOrDefault(j => lines[j].StartsWith($"    {name}: ", StringComparison.Ordinal), -1) is var j and >= 0
                    ? j
                    : throw new InvalidOperationException($"red-flags.yaml rule '{id}' has no '{name}:' line to mutate.");
            ContentMutant Mutant(string op, string field, string value)
            {
                var at = Field(field);
                return new(ContentFileNames.RedFlags, id, op, string.Join('\n', lines.Select((l, j) => j == at ? $"    {field}: {value}" : l)));
            }

            var level = lines[Field("level")]["    level: ".Length..].Trim();
            if (Lower.TryGetValue(level, out var lower))
            {
                yield return Mutant(LowerLevel, "level", lower);
            }

            yield return Mutant(OtherAdvice, "advice", $"advice.{level}");
            yield return Mutant(OtherHazard, "hazard", OtherHazardId);
        }
    }

    private static string ReplaceOnce(string line, Regex pattern, string replacement, string id) =>
        pattern.Count(line) == 1
            ? pattern.Replace(line, replacement, 1)
            : throw new InvalidOperationException($"dispositions.yaml rule '{id}': expected one '{pattern}' in: {line}");

    [GeneratedRegex(@"^  - \{ id: (?<id>[a-z0-9-]+),")]
    private static partial Regex DispositionRule();

    [GeneratedRegex(@"level: ([a-z-]+)")]
    private static partial Regex Level();

    [GeneratedRegex(@"when: \[ ")]
    private static partial Regex When();

    [GeneratedRegex(@"advice: [a-z0-9.-]+")]
    private static partial Regex Advice();

    [GeneratedRegex(@"^  - id: (?<id>[a-z0-9-]+)\s*$")]
    private static partial Regex RedFlagRule();
}
