using TriageBot.Content;
using TriageBot.Content.Model;
using TriageBot.Dialogs.Flow;

namespace TriageBot.Dialogs.Tests.AnswerSets;

/// <summary>
/// The clinical content as production loads it (read, then validated against what the code asks of it), and what
/// the property tests derive from it instead of hard-coding lists: which findings are an emergency on their own,
/// and which advice speaks for each hazard.
/// </summary>
internal sealed class ClinicalTable
{
    private static readonly Lazy<ClinicalTable> RealTable = new(() => Load(RepoPaths.Content));

    private ClinicalTable(ContentCatalog content)
    {
        Content = content;
        DeclaredEmergencies = content.RedFlags
            .Where(r => r.Level == DispositionLevel.Emergency)
            .Select(r => ContentKeys.Findings.RedFlag(r.Id))
            .ToHashSet(StringComparer.Ordinal);
        EmergencyFindings = DeclaredEmergencies
            .Concat(content.Prompt(ContentKeys.Prompt.Numbness.Where, null).Choices.Where(c => NumbnessPlacesDialog.IsEmergency(c.Id)).Select(c => ContentKeys.Findings.NumbnessWhere(c.Id)))
            .Concat(content.DispositionRules.Where(r => r.Level == DispositionLevel.Emergency && r.When.Count == 1).Select(r => r.When[0]))
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>dialogs/content, loaded once for all the property tests.</summary>
    public static ClinicalTable Real => RealTable.Value;

    public ContentCatalog Content { get; }

    /// <summary>The findings red-flags.yaml declares emergencies (<c>redflag.{id}</c> of each emergency-level rule).</summary>
    public IReadOnlySet<string> DeclaredEmergencies { get; }

    /// <summary>
    /// Findings that are an emergency on their own: those red-flags.yaml declares, the numbness places the flow stops at
    /// as emergencies (<see cref="NumbnessPlacesDialog.IsEmergency"/>: the saddle area), and each finding an emergency
    /// rule of dispositions.yaml names alone (getting worse quickly, a stroke, meningitis or sepsis signs, ...).
    /// </summary>
    public IReadOnlySet<string> EmergencyFindings { get; }

    /// <summary>Reads and validates a content folder the way the host does at startup; invalid content fails the test.</summary>
    public static ClinicalTable Load(string directory)
    {
        var content = ContentLoader.Load(directory);
        var errors = ContentValidator.Validate(
            content, new ContentRequirements(ContentKeys.All, ContentKeys.Findings.All, ContentKeys.PromptChoices, ContentKeys.MessageArguments));
        return errors.Count == 0
            ? new ClinicalTable(content)
            : throw new InvalidOperationException($"The content in {directory} is invalid:\n" + string.Join("\n", errors));
    }

    /// <summary>The advice keys that speak for <paramref name="hazard"/>: every disposition rule's and red flag's advice for it.</summary>
    public IReadOnlyList<string> AdviceFor(string hazard) =>
    [
        .. Content.DispositionRules.Where(r => r.Hazard == hazard && r.Advice is not null).Select(r => r.Advice!)
            .Concat(Content.RedFlags.Where(r => r.Hazard == hazard).Select(r => r.AdviceKey))
            .Distinct(StringComparer.Ordinal),
    ];

    /// <summary>Every finding the code can record (ContentKeys) and the table can name.</summary>
    public IReadOnlyList<string> AllFindings() =>
    [
        .. ContentKeys.Findings.All
            .Concat(Content.DispositionRules.SelectMany(r => r.When))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal),
    ];
}
