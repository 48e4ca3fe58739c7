using System.Globalization;
using System.Text;
using TriageBot.Content.Model;
using TriageBot.Content.Tests.Support;
using Xunit.Abstractions;
using static TriageBot.Content.Tests.Support.PhrasingSplit;

namespace TriageBot.Content.Tests;

/// <summary>
/// Reports, not gates: the free-text net on phrasings that may be looked at, with each message it misses, asks about
/// or raises wrongly. The old test split was retired to tuning data when a fresh blind set replaced it; the lexicon
/// third pass's own held-back set is read only to check that pass at its end (Phrasings/README.md).
/// </summary>
public sealed class TuningSetTests(ITestOutputHelper output)
{
    private static readonly Lazy<RedFlagTable> Table = new(() => ContentLoader.ReadRedFlags(RepoPaths.RedFlags));

    [Fact]
    public void RetiredTestSplit_Measured() => Print("Retired test split (tuning data)", Test);

    [Fact]
    public void Lexicon3HeldBack_Measured() => Print("Lexicon third pass held-back set", Lexicon3HeldBack);

    [Fact]
    public void Lexicon3HeldBack_HasPositivesForEveryRuleAndTrickyNegatives()
    {
        var rules = Table.Value.Rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        Assert.Subset(Lexicon3HeldBack.Where(p => p.IsPositive).Select(p => p.Expect).ToHashSet(StringComparer.Ordinal), rules);
        Assert.True(Lexicon3HeldBack.Count(p => !p.IsPositive) >= 40, $"{Lexicon3HeldBack.Count(p => !p.IsPositive)} negatives");
    }

    private void Print(string title, IReadOnlyList<Phrasing> set)
    {
        var report = Report(title, set);
        Console.WriteLine(report);
        output.WriteLine(report);
    }

    private static string Report(string title, IReadOnlyList<Phrasing> set)
    {
        var c = CultureInfo.InvariantCulture;
        var rows = set.Select(p => (Phrasing: p, Reading: Table.Value.Detector.Read(p.Text))).ToList();
        var text = new StringBuilder();
        text.AppendLine(c, $"{title}: {set.Count(p => p.IsPositive)} positives, {set.Count(p => !p.IsPositive)} tricky negatives.");
        text.AppendLine(c, $"{"rule",-20} {"n",4} {"raised",7} {"asked",6} | {"neg n",6} {"alarms",7} {"asked",6}");
        foreach (var rule in Table.Value.Rules.OrderBy(r => r.Level).ThenBy(r => r.Id, StringComparer.Ordinal))
        {
            var positives = rows.Where(r => r.Phrasing.Expect == rule.Id).ToList();
            var negatives = rows.Where(r => r.Phrasing.About == rule.Id).ToList();
            var raised = positives.Count(r => Raised(r.Phrasing, r.Reading));
            var asked = positives.Count(r => !Raised(r.Phrasing, r.Reading) && r.Reading.Mentions.Count > 0);
            var ruleAlarms = negatives.Count(r => IsAlarm(r.Reading));
            var negAsked = negatives.Count(r => !IsAlarm(r.Reading) && r.Reading.Mentions.Count > 0);
            text.AppendLine(c, $"{rule.Id,-20} {positives.Count,4} {raised,7} {asked,6} | {negatives.Count,6} {ruleAlarms,7} {negAsked,6}");
        }

        foreach (var level in new[] { "emergency", "urgent" })
        {
            var positives = rows.Where(r => r.Phrasing.Level == level).ToList();
            var raised = positives.Count(r => Raised(r.Phrasing, r.Reading));
            var asked = positives.Count(r => Raised(r.Phrasing, r.Reading) || r.Reading.Mentions.Count > 0);
            text.AppendLine(c, $"{level}: raised at once {raised}/{positives.Count} ({Percent(raised, positives.Count)}), raised or asked {asked}/{positives.Count} ({Percent(asked, positives.Count)})");
        }

        var negativesAll = rows.Where(r => !r.Phrasing.IsPositive).ToList();
        var alarms = negativesAll.Count(r => IsAlarm(r.Reading));
        var byKind = string.Join(", ", negativesAll.GroupBy(r => r.Phrasing.Kind).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} {g.Count(r => IsAlarm(r.Reading))}/{g.Count()}"));
        text.AppendLine(c, $"false alarms {alarms}/{negativesAll.Count} ({Percent(alarms, negativesAll.Count)}); by kind: {byKind}");
        foreach (var (phrasing, reading) in rows.Where(r => r.Phrasing.IsPositive && !Raised(r.Phrasing, r.Reading)))
        {
            var outcome = reading.Mentions.Count > 0 ? "ASKED" : "MISSED";
            text.AppendLine(c, $"  {outcome} {phrasing.Expect} [{Rules(reading)}]: \"{phrasing.Text}\"");
        }

        foreach (var (phrasing, reading) in negativesAll.Where(r => IsAlarm(r.Reading)))
        {
            text.AppendLine(c, $"  ALARM {phrasing.Kind} [{Rules(reading)}]: \"{phrasing.Text}\"");
        }

        return text.ToString();
    }

    private static string Rules(FreeTextReading reading) =>
        string.Join(",", reading.Present.Select(h => h.RuleId).Concat(reading.Mentions.Select(m => $"?{m.RuleId}/{m.Reason}")));

    private static bool Raised(Phrasing phrasing, FreeTextReading reading) =>
        reading.Present.Any(h => h.Level <= (phrasing.Level == "emergency" ? DispositionLevel.Emergency : DispositionLevel.Urgent));

    private static bool IsAlarm(FreeTextReading reading) => reading.Present.Any(h => h.Level <= DispositionLevel.Urgent);

    private static string Percent(int part, int whole) =>
        whole == 0 ? "n/a" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
