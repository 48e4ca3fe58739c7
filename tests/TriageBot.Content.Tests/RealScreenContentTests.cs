using TriageBot.Content.Model;
using TriageBot.Content.Tests.Support;

namespace TriageBot.Content.Tests;

/// <summary>
/// The real dialogs/content after the clinical review of the issue 9 catalogue: what each red flag asks, how
/// combinations of findings are graded, and the reading level of every screen, check and red-flag advice text.
/// </summary>
public sealed class RealScreenContentTests
{
    private const double MaxGrade = 8.0;

    private static readonly ContentCatalog Catalog = ContentLoader.Load(RepoPaths.Content);

    // One topic per question; the rule's own question first, where the screen order matters.
    [Theory]
    [InlineData("ces", "prompt.redflag.ces-bladder,prompt.redflag.ces-bowel,prompt.redflag.ces-saddle,prompt.redflag.ces-sex,prompt.redflag.ces-legs")]
    [InlineData("chest-pain", "prompt.redflag.chest-pain,prompt.redflag.breathless")]
    [InlineData("aaa", "prompt.redflag.sudden-severe,prompt.redflag.aaa")]
    [InlineData("neck-vascular", "prompt.redflag.stroke,prompt.redflag.neck-vascular")]
    [InlineData("immune", "prompt.redflag.immune,prompt.redflag.inject-drugs")]
    [InlineData("myelopathy", "prompt.redflag.myelopathy,prompt.redflag.myelopathy-walking")]
    public void RedFlag_AsksEachTopicAsItsOwnQuestion(string rule, string questions) =>
        Assert.Equal(questions.Split(','), Catalog.RedFlags.Single(r => r.Id == rule).QuestionKeys);

    [Theory]
    // Known cancer with pain spreading into a limb: metastatic cord compression (NICE NG234).
    [InlineData("redflag.cancer,pain.spread.one-leg", DispositionLevel.Emergency, "HAZ-MSCC", "advice.combo.mscc")]
    [InlineData("redflag.cancer,pain.spread.both-legs,duration.over-12-weeks", DispositionLevel.Emergency, "HAZ-MSCC", "advice.combo.mscc")]
    [InlineData("redflag.cancer,pain.spread.arm", DispositionLevel.Emergency, "HAZ-MSCC", "advice.combo.mscc")]
    // After recent spinal surgery or injection: new weakness is an emergency; a fever gets the post-op advice today.
    [InlineData("procedure.recent,redflag.weakness", DispositionLevel.Emergency, "HAZ-POSTOP", "advice.combo.spinal-infection")]
    [InlineData("procedure.recent,redflag.fever", DispositionLevel.Urgent, "HAZ-POSTOP", "advice.redflag.post-op")]
    // Upper back pain: today when new or at 50 or over.
    [InlineData("pain.location.upper-back,duration.under-6-weeks", DispositionLevel.Urgent, "HAZ-THORACIC", "advice.location.upper-back")]
    [InlineData("pain.location.upper-back,age.50-plus,duration.over-12-weeks", DispositionLevel.Urgent, "HAZ-THORACIC", "advice.location.upper-back")]
    // Numbness in both legs for 6 to 12 weeks: today.
    [InlineData("numbness.where.both-legs,duration.6-to-12-weeks", DispositionLevel.Urgent, "HAZ-CES", "advice.numbness.both-legs")]
    // Severe new pain that treatment has not helped: today, for better pain relief.
    [InlineData("pain.score.severe,treatments.helped.no,treatments.tried,duration.under-6-weeks", DispositionLevel.Urgent, "HAZ-MEDICINE", "advice.combo.pain-relief")]
    public void Combination_IsGradedWithItsHazardAndAdvice(string findings, DispositionLevel level, string hazard, string advice)
    {
        var result = Catalog.Evaluate(findings.Split(',').ToHashSet(StringComparer.Ordinal));

        Assert.Equal(level, result.Level);
        Assert.Contains(hazard, result.Hazards);
        Assert.Contains(advice, result.Matched.Select(r => r.Advice));
    }

    [Theory]
    // Long-standing upper back ache under 50: a routine appointment, not same day.
    [InlineData("pain.location.upper-back,age.16-to-44,age.under-45,duration.over-12-weeks")]
    // Stable numbness in both legs for over 12 weeks (for example a neuropathy): routine.
    [InlineData("numbness.yes,numbness.where.both-legs,duration.over-12-weeks")]
    // Severe pain that has lasted months is routine; only severe new pain not helped by treatment is urgent.
    [InlineData("pain.score.severe,treatments.helped.no,treatments.tried,duration.over-12-weeks")]
    public void LongStandingFindings_WithoutARedFlag_AreRoutine(string findings) =>
        Assert.Equal(DispositionLevel.Routine, Catalog.Evaluate(findings.Split(',').ToHashSet(StringComparer.Ordinal)).Level);

