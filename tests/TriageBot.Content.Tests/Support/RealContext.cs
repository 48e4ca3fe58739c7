using TriageBot.Content.Detection;
using TriageBot.Content.Yaml;

namespace TriageBot.Content.Tests.Support;

/// <summary>The real dialogs/content/context.yaml, compiled once per test run.</summary>
internal static class RealContext
{
    private static readonly Lazy<ContextRules> Compiled = new(() =>
        ContextRules.From(YamlReader.Read<ContextFile>(RepoPaths.Context, ContentFileNames.Context), DateTime.UtcNow.Year));

    public static ContextRules Rules => Compiled.Value;
}
