using TriageBot.Content.Tests.Support;

namespace TriageBot.Content.Tests.Rules;

/// <summary>The real dialogs/content, read once by the real loader: the table the rule tests specify and the mutants copy.</summary>
internal static class RealTable
{
    private static readonly Lazy<ContentCatalog> Loaded = new(() => ContentLoader.Load(RepoPaths.Content));

    public static ContentCatalog Content => Loaded.Value;
}
