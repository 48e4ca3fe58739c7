using TriageBot.Content.Model;
using TriageBot.Content.Tests.Support;

namespace TriageBot.Content.Tests;

/// <summary>The detector on small hand-written rules and the real context.yaml: matching, negation, typos, spans.</summary>
public sealed class RedFlagDetectorTests
{
    private static readonly RedFlagDetector Detector = new(
    [
        (Rule("ces", DispositionLevel.Emergency),
        [
            [["bladder", "pee", "wee"], ["can't control", "no control", "lost control", "leaking", "can't feel"]],
            [["groin", "down below", "genitals"], ["numb", "numbness", "no feeling", "can't feel", "tingling"]],
            [["numb legs", "legs numb", "can't feel legs", "legs gone weak"]],
            // "not able to" reads as "can't" (Tokenizer), so this entry is "can't control it".
            [["not able to control it"]],
        ], []),
        (Rule("weakness", DispositionLevel.Urgent), [[["weak", "weakness"], ["leg", "foot"]]], []),
        (Rule("myelopathy", DispositionLevel.Urgent), [[["fingers"], ["numb", "tingling"], ["unless", "left hand", "right hand"]]], []),
        (Rule("weakness-severe", DispositionLevel.Emergency), [[["legs gave way", "foot flops"]]], []),
        (Rule("self-harm", DispositionLevel.Emergency), [[["kill myself", "don't want to be here", "suicidal"]]], []),
    ], RealContext.Rules);

    [Theory]
    [InlineData("I can't control my bladder", "ces")]
    [InlineData("I can't feel my bladder", "ces")]
    [InlineData("no feeling down below", "ces")]
    [InlineData("my legs have gone numb", "ces")]
    [InlineData("I CANNOT control my bladder", "ces")]
    [InlineData("I can not control my bladder", "ces")]
    [InlineData("I can’t control my bladder", "ces")]
    [InlineData("cant controll my bladder", "ces")]
    [InlineData("numbess in my groin", "ces")]
    [InlineData("numbness in my grion", "ces")]
    [InlineData("I have lost all control of my bladder", "ces")]
    [InlineData("No, I can't control my bladder", "ces")]
    [InlineData("no pain but my groin is numb", "ces")]
    [InlineData("I'm not sure, my groin might be numb", "ces")]
    [InlineData("I'm not able to control it", "ces")]
    [InlineData("my leg is weak", "weakness")]
    [InlineData("weakness in my foot", "weakness")]
    [InlineData("I don't want to be here anymore", "self-harm")]
    [InlineData("I do not want to be here", "self-harm")]
    [InlineData("my fingers are numb", "myelopathy")]
    [InlineData("my legs just gave way", "weakness-severe")]
    [InlineData("my foot now flops when I walk", "weakness-severe")]
    [InlineData("I cnt control my bladder", "ces")]
    [InlineData("wanna kill meself", "self-harm")]
    [InlineData("my legs are literally really numb", "ces")]
    [InlineData("I no can feel down below", "ces")]
    [InlineData("I am unable to control my bladder", "ces")]
    public void Detect_RedFlagStatement_ReturnsTheRule(string text, string ruleId) =>
        Assert.Contains(Detector.Detect(text), h => h.RuleId == ruleId);

    [Theory]
    [InlineData("no problems with my bladder")]
    [InlineData("I don't have any numbness in my groin")]
    [InlineData("my bladder is fine")]
    [InlineData("I haven't lost control of my bladder")]
    [InlineData("no numbness or tingling down below")]
    [InlineData("my legs aren't numb")]
    [InlineData("my legs are not numb")]
    [InlineData("I don't have weakness in my leg")]
    [InlineData("I'm not suicidal")]
    [InlineData("my groin? no numbness there")]
    [InlineData("my lower back aches after gardening")]
    [InlineData("it hurts when I bend")]
    [InlineData("the ladder fell and I can't control the pain")]
    [InlineData("my hand is weak")]
    [InlineData("the fingers of my left hand are numb")]
    [InlineData("my legs ache but the cramp gave way")]
    [InlineData("")]
    [InlineData("   ...  ")]
    public void Detect_DeniedOrOrdinaryText_ReturnsNoEmergency(string text) =>
        Assert.DoesNotContain(Detector.Detect(text), h => h.Level == DispositionLevel.Emergency);

    [Theory]
    [InlineData("no pain in my foot but my leg is weak")]
    [InlineData("I have no fever, and my leg is weak")]
    public void Detect_NegationBeforeContrastOrNewClause_DoesNotReachTheSymptom(string text) =>
        Assert.Contains(Detector.Detect(text), h => h.RuleId == "weakness");

