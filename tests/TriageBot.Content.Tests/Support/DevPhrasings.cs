using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace TriageBot.Content.Tests.Support;

/// <summary>
/// The dev split of the blind red-flag phrasings (Phrasings/dev-split.yaml): the only part the lexicon may be tuned
/// on. Reads nothing else, so the frozen test split stays unseen while tuning.
/// </summary>
internal static class DevPhrasings
{
    public static IReadOnlyList<DevPhrasing> All { get; } = Read();

    private static List<DevPhrasing> Read()
    {
        var path = Path.Combine(RepoPaths.Root, "tests", "TriageBot.Content.Tests", "Phrasings", "dev-split.yaml");
        using var reader = File.OpenText(path);
        return new DeserializerBuilder()
            .WithNamingConvention(CamelCaseNamingConvention.Instance)
            .Build()
            .Deserialize<DevFile>(reader).Utterances;
    }

    internal sealed class DevFile
    {
        public List<DevPhrasing> Utterances { get; init; } = [];
    }

    /// <summary>One message: the rule it states (or none) at that rule's level, or the concept a negative borrows.</summary>
    internal sealed class DevPhrasing
    {
        public string Text { get; init; } = "";
        public string Expect { get; init; } = "";
        public string? Level { get; init; }
        public string? About { get; init; }
        public string Kind { get; init; } = "";
        public string Writer { get; init; } = "";

        public bool IsPositive => Expect != "none";
    }
}
