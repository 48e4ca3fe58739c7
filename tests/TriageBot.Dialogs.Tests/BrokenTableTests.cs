using CsCheck;
using TriageBot.Dialogs.Tests.AnswerSets;
using Xunit.Abstractions;

namespace TriageBot.Dialogs.Tests;

/// <summary>
/// The property tests can fail, and say why readably: a copy of the real content with one clinical mistake that the
/// content validator lets through (numbness in the saddle area downgraded from emergency to urgent in dispositions.yaml) fails the
/// emergency-group property, with the smallest failing answer set printed as the conversation it stands for.
/// </summary>
public sealed class BrokenTableTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _copy = Path.Combine(Path.GetTempPath(), "triagebot-broken-table-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void SaddleNumbnessDowngradedToUrgent_FailsTheEmergencyGroupProperty_WithTheShrunkAnswersAsQuestionAndAnswerLines()
    {
        var table = ClinicalTable.Load(CopyOfContentWith("{ id: numbness-saddle, when: [ numbness.where.saddle ], level: emergency", "{ id: numbness-saddle, when: [ numbness.where.saddle ], level: urgent"));

        var failure = Assert.Throws<CsCheckException>(() => DispositionTablePropertyTests.EmergencyGroupsGiveEmergencies(table));

        output.WriteLine(failure.Message);
        var lines = failure.Message.Split('\n');
        // The shrunk set names the saddle area as the first place, or as another place ("anywhere else?"); en-GB or en-US.
        var saddle = new[] { ContentKeys.Prompt.Numbness.Where, ContentKeys.Prompt.Numbness.WhereMore }
            .SelectMany(k => new[] { "en-GB", "en-US" }.Select(l => table.Content.Prompt(k, l).Choices.Single(c => c.Id == "saddle").Title))
            .ToList();
        Assert.Contains(lines, l => saddle.Any(title => l.EndsWith("→ " + title, StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.StartsWith("  = urgent; reasons: [", StringComparison.Ordinal) && l.Contains("HAZ-CES", StringComparison.Ordinal));
        Assert.Contains("numbness.where.saddle found, but the table gives urgent", failure.InnerException!.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_copy))
        {
            Directory.Delete(_copy, recursive: true);
        }
    }

    private string CopyOfContentWith(string rule, string broken)
    {
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Content, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_copy, Path.GetRelativePath(RepoPaths.Content, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var dispositions = Path.Combine(_copy, "dispositions.yaml");
        var text = File.ReadAllText(dispositions);
        Assert.Contains(rule, text, StringComparison.Ordinal);
        File.WriteAllText(dispositions, text.Replace(rule, broken, StringComparison.Ordinal));
        return _copy;
    }
}
