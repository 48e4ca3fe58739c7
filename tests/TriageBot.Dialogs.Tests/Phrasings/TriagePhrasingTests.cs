using Xunit.Abstractions;

namespace TriageBot.Dialogs.Tests.Phrasings;

/// <summary>
/// Issue 11: the triage phrasing suite. Real patients' ways of giving a pain score, a duration, an age and a yes / no /
/// not sure, written by writers who never saw the code, read through the bot's real prompts, with per-model figures
/// (README.md here). <see cref="MeasureAsync"/> takes any phrasing file by name, so a held-out set needs only a test
/// that names its file and asserts its own floors.
/// </summary>
public sealed class TriagePhrasingTests(ITestOutputHelper output)
{
    /// <summary>Reads every phrasing in <paramref name="fileName"/> (in Phrasings/) and prints the per-model figures.</summary>
    /// <param name="listTexts">List each miss with its text: only for a set that may be tuned on.</param>
    internal async Task<TriagePhrasingReport> MeasureAsync(string fileName, bool listTexts)
    {
        var report = await TriagePhrasingReport.MeasureAsync(fileName, TriagePhrasing.Load(fileName), listTexts);
        Console.WriteLine(report.Text);
        output.WriteLine(report.Text);
        return report;
    }

    /// <summary>
    /// The tuning set: no yes or not sure read as no beyond the one known, and overall at least 85%, a guard set after tuning
    /// reached 88.3% (README.md here), so it is not evidence of how unseen phrasings fare: the held-out set is.
    /// </summary>
    [Fact]
    public async Task DevSet_EveryModelReadThroughItsPrompt_MeetsTheTargets()
    {
        var report = await MeasureAsync("dev-set.yaml", listTexts: true);

        Assert.All(TriagePhrasingReport.ModelNames, m => Assert.True(report[m].Count >= 10, $"{m}: {report[m].Count} phrasings"));
        // One known: "no fever but i been getting chills at night" answers the question no; the red-flag free-text
        // net, not the choice, is what reads the chills (MentionThenAskTests). Any other is a regression.
        Assert.True(report["yesno"].Unsafe <= 1, $"{report["yesno"].Unsafe} yes or not-sure answers read as no\n{report.Text}");
        Assert.True(report.Overall >= 0.85, $"overall {report.Overall:P1}; the guard is 85%\n{report.Text}");
    }

    /// <summary>
    /// The held-out set: measured, not tuned on, and not gated. Issue 11 sets no floor for phrasings, and a floor
    /// chosen after seeing this set's figures would be a snapshot, so the figures are reported (README.md here) and
    /// the test fails only when the set itself is broken (a model missing, an item that does not load).
    /// </summary>
    [Fact]
    public async Task HeldOutSet_EveryModelReadThroughItsPrompt_FiguresReported()
    {
        var report = await MeasureAsync("held-out-set.yaml", listTexts: false);

        Assert.All(TriagePhrasingReport.ModelNames, m => Assert.True(report[m].Count >= 25, $"{m}: {report[m].Count} phrasings"));
    }
}
