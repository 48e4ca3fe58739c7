using TriageBot.Content.Model;
using TriageBot.Content.Tests.Support;

namespace TriageBot.Content.Tests;

/// <summary>Wording by key and locale, placeholders, prompts, education and the disposition table, on Fixtures/valid.</summary>
public sealed class ContentCatalogTests
{
    private static readonly ContentCatalog Catalog = ContentFixture.LoadValid();

    [Fact]
    public void Load_ValidFixture_ReadsEveryFile()
    {
        Assert.Equal("test-1", Catalog.Version);
        Assert.Equal("en-GB", Catalog.DefaultLocale);
        Assert.Equal(["en-GB", "en-US"], Catalog.LocaleNames);
        Assert.Equal(["ces", "self-harm"], Catalog.RedFlags.Select(r => r.Id));
        Assert.Equal(6, Catalog.DispositionRules.Count);
        Assert.Equal(2, Catalog.Education("en-GB").Count);
    }

    [Theory]
    [InlineData("en-US", "en-US")]
    [InlineData("en-us", "en-US")]
    [InlineData("EN_US", "en-US")]
    [InlineData("en-GB", "en-GB")]
    [InlineData("en-AU", "en-GB")]
    [InlineData("en", "en-GB")]
    [InlineData("fr-FR", "en-GB")]
    [InlineData("", "en-GB")]
    [InlineData(null, "en-GB")]
    public void Locale_ChannelLocale_ResolvesToContentLocale(string? requested, string expected) =>
        Assert.Equal(expected, Catalog.Locale(requested).Locale);

    [Theory]
    [InlineData("en-GB", "Hello, I'm the Test Clinic assistant. In an emergency, call 999.")]
    [InlineData("en-US", "Hello, I'm the Test Clinic assistant. In an emergency, call 911.")]
    [InlineData("de-DE", "Hello, I'm the Test Clinic assistant. In an emergency, call 999.")]
    public void Text_PlainString_FillsManifestPlaceholdersPerLocale(string locale, string expected) =>
        Assert.Equal(expected, Catalog.Text("welcome.intro", locale));

    [Theory]
    [InlineData("en-GB", "Call 999 or go to A&E now.")]
    [InlineData("en-US", "Call 911 now, or go to the ER.")]
    [InlineData("en-CA", "Call 999 or go to A&E now.")]
    public void Text_LocaleVariants_PicksTheVariantElseDefault(string locale, string expected) =>
        Assert.Equal(expected, Catalog.Text("advice.emergency", locale));

    [Fact]
    public void Text_Arguments_AreFilledAndEscapedBracesKept()
    {
        var text = Catalog.Text("summary.pain", "en-GB", new Dictionary<string, string> { ["location"] = "neck", ["spread"] = "{arm}" });

        Assert.Equal("Pain: neck, spreading to {arm}. Braces look like {this}.", text);
    }

