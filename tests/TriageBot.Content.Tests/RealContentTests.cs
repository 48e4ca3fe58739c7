using System.Text.RegularExpressions;
using TriageBot.Content.Tests.Support;
using TriageBot.Dialogs;

namespace TriageBot.Content.Tests;

/// <summary>The real dialogs/content folder against the real ContentKeys.</summary>
public sealed partial class RealContentTests
{
    private static readonly string[] WordingFiles = [ContentFileNames.Manifest, ContentFileNames.Messages, ContentFileNames.Prompts, ContentFileNames.Education];

    private static ContentRequirements Requirements => new(ContentKeys.All, ContentKeys.Findings.All, ContentKeys.PromptChoices, ContentKeys.MessageArguments);

    [Fact]
    public void RealContent_FullValidator_ReportsNoErrors()
    {
        // Every wording file must be there: a missing one is a failure, never a silent pass.
        var missing = WordingFiles.Where(f => !File.Exists(Path.Combine(RepoPaths.Content, f))).ToList();
        Assert.True(missing.Count == 0, $"{string.Join(", ", missing)} missing from {RepoPaths.Content}");

        var errors = ContentValidator.Validate(ContentLoader.Load(RepoPaths.Content), Requirements);

        Assert.True(errors.Count == 0, $"{errors.Count} content error(s):\n" + string.Join("\n", errors));
    }

    [Fact]
    public void RealSafetyFiles_WithGeneratedWording_PassTheFullValidator()
    {
        var folder = GeneratedWording.CreateFolder();
        try
        {
            var errors = ContentValidator.Validate(ContentLoader.Load(folder), Requirements);

            Assert.True(errors.Count == 0, $"{errors.Count} content error(s):\n" + string.Join("\n", errors));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void RealRedFlagsAndDispositions_AgreeWithHazardsAndFindings()
    {
        // The files this room owns are checked even before the wording lands.
        var redFlags = ContentLoader.ReadRedFlags(RepoPaths.RedFlags);
        Assert.Equal(ContentKeys.RedFlagIds.All.Order(), redFlags.Rules.Select(r => r.Id).Order());
        Assert.All(redFlags.Rules, r => Assert.True(
            r.QuestionKeys.Count == 0 ? ContentValidator.FreeTextOnlyRedFlags.Contains(r.Id) : r.QuestionKeys.All(ContentKeys.All.Contains),
            $"rule {r.Id}: questions '{string.Join(", ", r.QuestionKeys)}'"));
        Assert.All(redFlags.Rules, r => Assert.Contains($"advice.redflag.{r.Id}", ContentKeys.All));
        Assert.All(redFlags.Rules, r => Assert.Equal($"prompt.check.{r.Id}", r.CheckKey));
    }

    [Fact]
    public void ContentKeys_All_IsExactlyTheReadmeKeyList()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Content, "README.md"));
        var section = readme[readme.IndexOf("## Keys the code uses", StringComparison.Ordinal)..];
        var ids = ContentKeys.RedFlagIds.All;
        var documented = Backticked().Matches(section).Select(m => m.Groups[1].Value)
            .Where(k => k.Contains('.', StringComparison.Ordinal) || k is "safety-net" or "not-understood")
            .Where(k => !k.StartsWith('{'))
            .SelectMany(k => k.Contains("{id}", StringComparison.Ordinal) ? Expand(k, ids) : [k])
            .Where(k => !k.Contains('{', StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(documented.Order(StringComparer.Ordinal), ContentKeys.All.Order(StringComparer.Ordinal));
    }

    // advice.redflag.{id} and prompt.check.{id} exist for every red flag (the screen questions are listed by name).
    private static IEnumerable<string> Expand(string template, IEnumerable<string> ids) =>
        ids.Select(id => template.Replace("{id}", id, StringComparison.Ordinal));

    [Fact]
    public void ContentKeys_PromptChoices_CoverEveryPromptKey() =>
        Assert.Equal(
            ContentKeys.All.Where(k => k.StartsWith("prompt.", StringComparison.Ordinal)).Order(StringComparer.Ordinal),
            ContentKeys.PromptChoices.Keys.Order(StringComparer.Ordinal));

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Backticked();
}
