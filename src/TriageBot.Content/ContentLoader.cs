using TriageBot.Content.Yaml;

namespace TriageBot.Content;

/// <summary>Reads dialogs/content into a <see cref="ContentCatalog"/>. Reading is strict; checking is <see cref="ContentValidator"/>'s job.</summary>
public static class ContentLoader
{
    /// <summary>Reads every content file in <paramref name="contentDirectory"/>.</summary>
    /// <exception cref="ContentLoadException">
    /// A file is missing or malformed. <see cref="ContentLoadException.Errors"/> lists every such file, each with its line.
    /// </exception>
    public static ContentCatalog Load(string contentDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentDirectory);
        var directory = Path.GetFullPath(contentDirectory);
        var errors = new List<string>();

        T Read<T>(string name)
            where T : class, new()
        {
            try
            {
                return YamlReader.Read<T>(Path.Combine(directory, name), name);
            }
            catch (ContentLoadException e)
            {
                errors.AddRange(e.Errors);
                return new T();
            }
        }

        var manifest = Read<ManifestFile>(ContentFileNames.Manifest);
        var messages = Read<MessagesFile>(ContentFileNames.Messages);
        var prompts = Read<PromptsFile>(ContentFileNames.Prompts);
        var education = Read<EducationFile>(ContentFileNames.Education);
        var redFlags = Read<RedFlagsFile>(ContentFileNames.RedFlags);
        var dispositions = Read<DispositionsFile>(ContentFileNames.Dispositions);
        var hazards = Read<HazardLogFile>(ContentFileNames.HazardLog);
        var sources = Read<SourcesFile>(ContentFileNames.Sources);
        var context = Read<ContextFile>(ContentFileNames.Context);

        // The golden set is optional for reading; the validator reports it missing.
        var goldenPath = Path.Combine(directory, ContentFileNames.Golden);
        var golden = File.Exists(goldenPath) ? Read<GoldenFile>(ContentFileNames.Golden) : new GoldenFile();

        if (errors.Count > 0)
        {
            throw new ContentLoadException(errors);
        }

        return new ContentCatalog(new ContentFiles(manifest, messages, prompts, education, redFlags, dispositions, hazards, sources, golden, goldenPath, context));
    }

    /// <summary>Reads red-flags.yaml and the context.yaml beside it (the golden-set gate needs nothing else).</summary>
    internal static RedFlagTable ReadRedFlags(string path) =>
        new(
            YamlReader.Read<RedFlagsFile>(path, ContentFileNames.RedFlags).RedFlags ?? [],
            YamlReader.Read<ContextFile>(Path.Combine(Path.GetDirectoryName(path) ?? ".", ContentFileNames.Context), ContentFileNames.Context));

    /// <summary>Reads hazard-log.yaml alone (the check that its tests exist needs nothing else).</summary>
    internal static IReadOnlyList<HazardYaml> ReadHazardLog(string path) =>
        YamlReader.Read<HazardLogFile>(path, ContentFileNames.HazardLog).Hazards ?? [];

    internal static IReadOnlyList<GoldenUtterance> ReadGolden(string path) =>
        YamlReader.Read<GoldenFile>(path, ContentFileNames.Golden).Utterances ?? [];
}

/// <summary>Every content file as read, before checking.</summary>
internal sealed record ContentFiles(
    ManifestFile Manifest,
    MessagesFile Messages,
    PromptsFile Prompts,
    EducationFile Education,
    RedFlagsFile RedFlags,
    DispositionsFile Dispositions,
    HazardLogFile Hazards,
    SourcesFile Sources,
    GoldenFile Golden,
    string GoldenPath,
    ContextFile Context);
