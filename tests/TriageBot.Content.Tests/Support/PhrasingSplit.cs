using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace TriageBot.Content.Tests.Support;

/// <summary>
/// The red-flag phrasings written by helpers who never saw the lexicon (Phrasings/README.md): the frozen test split
/// that measures the free-text net, and the dev split it may be tuned on.
/// </summary>
internal static class PhrasingSplit
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public static string Folder => Path.Combine(RepoPaths.Root, "tests", "TriageBot.Content.Tests", "Phrasings");

    private static readonly Lazy<List<Phrasing>> TestSplit = new(() => Read("test-split.yaml"));
    private static readonly Lazy<List<Phrasing>> DevSplit = new(() => Read("dev-split.yaml"));
    private static readonly Lazy<List<Phrasing>> SecondBlindSet = new(() => Read("blind-set-2.yaml"));
    private static readonly Lazy<List<Phrasing>> ThirdBlindSet = new(() => Read("blind-set-3.yaml"));
    private static readonly Lazy<List<Phrasing>> FourthBlindSet = new(() => Read("blind-set-4.yaml"));
    private static readonly Lazy<List<Phrasing>> FifthBlindSet = new(() => Read("blind-set-5.yaml"));
    private static readonly Lazy<List<Phrasing>> Lexicon3Set = new(() => Read("lexicon3-heldback.yaml"));

    /// <summary>The frozen test split (read only when a test asks for it: tuning runs read the dev split alone).</summary>
    public static IReadOnlyList<Phrasing> Test => TestSplit.Value;

    public static IReadOnlyList<Phrasing> Dev => DevSplit.Value;

    /// <summary>
    /// The second blind set, written by new writers for the measurement after the third lexicon pass (the first test
    /// split had been looked at twice). Read only by BlindSetTests.
    /// </summary>
    public static IReadOnlyList<Phrasing> BlindSet2 => SecondBlindSet.Value;

    /// <summary>
    /// The third blind set, written by new writers for the measurement after the fourth lexicon pass (the second set
    /// had been looked at twice and was retired to tuning data). Read only by ThirdBlindSetTests.
    /// </summary>
    public static IReadOnlyList<Phrasing> BlindSet3 => ThirdBlindSet.Value;

    /// <summary>
    /// The fourth blind set, written by new writers for the measurement after the fifth lexicon pass (the third set had
    /// been looked at twice and was retired to tuning data). Read by FourthBlindSetTests; retired to tuning data for
    /// the sixth pass once it had been looked at twice.
    /// </summary>
    public static IReadOnlyList<Phrasing> BlindSet4 => FourthBlindSet.Value;

    /// <summary>
    /// The fifth blind set, written by new writers for the measurement after the sixth lexicon pass (the fourth set had
    /// been looked at twice and was retired to tuning data). Read only by FifthBlindSetTests.
    /// </summary>
    public static IReadOnlyList<Phrasing> BlindSet5 => FifthBlindSet.Value;

    /// <summary>The fourth pass's tuning part of the retired second blind set (70%, split with a fixed seed before any change).</summary>
    public static IReadOnlyList<Phrasing> BlindSet2Tuning => [.. BlindSet2.Where(p => p.Tuning == true)];

    /// <summary>The fourth pass's own check (the other 30%): measured once, at the pass's end, with no texts printed.</summary>
    public static IReadOnlyList<Phrasing> BlindSet2Check => [.. BlindSet2.Where(p => p.Tuning == false)];

    /// <summary>The lexicon third pass's own check set, written before that pass and never tuned on.</summary>
    public static IReadOnlyList<Phrasing> Lexicon3HeldBack => Lexicon3Set.Value;

    private static List<Phrasing> Read(string file)
    {
        var path = Path.Combine(Folder, file);
        using var reader = File.OpenText(path);
        return Deserializer.Deserialize<PhrasingFile>(reader).Utterances;
    }

    internal sealed class PhrasingFile
    {
        public List<Phrasing> Utterances { get; init; } = [];
    }

    /// <summary>One message: the rule it states (or none), that rule's level, the concept a negative borrows, who wrote it.</summary>
    internal sealed class Phrasing
    {
        public string Text { get; init; } = "";
        public string Expect { get; init; } = "";
        public string? Level { get; init; }
        public string? About { get; init; }
        public string Kind { get; init; } = "";
        public string Writer { get; init; } = "";

        /// <summary>Only in the retired second blind set: true for its tuning part, false for the fourth pass's check.</summary>
        public bool? Tuning { get; init; }

        public bool IsPositive => Expect != "none";
    }
}
