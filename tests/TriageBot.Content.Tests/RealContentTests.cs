using System.Text.RegularExpressions;
using TriageBot.Content.Tests.Support;
using TriageBot.Dialogs;

namespace TriageBot.Content.Tests;

/// <summary>The real dialogs/content folder against the real ContentKeys.</summary>
public sealed partial class RealContentTests
{
    private static readonly string[] WordingFiles = [ContentFileNames.Manifest, ContentFileNames.Messages, ContentFileNames.Prompts, ContentFileNames.Education, ContentFileNames.Sources];

    private static readonly Lazy<ContentCatalog> Real = new(() => ContentLoader.Load(RepoPaths.Content));

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

    [Theory]
    [InlineData("en-GB")]
    [InlineData("en-US")]
    public void RealSafetyNet_IsTwoListsCallNowAndCallToday_EachBulletAtGradeEightOrLower(string locale)
    {
        var settings = Real.Value.Locale(locale);
        var text = Real.Value.Text("safety-net", locale);
        var lines = text.Split('\n');

        var callNow = Array.FindIndex(lines, l => l.StartsWith($"Call {settings.EmergencyNumber} now", StringComparison.Ordinal));
        var callToday = Array.FindIndex(lines, l => l.StartsWith($"Call {settings.UrgentService} today", StringComparison.Ordinal));
        Assert.True(callNow >= 0 && callToday > callNow, $"expected a 'Call {settings.EmergencyNumber} now' list, then a 'Call {settings.UrgentService} today' list:\n{text}");
        var emergency = lines[callNow..callToday].Where(l => l.StartsWith("- ", StringComparison.Ordinal)).ToList();
        var urgent = lines[callToday..].Where(l => l.StartsWith("- ", StringComparison.Ordinal)).ToList();
        Assert.True(emergency.Count >= 10, $"{emergency.Count} emergency bullets");
        Assert.True(urgent.Count >= 10, $"{urgent.Count} urgent bullets");
        Assert.All(emergency.Concat(urgent), bullet => Assert.True(
            Readability.FleschKincaidGrade(bullet[2..]) <= ContentValidator.MaxReadingGrade, $"grade {Readability.FleschKincaidGrade(bullet[2..]):0.0}: {bullet}"));
    }

    [Theory]
    // The whole screen of the issue 9 catalogue, one phrase per group, in each list.
    [InlineData("now", "peeing", "bowels", "genitals", "sex", "both legs", "foot that suddenly drags", "legs that give way", "chest pain", "aneurysm", "neck", "seeing double", "weak immune system", "cancer treatment", "serious injury")]
    [InlineData("today", "high temperature", "weakness in an arm or leg", "had cancer", "weak immune system", "pulsing", "weight loss", "at night", "upper or middle back", "clumsy", "unsteady", "wound", "headache", "over 70", "steroid tablets", "keeps getting worse")]
    public void RealSafetyNet_CoversTheWholeScreen(string list, params string[] phrases)
    {
        var text = Real.Value.Text("safety-net", "en-GB");
        var today = text.IndexOf("today if", StringComparison.Ordinal);
        var part = list == "now" ? text[..today] : text[today..];

        Assert.All(phrases, phrase => Assert.Contains(phrase, part, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("en-GB", "Paracetamol on its own does not help")]
    [InlineData("en-US", "Acetaminophen (Tylenol) on its own does not seem to help")]
    public void RealMedicineAdvice_NsaidLowestDoseShortestTime_WithCautions_NeverParacetamolAlone(string locale, string notAlone)
    {
        var painkillers = Real.Value.Text("medicine.painkillers", locale);
        var pregnancy = Real.Value.Text("medicine.pregnancy", locale);

        Assert.Contains("ibuprofen", painkillers, StringComparison.Ordinal);
        Assert.Contains("lowest dose that works, for the shortest time", painkillers, StringComparison.Ordinal);
        Assert.All(["pharmacist", "pregnant", "over 65", "blood thinner", "stomach ulcer", "asthma", "kidney", "heart"], c => Assert.Contains(c, painkillers, StringComparison.Ordinal));
        Assert.Contains(notAlone, painkillers, StringComparison.Ordinal);
        Assert.Contains("don't take ibuprofen or other NSAID", pregnancy, StringComparison.Ordinal);
        Assert.Contains("20 weeks", pregnancy, StringComparison.Ordinal);
        foreach (var key in new[] { "advice.self-care", "advice.routine" })
        {
            var advice = Real.Value.Text(key, locale);
            Assert.DoesNotContain("paracetamol", advice, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("acetaminophen", advice, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("Keep moving", advice, StringComparison.Ordinal);
            Assert.Contains("Bed rest does not help", advice, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("en-GB")]
    [InlineData("en-US")]
    public void RealEducation_NamesTreatmentsForWhatTheyAre_NoRestNoBoneAlignmentNoAvoidList(string locale)
    {
        var topics = Real.Value.Education(locale);
        var all = string.Join("\n", topics.Select(t => t.Text));

        Assert.DoesNotContain("line up", all, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("avoid", all, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("if rest", all, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Resting in bed does not help", all, StringComparison.Ordinal);
        Assert.Contains("Those machines are a type of traction", topics.Single(t => t.Id == "education.decompression.what-it-is").Text, StringComparison.Ordinal);
        Assert.Contains("It does not put bones back in place", topics.Single(t => t.Id == "education.treatment.hands-on").Text, StringComparison.Ordinal);
        var risks = topics.Single(t => t.Id == "education.surgery.risks").Text;
        Assert.All(["infection", "blood clots", "nerve damage", "leak spinal fluid", "another operation", "still have symptoms"], r => Assert.Contains(r, risks, StringComparison.Ordinal));
        var fusion = topics.Single(t => t.Id == "education.surgery.fusion").Text;
        Assert.Contains(locale == "en-GB" ? "except in a research trial" : "studies have not shown fusion to work better", fusion, StringComparison.Ordinal);
        Assert.All(topics, t => Assert.NotEmpty(t.Source.Citations));
    }

    [Fact]
    public void RealEducation_UsLocale_StatesTheEvidenceWithoutNice()
    {
        var us = Real.Value.Education("en-US");

        Assert.All(us, t => Assert.DoesNotContain("NICE", t.Text, StringComparison.Ordinal));
        Assert.Contains("Studies have found little or no benefit for back pain or sciatica", us.Single(t => t.Id == "education.treatment.traction-tens").Text, StringComparison.Ordinal);
        Assert.Contains("Studies show at most a small benefit", us.Single(t => t.Id == "education.treatment.acupuncture").Text, StringComparison.Ordinal);
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Backticked();
}