    [Fact]
    public void Detect_Hit_SpansTheMatchedWordsInTheOriginalText()
    {
        const string text = "Hi there. Since Monday I can’t control my bladder at all.";

        var hit = Assert.Single(Detector.Detect(text));

        Assert.Equal("can’t control my bladder", text.Substring(hit.Start, hit.Length));
        Assert.Equal("HAZ-ces", hit.Hazard);
        Assert.Equal(DispositionLevel.Emergency, hit.Level);
    }

    [Fact]
    public void Detect_SeveralRules_ReturnsHitsInTextOrder()
    {
        var hits = Detector.Detect("My leg is weak. I want to kill myself. I can't control my bladder.");

        Assert.Equal(["weakness", "self-harm", "ces"], hits.Select(h => h.RuleId));
        Assert.True(hits[0].Start < hits[1].Start && hits[1].Start < hits[2].Start);
    }

    [Fact]
    public void Detect_RuleMatchedTwice_ReturnsOneHitAtTheFirstPlace()
    {
        var hits = Detector.Detect("bladder leaking. Later: I can't control my bladder");

        var hit = Assert.Single(hits);
        Assert.Equal(0, hit.Start);
    }

    [Theory]
    [InlineData("control", "controll", true)]
    [InlineData("numbness", "numbess", true)]
    [InlineData("groin", "grion", true)]
    [InlineData("bladder", "bladdder", true)]
    [InlineData("bladder", "ladder", false)]
    [InlineData("cancer", "cancel", false)]
    [InlineData("infection", "injection", false)]
    [InlineData("stool", "stood", false)]
    [InlineData("hands", "hand", false)]
    [InlineData("numbness", "numbnes", true)]
    [InlineData("cant", "cnat", true)]
    [InlineData("numb", "dumb", false)]
    [InlineData("leg", "legs", true)]
    [InlineData("legs", "leg", false)]
    [InlineData("leak", "leaking", true)]
    [InlineData("leak", "leaked", true)]
    [InlineData("wipe", "wiping", true)]
    [InlineData("wipe", "wiped", true)]
    [InlineData("drop", "dropped", true)]
    [InlineData("carry", "carried", true)]
    [InlineData("numb", "number", false)]
    [InlineData("leaking", "leak", false)]
    [InlineData("wee", "weed", false)]
    [InlineData("seventyplus", "81", true)]
    [InlineData("seventyplus", "69", false)]
    [InlineData("fiftyplus", "52", true)]
    [InlineData("fiftyplus", "500", false)]
    public void WordMatch_TextWord_MatchesPhraseWordAsExpected(string phraseWord, string textWord, bool matches) =>
        Assert.Equal(matches, Detection.WordMatch.Matches(phraseWord, new Detection.Token(textWord, 0, textWord.Length, 0, false)));

    [Theory]
    [InlineData("I can't walk", "i|cant|walk")]
    [InlineData("I can not walk", "i|cant|walk")]
    [InlineData("He DOES NOT know", "he|doesnt|know")]
    [InlineData("husband’s legs", "husbands|legs")]
    [InlineData("self-harm", "self|harm")]
    [InlineData("nope - leaking", "nope|leaking")]
    [InlineData("cnt feel nothin", "cant|feel|nothing")]
    [InlineData("idk, wanna die rn", "i|dont|know|want|to|die|right|now")]
    [InlineData("pins n needles", "pins|and|needles")]
    [InlineData("pissed meself", "pissed|myself")]
    [InlineData("kill my self", "kill|myself")]
    [InlineData("cannae feel a thing doon below", "cant|feel|a|thing|down|below")]
    [InlineData("ain't been able to pee", "cant|pee")]
    [InlineData("I haven't been able to pass water", "i|cant|pass|water")]
    [InlineData("she is unable to stand", "she|is|cant|stand")]
    [InlineData("not being able to control", "cant|control")]
    [InlineData("i havent really been able to tell", "i|cant|tell")]
    [InlineData("I no able to walk", "i|cant|walk")]
    [InlineData("I no can feel my legs", "i|cant|feel|my|legs")]
    [InlineData("he wasn't able to wee", "he|couldnt|wee")]
    [InlineData("not able, to be honest", "not|able|to|be|honest")]
    [InlineData("pins & needles", "pins|and|needles")]
    [InlineData("came on outta nowhere tbh", "came|on|out|of|nowhere|tbh")]
    public void Tokenize_Text_NormalizesWords(string text, string expected) =>
        Assert.Equal(expected, string.Join("|", Detection.Tokenizer.Tokenize(text).Select(t => t.Text)));

    private static RedFlagRule Rule(string id, DispositionLevel level) =>
        new(id, $"HAZ-{id}", [$"prompt.redflag.{id}"], level, $"advice.redflag.{id}", $"prompt.check.{id}");
}
