using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace TriageBot.Dialogs.Tests.Phrasings;

/// <summary>
/// One answer a patient might type, and what the bot must make of it (README.md here): a pain score, a duration, an
/// age or a yes / no / not sure. <see cref="Expect"/> is an integer, "range:A-B", "days:N band:B", yes, no, unsure or
/// "none" (the prompt must ask again, never guess).
/// </summary>
public sealed record TriagePhrasing(string Model, string Text, string Expect, string? Note, string? Writer)
{
    /// <summary>Where phrasing files live: this folder in the repository (not the build output, so a new file needs no build change).</summary>
    public static string Folder => Path.Combine(RepoPaths.Root, "tests", "TriageBot.Dialogs.Tests", "Phrasings");

    /// <summary>Reads a phrasing file by name from <see cref="Folder"/>; a missing, empty or malformed file fails with its path.</summary>
    public static IReadOnlyList<TriagePhrasing> Load(string fileName)
    {
        var path = Path.Combine(Folder, fileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No phrasing file {path}: put it in {Folder}.", path);
        }

        var items = new DeserializerBuilder().WithNamingConvention(LowerCaseNamingConvention.Instance).Build()
            .Deserialize<List<Item>>(File.ReadAllText(path)) ?? [];
        var phrasings = items.Select(i => new TriagePhrasing(
            i.Model ?? throw Bad(path, i, "model"), i.Text ?? throw Bad(path, i, "text"), i.Expect ?? throw Bad(path, i, "expect"), i.Note, i.Writer)).ToList();
        return phrasings.Count > 0 ? phrasings : throw new InvalidDataException($"{path} has no items.");
    }

    private static InvalidDataException Bad(string path, Item item, string field) =>
        new($"{path}: an item ({item.Model ?? "?"}) has no '{field}'.");

    private sealed class Item
    {
        public string? Model { get; set; }

        public string? Text { get; set; }

        public string? Expect { get; set; }

        public string? Note { get; set; }

        public string? Writer { get; set; }
    }
}
