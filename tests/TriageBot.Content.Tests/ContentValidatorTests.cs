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
    [InlineData("red-flags.yaml", "hazard: HAZ-CES", "hazard: HAZ-CAUDA", "red-flags.yaml: rule 'ces': hazard 'HAZ-CAUDA' is not in hazard-log.yaml")]
    [InlineData("red-flags.yaml", "topic: education.options.traction", "topic: education.conditions.cauda", "red-flags.yaml: rule 'ces': topic 'education.conditions.cauda' is not in education.yaml")]
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
    // The hazard log (DCB0129).
    [InlineData("hazard-log.yaml", "description: \"No crisis contacts given.\"", "description: \"\"", "hazard-log.yaml: hazard 'HAZ-SELF-HARM': has no description")]
    [InlineData("hazard-log.yaml", "harm: \"Permanent weakness.\"", "harm: \"\"", "hazard-log.yaml: hazard 'HAZ-NEURO': has no harm")]
    [InlineData("hazard-log.yaml", "causes: [ \"Not asked.\" ]\n    effect: \"No same-day advice.\"", "causes: []\n    effect: \"No same-day advice.\"", "hazard-log.yaml: hazard 'HAZ-NEURO': causes must list at least one cause")]
    [InlineData("hazard-log.yaml", "- id: HAZ-AAA", "- id: HAZ-CES", "hazard-log.yaml: hazard 'HAZ-CES' is listed more than once")]
    [InlineData("hazard-log.yaml", "- id: HAZ-AAA", "- id: HAZ-aaa", "hazard-log.yaml: hazard 'HAZ-aaa': id must look like HAZ-NAME")]
    [InlineData("hazard-log.yaml", "tests: [ TriageBot.Dialogs.Tests.TriageConversationTests.WeaknessGettingWorseQuickly_IsAnEmergency ]", "tests: []", "hazard-log.yaml: hazard 'HAZ-NEURO': content uses it, so it needs at least one test that exercises it")]
    [InlineData("hazard-log.yaml", "    controls:\n      - { id: CTL-NEURO-1, kind: content, description: \"Worsening numbness is urgent.\" }\n", "    controls: []\n", "hazard-log.yaml: hazard 'HAZ-NEURO': content uses it, so it needs at least one control")]
    [InlineData("hazard-log.yaml", "tests: [ TriageBot.Dialogs.Tests.InterruptAndCommandTests.ThoughtsOfSuicide_GetCrisisAdvice ]", "tests: []", "hazard-log.yaml: hazard 'HAZ-SELF-HARM': content uses it, so it needs at least one test")]
    [InlineData("hazard-log.yaml", "    tests: []\n    residualRisk: { severity: Major, likelihood: Low, rating: 3 }\n    status: open", "    tests: []\n    residualRisk: { severity: Major, likelihood: Low, rating: 3 }\n    status: closed", "hazard-log.yaml: hazard 'HAZ-AAA': it is closed, so it needs at least one test that exercises it")]
    [InlineData("hazard-log.yaml", "kind: code, description: \"The screen asks first.\"", "kind: software, description: \"The screen asks first.\"", "hazard-log.yaml: hazard 'HAZ-CES': control 'CTL-CES-1': kind 'software' is not one of content, code, test, process")]
    [InlineData("hazard-log.yaml", "{ id: CTL-NEURO-1,", "{ id: CTL-CES-1,", "hazard-log.yaml: control 'CTL-CES-1' is listed more than once")]
    [InlineData("hazard-log.yaml", "{ id: CTL-NEURO-1,", "{ id: neuro-1,", "hazard-log.yaml: hazard 'HAZ-NEURO': control 'neuro-1': id must look like CTL-NAME-1")]
    [InlineData("hazard-log.yaml", "tests: [ TriageBot.Dialogs.Tests.TriageConversationTests.WeaknessGettingWorseQuickly_IsAnEmergency ]", "tests: [ WeaknessGettingWorseQuickly_IsAnEmergency ]", "hazard-log.yaml: hazard 'HAZ-NEURO': test 'WeaknessGettingWorseQuickly_IsAnEmergency' is not a fully qualified name (Namespace.Class.Method)")]
    [InlineData("hazard-log.yaml", "initialRisk: { severity: Major, likelihood: Medium, rating: 3 }", "initialRisk: { severity: Severe, likelihood: Medium, rating: 3 }", "hazard-log.yaml: hazard 'HAZ-NEURO': initialRisk: severity 'Severe' is not one of Minor, Significant, Considerable, Major, Catastrophic")]
    [InlineData("hazard-log.yaml", "initialRisk: { severity: Major, likelihood: Medium, rating: 3 }", "initialRisk: { severity: Major, likelihood: Likely, rating: 3 }", "hazard-log.yaml: hazard 'HAZ-NEURO': initialRisk: likelihood 'Likely' is not one of Very low, Low, Medium, High, Very high")]
    [InlineData("hazard-log.yaml", "initialRisk: { severity: Major, likelihood: Medium, rating: 3 }", "initialRisk: { severity: Major, likelihood: Medium, rating: 6 }", "hazard-log.yaml: hazard 'HAZ-NEURO': initialRisk: rating '6' must be 1 to 5")]
    [InlineData("hazard-log.yaml", "initialRisk: { severity: Major, likelihood: Medium, rating: 3 }", "initialRisk: { severity: Major, likelihood: Medium, rating: 4 }", "hazard-log.yaml: hazard 'HAZ-NEURO': initialRisk: rating 4 does not match the DCB0129 matrix (Major, Medium = 3)")]
    [InlineData("hazard-log.yaml", "initialRisk: { severity: Major, likelihood: Medium, rating: 3 }", "initialRisk: { severity: Significant, likelihood: Medium, rating: 2 }", "hazard-log.yaml: hazard 'HAZ-NEURO': residualRisk rating 3 is higher than initialRisk rating 2 (controls cannot add risk)")]
    [InlineData("hazard-log.yaml", "    initialRisk: { severity: Major, likelihood: Medium, rating: 3 }\n", "", "hazard-log.yaml: hazard 'HAZ-NEURO': initialRisk is missing (severity, likelihood, rating)")]
    [InlineData("hazard-log.yaml", "    status: closed\n", "    status: done\n", "hazard-log.yaml: hazard 'HAZ-SELF-HARM': status 'done' is not one of open, transferred, closed")]
    [InlineData("hazard-log.yaml", "owner: \"Clinical safety officer\"\n  - id: HAZ-AAA", "owner: \"\"\n  - id: HAZ-AAA", "hazard-log.yaml: hazard 'HAZ-NEURO': has no owner")]
    // Dispositions.
    [InlineData("dispositions.yaml", "when: [ redflag.ces ], level: emergency", "when: [ redflag.ces ], level: urgent", "dispositions.yaml: finding 'redflag.ces' reaches urgent, but red-flags.yaml: rule 'ces' is emergency")]
    [InlineData("dispositions.yaml", "when: [ numbness.worsening ]", "when: [ numbness-worsening ]", "dispositions.yaml: rule 'numbness-worsening': finding 'numbness-worsening' is not in the form area.value")]
    [InlineData("dispositions.yaml", "when: [ numbness.worsening ]", "when: [ numbness.worse ]", "dispositions.yaml: rule 'numbness-worsening': finding 'numbness.worse' is never recorded by the code")]
    [InlineData("dispositions.yaml", "level: urgent, hazard: HAZ-NEURO }", "level: urgent }", "dispositions.yaml: rule 'numbness-worsening': an urgent rule must name the hazard it controls")]
    [InlineData("dispositions.yaml", "level: urgent, hazard: HAZ-NEURO }", "level: urgent, hazard: HAZ-NERVE }", "dispositions.yaml: rule 'numbness-worsening': hazard 'HAZ-NERVE' is not in hazard-log.yaml")]
    [InlineData("dispositions.yaml", "{ id: long-standing,", "{ id: numbness-worsening,", "dispositions.yaml: rule id 'numbness-worsening' is used more than once")]
    [InlineData("messages.yaml", "{ default: \"Call {emergencyNumber} or go", "{ default: \"Call us or go", "messages.yaml: 'advice.emergency' (default) must give {emergencyNumber}")]
    // Education.
    [InlineData("education.yaml", "source: [ nice-ng59, wegner-2013 ]", "source: [ nice-ng59, traction-today ]", "education.yaml: topic 'education.options.traction': source: citation 'traction-today' is not defined in sources.yaml citations")]
    [InlineData("education.yaml", "source: [ seed-surgery ]", "source: []", "education.yaml: topic 'education.decompression.what-it-is': source: names no source")]
    [InlineData("education.yaml", "showFor: [ pain.spread.one-leg ]", "showFor: [ pain.spread.one-foot ]", "education.yaml: topic 'education.options.traction': showFor 'pain.spread.one-foot' is never recorded by the code")]
    [InlineData("education.yaml", "Traction pulls on your back.", "Longitudinal mechanical decompression intermittently distracts intervertebral articulations, theoretically alleviating radicular symptomatology.", "education.yaml: topic 'education.options.traction' (en-GB): reading grade")]
    // Sources, and plain words in advice.
    [InlineData("sources.yaml", "  advice.redflag.ces: [ girft-ces, nice-ng59 ]\n", "", "sources.yaml: 'advice.redflag.ces' has no sources")]
    [InlineData("sources.yaml", "  safety-net: [ girft-ces ]\n", "  safety-net: []\n", "sources.yaml: sources for 'safety-net': names no source")]
    [InlineData("sources.yaml", "advice.redflag.ces: [ girft-ces, nice-ng59 ]", "advice.redflag.ces: [ girft-ces, nice-cks ]", "sources.yaml: sources for 'advice.redflag.ces': citation 'nice-cks' is not defined")]
    [InlineData("sources.yaml", "  advice.redflag.aaa: [ nice-ng59 ]\n", "  summary.extra: [ nice-ng59 ]\n", "sources.yaml: sources for 'summary.extra': 'summary.extra' is not in messages.yaml")]
    [InlineData("sources.yaml", ", url: \"https://doi.org/10.1002/14651858.CD003010.pub5\" }", " }", "sources.yaml: citation 'wegner-2013': give either a url or a seed, not neither")]
    [InlineData("sources.yaml", "url: \"https://www.nice.org.uk/guidance/ng59\"", "url: \"www.nice.org.uk/guidance/ng59\"", "sources.yaml: citation 'nice-ng59': url 'www.nice.org.uk/guidance/ng59' is not an https address")]
    [InlineData("sources.yaml", "seed: \"000_365f1ce3b0475d84.txt\"", "seed: \"003_made_up.txt\"", "sources.yaml: citation 'seed-surgery': seed '003_made_up.txt' must be one of")]
    [InlineData("sources.yaml", "name: \"Traction for low-back pain (Cochrane review, 2013)\", ", "", "sources.yaml: citation 'wegner-2013': has no name")]
    [InlineData("sources.yaml", "  - { id: seed-surgery,", "  - { id: spare, name: \"Spare\", url: \"https://example.org/\" }\n  - { id: seed-surgery,", "sources.yaml: citation 'spare' is not cited by any message or education topic")]
    [InlineData("messages.yaml", "    - numbness in both legs", "    - numbness, paraesthesia or neurological deficit affecting bilateral lower extremities", "messages.yaml: 'safety-net' (en-GB) bullet \"numbness, paraesthesia")]
    [InlineData("messages.yaml", "Call {emergencyNumber} or go to {emergencyDepartment} now.\", en-US", "Immediate attendance at an emergency department is unequivocally indicated; telephone {emergencyNumber}.\", en-US", "messages.yaml: 'advice.emergency' (en-GB): reading grade")]
    // Golden set gate.
    [InlineData("golden/red-flag-utterances.yaml", "\"I can't control my bladder\"", "\"I can't control my weeing\"", "golden/red-flag-utterances.yaml: \"I can't control my weeing\": emergency rule 'ces' is not detected")]
    [InlineData("golden/red-flag-utterances.yaml", "\"no problems with my bladder\"", "\"my bladder is leaking\"", "golden/red-flag-utterances.yaml: \"my bladder is leaking\": expects no red flag but raises emergency rule 'ces'")]
    [InlineData("golden/red-flag-utterances.yaml", "expect: none, kind: negated", "expect: nothing, kind: denied", "golden/red-flag-utterances.yaml: \"no problems with my bladder\": kind 'denied' is not one of")]
    // Context rules (context.yaml).
    [InlineData("context.yaml", "direction: backward, window: 2", "direction: sideways, window: 2", "context.yaml: negation: trigger list 2: direction 'sideways' is not forward, backward, both or inside")]
    [InlineData("context.yaml", "pseudo: [ \"as if\" ]", "pseudo: [ \"as well\" ]", "context.yaml: hypothetical: pseudo-trigger 'as well' contains no hypothetical trigger")]
    [InlineData("context.yaml", "{ id: self-harm, keep", "{ id: self-harms, keep", "context.yaml: rule 'self-harms' is not in red-flags.yaml")]
    [InlineData("context.yaml", "keep: [ historical, hypothetical, question ]", "keep: [ historical, negation ]", "context.yaml: rule 'self-harm' keeps 'negation', which is not one of other, historical, hypothetical, question")]
    [InlineData("context.yaml", "\"in <year>\"", "\"in <decade>\"", "context.yaml: historical: trigger list 1: 'in <decade>' has an unknown placeholder")]
    [InlineData("context.yaml", "terms: [ \"?\" ]", "terms: [ \"?\", \"?\" ]", "context.yaml: question: trigger list 1: '?' is listed twice")]
    [InlineData("context.yaml", "{ direction: forward, terms: [ if, \"what if\" ] }", "{ direction: forward, terms: [ if, \"?\" ] }", "context.yaml: hypothetical: trigger list 1: '?' is a backward question trigger only")]
    [InlineData("context.yaml", "  window: 8\n  termination: [ i, my ]", "  window: 80\n  termination: [ i, my ]", "context.yaml: other: window 80 must be 1 to 20 words")]
    [InlineData("context.yaml", "\"can * cause\"", "\"can cause *\"", "context.yaml: question: trigger list 2: 'can cause *' may not start or end with '*'")]
    [InlineData("context.yaml", "    - { direction: forward, terms: [ if, \"what if\" ] }\n", "", "context.yaml: hypothetical: has no triggers")]
    [InlineData("context.yaml", "hypothetical:\n  window: 8\n", "hypothetical:\n  window: 8\n  answers: [ no ]\n", "context.yaml: hypothetical: only negation has answers")]
    [InlineData("context.yaml", "firstPerson: [ i, im, me, my ]", "firstPerson: []", "context.yaml: scope 'firstPerson' is missing or empty")]
    // Golden set gate, read in context.
    [InlineData("golden/red-flag-utterances.yaml", "expect: ces, kind: other", "expect: ces, kind: question", "golden/red-flag-utterances.yaml: \"my mum can't control her bladder\": rule 'ces' must be a mention (Question), but is a mention (Other)")]
    [InlineData("golden/red-flag-utterances.yaml", "\"I can't control my bladder\"", "\"my dad can't control his bladder\"", "golden/red-flag-utterances.yaml: \"my dad can't control his bladder\": emergency rule 'ces' is only a mention (Other)")]
    [InlineData("golden/red-flag-utterances.yaml", "\"no problems with my bladder\"", "\"my mum is leaking from her bladder\"", "golden/red-flag-utterances.yaml: \"my mum is leaking from her bladder\": is denied but mentions emergency rule 'ces' (Other)")]
    [InlineData("golden/red-flag-utterances.yaml", "expect: ces, kind: other", "expect: none, kind: other", "golden/red-flag-utterances.yaml: \"my mum can't control her bladder\": kind 'other' is a mention of a rule; it cannot expect none")]
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

    [Fact]
    public void Validate_HazardNoContentUsesYet_MayStayOpenWithoutControlsOrTests()
    {
        // HAZ-AAA is in the fixture's log, open, with no controls or tests, and no rule names it.
        var catalog = ContentFixture.LoadValid();
        Assert.Contains(catalog.Hazards, h => h.Id == "HAZ-AAA" && h.Tests is { Count: 0 });
        Assert.DoesNotContain("HAZ-AAA", catalog.HazardsUsedByContent);

        AssertNoErrors(ContentValidator.Validate(catalog, ContentFixture.Requirements));
    }

    private static void AssertNoErrors(IReadOnlyList<string> errors) =>
        Assert.True(errors.Count == 0, "Unexpected errors:\n" + string.Join("\n", errors));
}
