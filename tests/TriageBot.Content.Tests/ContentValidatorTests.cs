using TriageBot.Content.Tests.Support;

namespace TriageBot.Content.Tests;

/// <summary>Each check, shown failing on one small edit of the valid fixture, with the message a content author sees.</summary>
public sealed class ContentValidatorTests
{
    [Fact]
    public void Validate_ValidFixture_HasNoErrors() =>
        AssertNoErrors(ContentValidator.Validate(ContentFixture.LoadValid(), ContentFixture.Requirements));

    [Fact]
    public void Validate_KeysOnly_AcceptsTheValidFixture() =>
        AssertNoErrors(ContentValidator.Validate(ContentFixture.LoadValid(), ContentFixture.Requirements.Keys));

    [Theory]
    // Keys, both ways.
    [InlineData("messages.yaml", "  referral.saved: \"Thank you. Your reference is {reference}.\"\n", "", "messages.yaml: 'referral.saved' is missing (the code uses it)")]
    [InlineData("messages.yaml", "  summary.pain:", "  summary.extra: \"Spare.\"\n  summary.pain:", "messages.yaml: 'summary.extra' is not used by the code or red-flags.yaml")]
    [InlineData("prompts.yaml", "  prompt.pain.score:", "  prompt.pain.Score:", "prompts.yaml: key 'prompt.pain.Score' is not in the form area.topic.item")]
    // Placeholders and prose.
    [InlineData("messages.yaml", "the {clinicName} assistant", "the {clinicNme} assistant", "messages.yaml: 'welcome.intro': {clinicNme} is not a known placeholder")]
    [InlineData("messages.yaml", "the {clinicName} assistant", "the {reference} assistant", "messages.yaml: 'welcome.intro': the code passes no {reference} here")]
    [InlineData("prompts.yaml", "how bad is the pain?", "how bad is the pain, {score}?", "prompts.yaml: 'prompt.pain.score' text: the code passes no {score} here")]
    [InlineData("messages.yaml", "call {emergencyNumber}.\"", "call { emergencyNumber }.\"", "messages.yaml: 'welcome.intro': '{ emergencyNumber }' is not a placeholder")]
    [InlineData("messages.yaml", "call {emergencyNumber}.\"", "call 999.\"", "messages.yaml: 'welcome.intro': writes '999' in prose; use {emergencyNumber}")]
    [InlineData("messages.yaml", "en-US: \"Call", "fr-FR: \"Call", "messages.yaml: 'advice.emergency' (fr-FR): variant for unknown locale 'fr-FR'")]
    [InlineData("messages.yaml", "\"Thank you. Your reference is {reference}.\"", "\"\"", "messages.yaml: 'referral.saved': text is empty")]
    // Locales and manifest.
    [InlineData("manifest.yaml", "  en-US:", "  en-CA:", "manifest.yaml: locale 'en-US' is missing (every deployment needs en-GB and en-US)")]
    [InlineData("manifest.yaml", "crisisLine: \"Samaritans on 116 123\", ", "", "manifest.yaml: locale 'en-GB' is missing crisisLine")]
    [InlineData("manifest.yaml", ", showNiceCaveats: false", "", "manifest.yaml: locale 'en-US' is missing showNiceCaveats")]
    [InlineData("manifest.yaml", "defaultLocale: en-GB", "defaultLocale: en-IE", "manifest.yaml: defaultLocale 'en-IE' is not one of the locales")]
    [InlineData("manifest.yaml", "version: \"test-1\"", "version: \"\"", "manifest.yaml: 'version' is missing")]
    [InlineData("manifest.yaml", "reviewers: [ \"Test Reviewer\" ]", "reviewers: []", "manifest.yaml: 'reviewers' must name at least one reviewer")]
    // Prompts and choices.
    [InlineData("prompts.yaml", "{ id: no, title: \"No\" }", "{ id: yes, title: \"No\" }", "prompts.yaml: 'prompt.redflag.ces' has choice id 'yes' more than once")]
    [InlineData("prompts.yaml", "title: \"Not sure\"", "title: \"I am not really sure about it\"", "prompts.yaml: 'prompt.redflag.ces' choice 'not-sure' title \"I am not really sure about it\" (en-GB) is 29 characters; buttons allow 20")]
    [InlineData("prompts.yaml", "title: \"Not sure\"", "title: \"yes\"", "prompts.yaml: 'prompt.redflag.ces' has two choices titled \"YES\" (en-GB)")]
    [InlineData("prompts.yaml", "      - { id: not-sure, title: \"Not sure\" }\n", "", "prompts.yaml: 'prompt.redflag.ces' choices are [yes, no]; the code expects [yes, no, not-sure], in that order")]
    [InlineData("prompts.yaml", "    text: \"Where is your pain?\"\n", "", "prompts.yaml: 'prompt.pain.location' has no text")]
    // Red flags and hazards.
    [InlineData("red-flags.yaml", "    advice: advice.redflag.ces\n", "", "red-flags.yaml: rule 'ces': has no advice")]
    [InlineData("red-flags.yaml", "hazard: HAZ-CES", "hazard: HAZ-CAUDA", "red-flags.yaml: rule 'ces': hazard 'HAZ-CAUDA' is not in hazards.yaml")]
    [InlineData("red-flags.yaml", "questions: [ prompt.redflag.ces ]", "questions: [ prompt.redflag.cauda ]", "red-flags.yaml: rule 'ces': question 'prompt.redflag.cauda' is not in prompts.yaml")]
    [InlineData("red-flags.yaml", "    questions: [ prompt.redflag.ces ]\n", "", "red-flags.yaml: rule 'ces': has no question")]
    [InlineData("red-flags.yaml", "    check: prompt.check.ces\n", "", "red-flags.yaml: rule 'ces': has no check question")]
    [InlineData("red-flags.yaml", "check: prompt.check.ces", "check: prompt.check.cauda", "red-flags.yaml: rule 'ces': check 'prompt.check.cauda' is not in prompts.yaml")]
    [InlineData("dispositions.yaml", "advice: advice.numbness.worsening, ", "", "dispositions.yaml: rule 'numbness-worsening': an urgent rule must name its advice")]
    [InlineData("dispositions.yaml", "advice: advice.numbness.worsening, ", "advice: advice.numbness.worse, ", "dispositions.yaml: rule 'numbness-worsening': advice 'advice.numbness.worse' is not in messages.yaml")]
    [InlineData("red-flags.yaml", "      - [ [ \"kill myself\", suicidal ] ]\n", "", "red-flags.yaml: rule 'self-harm': has no phrases")]
    [InlineData("red-flags.yaml", "[ [ bladder, bowel ], [ \"can't control\", leaking ] ]", "[ [ bladder, bowel ], [] ]", "red-flags.yaml: rule 'ces': phrase 1, group 2 is empty")]
    [InlineData("golden/red-flag-utterances.yaml", "  - { text: \"I feel suicidal\", expect: self-harm, kind: positive }\n", "", "red-flags.yaml: rule 'self-harm': has no phrasing in golden/red-flag-utterances.yaml")]
    [InlineData("messages.yaml", "If you are in danger, call {emergencyNumber}.", "If you are in danger, get help.", "messages.yaml: 'advice.redflag.self-harm' (default) must give {emergencyNumber}")]
    [InlineData("messages.yaml", "Please call {crisisLine} now.", "Please talk to someone now.", "messages.yaml: 'advice.redflag.self-harm' (default) must give {crisisLine}")]
    [InlineData("hazards.yaml", "description: \"No crisis contacts given.\"", "description: \"\"", "hazards.yaml: hazard 'HAZ-SELF-HARM': has no description")]
    [InlineData("hazards.yaml", "  - { id: HAZ-NEURO,", "  - { id: HAZ-SPARE, name: \"Spare\", description: \"Unused.\" }\n  - { id: HAZ-NEURO,", "hazards.yaml: hazard 'HAZ-SPARE': no red-flag or disposition rule uses it")]
    // Dispositions.
    [InlineData("dispositions.yaml", "when: [ redflag.ces ], level: emergency", "when: [ redflag.ces ], level: urgent", "dispositions.yaml: finding 'redflag.ces' reaches urgent, but red-flags.yaml: rule 'ces' is emergency")]
    [InlineData("dispositions.yaml", "when: [ numbness.worsening ]", "when: [ numbness-worsening ]", "dispositions.yaml: rule 'numbness-worsening': finding 'numbness-worsening' is not in the form area.value")]
    [InlineData("dispositions.yaml", "when: [ numbness.worsening ]", "when: [ numbness.worse ]", "dispositions.yaml: rule 'numbness-worsening': finding 'numbness.worse' is never recorded by the code")]
    [InlineData("dispositions.yaml", "level: urgent, hazard: HAZ-NEURO }", "level: urgent }", "dispositions.yaml: rule 'numbness-worsening': an urgent rule must name the hazard it controls")]
    [InlineData("dispositions.yaml", "level: urgent, hazard: HAZ-NEURO }", "level: urgent, hazard: HAZ-NERVE }", "dispositions.yaml: rule 'numbness-worsening': hazard 'HAZ-NERVE' is not in hazards.yaml")]
    [InlineData("dispositions.yaml", "{ id: long-standing,", "{ id: numbness-worsening,", "dispositions.yaml: rule id 'numbness-worsening' is used more than once")]
    [InlineData("messages.yaml", "{ default: \"Call {emergencyNumber} or go", "{ default: \"Call us or go", "messages.yaml: 'advice.emergency' (default) must give {emergencyNumber}")]
    // Education.
    [InlineData("education.yaml", "seed: \"001_d8454b89fa11cbe7.txt\"", "seed: \"003_made_up.txt\"", "education.yaml: topic 'education.options.traction': source seed '003_made_up.txt' must be one of")]
    [InlineData("education.yaml", "name: \"Spinal Decompression Therapy\"", "name: \"\"", "education.yaml: topic 'education.options.traction': source has no name")]
    [InlineData("education.yaml", "showFor: [ pain.spread.one-leg ]", "showFor: [ pain.spread.one-foot ]", "education.yaml: topic 'education.options.traction': showFor 'pain.spread.one-foot' is never recorded by the code")]
    [InlineData("education.yaml", "Traction gently pulls on your back to make more room.", "Longitudinal mechanical decompression intermittently distracts intervertebral articulations, theoretically alleviating radicular symptomatology.", "education.yaml: topic 'education.options.traction' (en-GB): reading grade")]
    // Golden set gate.
    [InlineData("golden/red-flag-utterances.yaml", "\"I can't control my bladder\"", "\"I can't control my weeing\"", "golden/red-flag-utterances.yaml: \"I can't control my weeing\": emergency rule 'ces' is not detected")]
    [InlineData("golden/red-flag-utterances.yaml", "\"no problems with my bladder\"", "\"my bladder is leaking\"", "golden/red-flag-utterances.yaml: \"my bladder is leaking\": expects no red flag but raises emergency rule 'ces'")]
    [InlineData("golden/red-flag-utterances.yaml", "expect: none, kind: negated", "expect: nothing, kind: denied", "golden/red-flag-utterances.yaml: \"no problems with my bladder\": kind 'denied' is not one of")]
    public void Validate_BrokenContent_ReportsTheProblem(string file, string find, string replace, string expectedStart)
    {
        using var fixture = ContentFixture.With(file, find, replace);

        var errors = ContentValidator.Validate(fixture.Load(), ContentFixture.Requirements);

        Assert.True(
            errors.Any(e => e.StartsWith(expectedStart, StringComparison.Ordinal)),
            $"Expected an error starting \"{expectedStart}\"; got:\n" + string.Join("\n", errors));
    }

    [Fact]
    public void Validate_KeyTheCodeUsesIsMissing_ReportsItInTheRightFile()
    {
        var keys = new HashSet<string>(ContentFixture.Requirements.Keys) { "prompt.pain.spread", "advice.redflag.trauma" };

        var errors = ContentValidator.Validate(ContentFixture.LoadValid(), ContentFixture.Requirements with { Keys = keys });

        Assert.Contains("prompts.yaml: 'prompt.pain.spread' is missing (the code uses it)", errors);
        Assert.Contains("messages.yaml: 'advice.redflag.trauma' is missing (the code uses it)", errors);
        Assert.Contains("red-flags.yaml: rule 'trauma' is missing (the code uses advice.redflag.trauma)", errors);
    }

    private static void AssertNoErrors(IReadOnlyList<string> errors) =>
        Assert.True(errors.Count == 0, "Unexpected errors:\n" + string.Join("\n", errors));
}