    [Fact]
    public void Text_ArgumentMissing_ThrowsNamingKeyAndPlaceholder()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Catalog.Text("referral.saved", "en-GB"));

        Assert.Contains("referral.saved", error.Message, StringComparison.Ordinal);
        Assert.Contains("{reference}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_ArgumentOverridesManifestPlaceholder_Throws() =>
        Assert.Throws<ArgumentException>(() => Catalog.Text("welcome.intro", "en-GB", new Dictionary<string, string> { ["emergencyNumber"] = "123" }));

    [Fact]
    public void Text_UnknownKey_ThrowsKeyNotFound() =>
        Assert.Throws<KeyNotFoundException>(() => Catalog.Text("no.such.key", "en-GB"));

    [Fact]
    public void Prompt_Locale_FillsTextRetryAndChoiceTitles()
    {
        var gb = Catalog.Prompt("prompt.pain.location", "en-GB");
        var us = Catalog.Prompt("prompt.pain.location", "en-US");
        var ces = Catalog.Prompt("prompt.redflag.ces", "en-US");

        Assert.Equal("Where is your pain?", gb.Text);
        Assert.Null(gb.Retry);
        Assert.Equal(["Neck", "Lower back"], gb.Choices.Select(c => c.Title));
        Assert.Equal(["Neck", "Low back"], us.Choices.Select(c => c.Title));
        Assert.Equal("Please choose yes, no or not sure. Call 911 if unsure.", ces.Retry);
        Assert.Equal(["yeah", "yep"], ces.Choices[0].Synonyms);
    }

    [Fact]
    public void Education_Topic_NamesItsCitationsInOrder()
    {
        var gb = Catalog.Education("en-GB").Single(t => t.Id == "education.options.traction");
        var us = Catalog.Education("en-US").Single(t => t.Id == "education.options.traction");

        Assert.Equal("Traction pulls on your back. Studies show it does not help. You can ask about physiotherapy instead.", gb.Text);
        Assert.Equal("Traction pulls on your back. Studies show it does not help. You can ask about physical therapy instead.", us.Text);
        Assert.Equal(["nice-ng59", "wegner-2013"], gb.Source.Citations.Select(c => c.Id));
        Assert.Equal("NICE guideline NG59: Low back pain and sciatica in over 16s (2016, updated 2020); Traction for low-back pain (Cochrane review, 2013)", gb.Source.Name);
        Assert.Equal(["pain.spread.one-leg"], gb.ShowFor);
    }

    [Fact]
    public void Education_SeedCitation_KeepsItsSeedFile() =>
        Assert.Equal("000_365f1ce3b0475d84.txt", Assert.Single(Catalog.Education("en-GB")[0].Source.Citations).Seed);

    [Fact]
    public void Sources_AdviceKey_GivesItsCitationsWithShortNames()
    {
        var sources = Catalog.Sources("advice.redflag.ces");

        Assert.Equal(["GIRFT cauda equina pathway", "NICE NG59"], sources.Select(c => c.ShortName));
        Assert.Equal("https://www.nice.org.uk/guidance/ng59", sources[1].Url);
    }

    [Fact]
    public void Sources_CitationWithoutShortName_ShowsItsFullName() =>
        Assert.Equal("Traction for low-back pain (Cochrane review, 2013)", Catalog.Citations["wegner-2013"].ShortName);

    [Fact]
    public void Sources_KeyWithNone_IsEmpty() => Assert.Empty(Catalog.Sources("welcome.intro"));

    [Fact]
    public void Evaluate_NoRuleMatches_IsSelfCare()
    {
        var result = Catalog.Evaluate(new HashSet<string> { "pain.location.neck" });

        Assert.Equal(DispositionLevel.SelfCare, result.Level);
        Assert.Empty(result.Hazards);
        Assert.Empty(result.Rules);
    }

    [Fact]
    public void Evaluate_SeveralRulesMatch_MostUrgentLevelAndAllHazardsMostUrgentFirst()
    {
        var result = Catalog.Evaluate(new HashSet<string> { "duration.over-12-weeks", "numbness.worsening", "redflag.ces", "pain.spread.both-legs" });

        Assert.Equal(DispositionLevel.Emergency, result.Level);
        Assert.Equal(["HAZ-CES", "HAZ-NEURO"], result.Hazards);
        Assert.Equal(["redflag-ces", "spread-both-legs", "numbness-worsening", "long-standing"], result.Rules);
    }

    [Fact]
    public void Evaluate_RuleWithTwoFindings_NeedsBoth()
    {
        Assert.Equal(DispositionLevel.SelfCare, Catalog.Evaluate(new HashSet<string> { "treatments.helped.no" }).Level);
        Assert.Equal(DispositionLevel.Routine, Catalog.Evaluate(new HashSet<string> { "treatments.helped.no", "treatments.tried" }).Level);
    }

    [Fact]
    public void Evaluate_SeveralRulesMatch_MatchedRulesCarryTheirLevelAndAdviceMostUrgentFirst()
    {
        // The dialogs say each matched rule's own advice from Matched: losing it would silence hazard advice.
        var result = Catalog.Evaluate(new HashSet<string> { "duration.over-12-weeks", "numbness.worsening", "redflag.ces" });

        Assert.Equal(
            [("redflag-ces", DispositionLevel.Emergency, "advice.redflag.ces"), ("numbness-worsening", DispositionLevel.Urgent, "advice.numbness.worsening"), ("long-standing", DispositionLevel.Routine, null)],
            result.Matched.Select(r => (r.Id, r.Level, r.Advice)));
    }

    [Theory]
    [InlineData("when: [], ")]
    [InlineData("")]
    public void Evaluate_RuleWithNoConditions_NeverMatches_AndTheValidatorSaysSo(string when)
    {
        // An empty "when" would otherwise be true for everyone (All of nothing): every person an emergency.
        using var fixture = ContentFixture.With(
            ContentFileNames.Dispositions, "rules:\n", $"rules:\n  - {{ id: no-conditions, {when}level: emergency, hazard: HAZ-CES }}\n");
        var catalog = fixture.Load();

        var result = catalog.Evaluate(new HashSet<string> { "pain.location.neck" });

        Assert.Equal(DispositionLevel.SelfCare, result.Level);
        Assert.Empty(result.Hazards);
        Assert.Empty(result.Matched);
        Assert.Contains("dispositions.yaml: rule 'no-conditions': 'when' lists no findings", ContentValidator.Validate(catalog, ContentFixture.Requirements));
    }

    [Fact]
    public void Load_DispositionsWithoutRules_EvaluatesToSelfCare_AndTheValidatorSaysNoRules()
    {
        using var fixture = ContentFixture.With(ContentFileNames.Dispositions, "rules:", "rules:");
        File.WriteAllText(Path.Combine(fixture.Directory, ContentFileNames.Dispositions), "rules:\n");
        var catalog = fixture.Load();

        Assert.Equal(DispositionLevel.SelfCare, catalog.Evaluate(new HashSet<string> { "redflag.ces" }).Level);
        Assert.Contains("dispositions.yaml: no rules", ContentValidator.Validate(catalog, ContentFixture.Requirements));
    }

    [Fact]
    public void Evaluate_NoFindingsSet_ThrowsArgumentNull() =>
        Assert.Throws<ArgumentNullException>(() => Catalog.Evaluate(null!));

    [Fact]
    public void Load_RuleWithoutLevel_IsAnEmergency_AndBlankAdviceIsNone()
    {
        // Fail safe: a rule whose level was left out is read as the most urgent, never the least.
        using var fixture = ContentFixture.With(
            ContentFileNames.Dispositions, "{ id: long-standing, when: [ duration.over-12-weeks ], level: routine }", "{ id: long-standing, when: [ duration.over-12-weeks ], advice: ' ' }");

        var rule = fixture.Load().DispositionRules.Single(r => r.Id == "long-standing");

        Assert.Equal((DispositionLevel.Emergency, (string?)null), (rule.Level, rule.Advice));
    }

    [Fact]
    public void DetectRedFlags_FreeText_UsesTheLoadedPhrases()
    {
        var hit = Assert.Single(Catalog.DetectRedFlags("I can't control my bladder"));

        Assert.Equal(new RedFlagHit("ces", "HAZ-CES", DispositionLevel.Emergency, 2, 24), hit); // "can't control my bladder"
    }

    [Fact]
    public void ReadRedFlags_SomeoneElsesRedFlag_IsAMentionAndNotAPresentHit()
    {
        var reading = Catalog.ReadRedFlags("my mum can't control her bladder");

        Assert.Empty(reading.Present);
        Assert.Equal(new RedFlagMention("ces", "HAZ-CES", DispositionLevel.Emergency, MentionReason.Other, 7, 25), Assert.Single(reading.Mentions));
        Assert.Empty(Catalog.DetectRedFlags("my mum can't control her bladder"));
    }

    [Fact]
    public void ReadRedFlags_PresentStatement_IsWhatDetectRedFlagsReturns()
    {
        var reading = Catalog.ReadRedFlags("I can't control my bladder");

        Assert.Equal(Catalog.DetectRedFlags("I can't control my bladder"), reading.Present);
        Assert.Empty(reading.Mentions);
        Assert.False(reading.IsQuestion);
    }
}
