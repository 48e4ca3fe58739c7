using YamlDotNet.RepresentationModel;

namespace TriageBot.Host.Tests.Deployment;

/// <summary>The files under <c>deployment/</c>, read from the repository this test was built from.</summary>
internal static class DeploymentFiles
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string PathOf(params string[] parts) => Path.Combine([RepositoryRoot, "deployment", .. parts]);

    /// <summary>Every YAML document in the file (a Kubernetes file may hold several).</summary>
    public static IReadOnlyList<YamlMappingNode> Yaml(params string[] parts)
    {
        using var reader = new StreamReader(PathOf(parts));
        var stream = new YamlStream();
        stream.Load(reader);
        return [.. stream.Documents.Select(d => (YamlMappingNode)d.RootNode)];
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "TriageBot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No TriageBot.sln above {AppContext.BaseDirectory}: the deployment tests read the repository's files.");
    }
}

/// <summary>Reading YAML without ceremony: a missing key fails the test with the path that was expected.</summary>
internal static class YamlNavigation
{
    public static YamlNode At(this YamlNode node, string key) =>
        node.Find(key) ?? throw new Xunit.Sdk.XunitException($"YAML has no '{key}' at {node.Start}.");

    public static YamlNode? Find(this YamlNode node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    public static string Text(this YamlNode node) =>
        node is YamlScalarNode { Value: { } value } ? value : throw new Xunit.Sdk.XunitException($"YAML at {node.Start} is not a scalar.");

    public static IEnumerable<YamlNode> Items(this YamlNode node) =>
        node is YamlSequenceNode list ? list.Children : throw new Xunit.Sdk.XunitException($"YAML at {node.Start} is not a list.");

    public static IEnumerable<KeyValuePair<string, YamlNode>> Entries(this YamlNode node) =>
        node is YamlMappingNode map
            ? map.Children.Select(c => KeyValuePair.Create(c.Key.Text(), c.Value))
            : throw new Xunit.Sdk.XunitException($"YAML at {node.Start} is not a mapping.");

    /// <summary>The document of that kind (and name, when several share a kind).</summary>
    public static YamlMappingNode OfKind(this IEnumerable<YamlMappingNode> documents, string kind) =>
        documents.Single(d => d.Find("kind")?.Text() == kind);
}
