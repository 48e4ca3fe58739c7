using TriageBot.Content.Detection;
using TriageBot.Content.Model;
using TriageBot.Content.Tests.Support;

namespace TriageBot.Content.Tests;

/// <summary>
/// The free-text net's sixth pass, one mechanism per test, read by the real red-flags.yaml and context.yaml with
/// sentences of our own (none from a phrasing set): the person a carer names is the patient when their age or their
/// back is given; friends' words used to address the bot; the writer's own words inside a concept; clinicians' "?";
/// a bare age; third-person self-introductions; emoji; interpreters; over-polite requests; and the look-alikes the
/// pass keeps quiet (src/TriageBot.Content/Detection/README.md, sixth pass).
/// </summary>
public sealed class SixthPassTests
{
    private static readonly Lazy<RedFlagTable> Table = new(() => ContentLoader.ReadRedFlags(RepoPaths.RedFlags));

    [Theory]
    [InlineData("my granddad 83 has a horrible belly ache right through to his back", "aaa")]
    [InlineData("my aunt, 74 years old, tripped over the cat and can hardly move", "fragility-fracture")]
    [InlineData("my 88 year old mum slid off the sofa onto the floor this morning", "fragility-fracture")]
    public void NamedPatient_AnAgeGivenBesideTheName_MakesThatPersonThePatient(string text, string rule) => AssertPresent(text, rule);

    [Theory]
    [InlineData("my partner has wet himself twice and his back is killing him", "ces")]
    [InlineData("my son's back went on Saturday and now he can't feel his legs", "ces")]
    [InlineData("she keeps dropping her cup with both hands and she has had back pain all week", "myelopathy")]
    public void NamedPatient_TheirBackHurtingNow_MakesThemThePatient(string text, string rule) => AssertPresent(text, rule);

    [Theory]
    [InlineData("my brother is 72 and had a heart attack in 2015", "chest-pain", MentionReason.Historical)]
    [InlineData("my dad is 84 and his tummy is pulsing, I'm 50 and just stiff", "aaa", MentionReason.Ambiguous)]
    [InlineData("my neighbour's wound went red after his back op, my back is sore from helping him", "post-op", MentionReason.Other)]
    public void NamedPatient_ThePastOrAWriterWhoSetsTheirOwnBackApart_IsStillAsked(string text, string rule, MentionReason reason) =>
        AssertMention(text, rule, reason);

    [Theory]
    [InlineData("mate I can't feel my legs properly since this morning", "ces")]
    [InlineData("sis my chest is so tight I can hardly breathe", "chest-pain")]
    public void Address_FriendsWordsSpokenToTheBot_NameNobodyElse(string text, string rule) => AssertPresent(text, rule);

    [Fact]
    public void Address_AFriendWithAWordBeforeIt_IsSomeoneElse() =>
        AssertMention("my mate came off his motorbike at the lights", "trauma", MentionReason.Other);

    [Fact]
    public void WritersOwn_AConceptThatSaysMy_IsTheWritersWhoeverElseIsNamed() =>
        AssertPresent("the goalkeeper landed right on my spine and I can't get up", "trauma");

    [Fact]
    public void Shorthand_AQuestionMarkAfterACommaIsASuspectedDiagnosis_NotAQuestion() =>
        AssertPresent("pt is my dad, no urine passed since last night, ? cauda equina", "ces");

    [Theory]
    [InlineData("old girl here, 81, tummy pain and back pain since tea time", "aaa")]
    [InlineData("grandad here, 90 next month, took a tumble off the step", "fragility-fracture")]
    public void SelfIntroduction_AndAnAgeNextMonth_AreTheWritersOwnAndNow(string text, string rule) => AssertPresent(text, rule);

    [Fact]
    public void BareAge_BeforeAUnit_IsAQuantityNotAnAge() =>
        Assert.DoesNotContain(Table.Value.Detector.Read("took 60 mg codeine for my tummy and back pain").Present, h => h.RuleId == "aaa");

    [Theory]
    [InlineData("my 🍑 is numb and I can't 💦", "ces")]
    [InlineData("🤒 and shaking all night and my back is in bits", "fever")]
    public void Emoji_ForBodyPartsAndThings_AreReadAsTheirWords(string text, string rule) => AssertPresent(text, rule);

    [Theory]
    [InlineData("I translate for my grandmother, she says she has wet herself since lunch", "ces")]
    [InlineData("my husband does not speak English, he says his legs gave way this morning", "weakness-severe")]
    public void Interpreter_TheWordsOfThePatientBesideThem_ArePresent(string text, string rule) => AssertPresent(text, rule);

    [Fact]
    public void Polite_ARequestWithIf_IsNotAHypothetical() =>
        AssertPresent("I should be very grateful if you could help, as my legs keep giving way", "weakness-severe");

    [Theory]
    [InlineData("I have lost a stone with out meaning to", "weight-loss")]
    [InlineData("my stomack is throbbing like a heartbeat", "aaa")]
    [InlineData("the wound from my spine op dey bring out water", "post-op")]
    [InlineData("a keke jam me this morning and my back is agony", "trauma")]
    [InlineData("my left hand has got no strength to hold the kettle this week", "weakness")]
    [InlineData("I'm walking like I've had a few beers and I'm sober as a judge", "myelopathy")]
    public void Spellings_WordsWrittenAsTheySoundOrSaid_AreRead(string text, string rule) => AssertPresent(text, rule);

    [Theory]
    [InlineData("my neck goes numb at the desk but it wears off when I walk around", "ces")]
    public void LookAlike_ANumbnessThatPassesOnMoving_IsAskedNotRaised(string text, string rule) =>
        Assert.DoesNotContain(Table.Value.Detector.Read(text).Present, h => h.RuleId == rule);

    [Theory]
    [InlineData("the biopsy was a cancer scare but it turned out benign")]
    [InlineData("my arms and legs are strong, just an aching lower back")]
    public void LookAlike_AScareAndStrongLimbs_RaiseNothingUrgent(string text) =>
        Assert.DoesNotContain(Table.Value.Detector.Read(text).Present, h => h.Level <= DispositionLevel.Urgent);

    [Theory]
    [InlineData("with out", "without")]
    [InlineData("she been havin pain", "she been having pain")]
    public void Tokens_RunTogetherAndDroppedG_AreWrittenOut(string text, string expected) =>
        Assert.Equal(expected, string.Join(' ', Tokenizer.Tokenize(text).Select(t => t.Text)));

    private static void AssertPresent(string text, string rule) => ReadingAssert.Present(Table.Value.Detector, text, rule);

    private static void AssertMention(string text, string rule, MentionReason reason) =>
        ReadingAssert.Mention(Table.Value.Detector, text, rule, reason);
}