    [Fact]
    public void NewNumbnessInBothLegs_IsStillAnEmergency() =>
        Assert.Equal(
            DispositionLevel.Emergency,
            Catalog.Evaluate(new HashSet<string>(StringComparer.Ordinal) { "numbness.where.both-legs", "duration.under-6-weeks" }).Level);

    [Fact]
    public void TraumaQuestion_IFell_IsNotAYes()
    {
        var yes = Catalog.Prompt("prompt.redflag.trauma", "en-GB").Choices.Single(c => c.Id == "yes");

        Assert.DoesNotContain("I fell", yes.Synonyms, StringComparer.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("prompt.check.ces", "since the back or neck pain started")]
    [InlineData("prompt.check.weakness-severe", "new or getting worse")]
    [InlineData("prompt.check.chest-pain", "in the last 24 hours")]
    [InlineData("prompt.check.neck-vascular", "in the last 24 hours")]
    [InlineData("prompt.check.fever", "in the last few days")]
    public void CheckQuestion_AMentionThatHasPassed_IsStillAskedAbout(string key, string window)
    {
        var text = Catalog.Prompt(key, "en-GB").Text;

        Assert.Contains(window, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Is this happening now, to you", text, StringComparison.Ordinal);
    }

    [Fact]
    public void PainSpread_BothSidesOfTheBack_IsNotPainInBothLegs()
    {
        var bothLegs = Catalog.Prompt("prompt.pain.spread", "en-GB").Choices.Single(c => c.Id == "both-legs");

        Assert.DoesNotContain("both sides", bothLegs.Synonyms, StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain("both", bothLegs.Synonyms, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void NumbnessSaddleChoice_OneButtockWordAlone_IsNotASynonym()
    {
        var saddle = Catalog.Prompt("prompt.numbness.where", "en-GB").Choices.Single(c => c.Id == "saddle");

        Assert.Equal("Between your legs", saddle.Title);
        Assert.All(["bum", "bottom", "butt", "buttock", "buttocks"], word => Assert.DoesNotContain(word, saddle.Synonyms, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Inflammatory back pain follows NICE NG65 in every locale: the question and the note name its features (waking in
    /// the second half of the night, better with movement, buttock pain, better within 2 days of an NSAID; the note adds
    /// psoriasis, enthesitis and family history), never morning stiffness, which is not an NG65 criterion; the note is
    /// sourced to NG65 and does not say the referral criteria are met.
    /// </summary>
    [Theory]
    [InlineData("en-GB")]
    [InlineData("en-US")]
    public void InflammatoryBackPain_QuestionAndNote_FollowNg65_NotMorningStiffness(string locale)
    {
        var question = Catalog.Prompt("prompt.screen.inflammatory", locale).Text;
        var note = Catalog.Text("advice.screen.inflammatory", locale);

        // The review's question (NG65's movement and late-night features); the note names the rest for the GP.
        Assert.All(["second half of the night", "better when you move about", "not when you rest"], f => Assert.Contains(f, question, StringComparison.Ordinal));
        Assert.All(["started before you were 45", "over 3 months", "buttocks", "ibuprofen", "psoriasis", "tendons", "brother, sister or child", "does not mean you have it"], f => Assert.Contains(f, note, StringComparison.Ordinal));
        Assert.DoesNotContain("morning", question + note, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("nice-ng65", Catalog.Sources("advice.screen.inflammatory").Select(c => c.Id));
    }

    /// <summary>Screen, check and red-flag advice texts, each measured alone, in every locale.</summary>
    [Fact]
    public void ScreenCheckAndRedFlagTexts_AreAtOrBelowGradeEight()
    {
        string[] promptAreas = ["prompt.redflag.", "prompt.screen.", "prompt.check."];
        string[] messageAreas = ["advice.redflag.", "advice.combo.", "advice.location.", "advice.screen.", "welcome."];
        var texts = Catalog.LocaleNames.SelectMany(locale =>
            Catalog.Prompts.Keys.Where(k => promptAreas.Any(a => k.StartsWith(a, StringComparison.Ordinal)))
                .Select(k => (Key: k, Locale: locale, Text: Catalog.Prompt(k, locale).Text))
                .Concat(Catalog.Messages.Keys.Where(k => messageAreas.Any(a => k.StartsWith(a, StringComparison.Ordinal)))
                    .Select(k => (Key: k, Locale: locale, Text: Catalog.Text(k, locale)))))
            .ToList();
        Assert.True(texts.Count > 40, $"only {texts.Count} texts found under {RepoPaths.Content}");

        var tooHard = texts
            .Select(t => (t.Key, t.Locale, Grade: Readability.FleschKincaidGrade(t.Text)))
            .Where(t => t.Grade > MaxGrade)
            .Select(t => $"{t.Key} ({t.Locale}): grade {t.Grade:0.0}")
            .ToList();
        Assert.True(tooHard.Count == 0, string.Join("\n", tooHard));
    }
}
