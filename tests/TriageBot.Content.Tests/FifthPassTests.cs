using TriageBot.Content.Detection;
using TriageBot.Content.Model;
using TriageBot.Content.Tests.Support;

namespace TriageBot.Content.Tests;

/// <summary>
/// The free-text net's fifth pass, one mechanism per test, read by the real red-flags.yaml and context.yaml with
/// sentences of our own (none from a phrasing set): a past the writer says is over, the patient beside the writer,
/// family words of other languages and reported speech, months and decades gone by, questions without their mark,
/// ages in words and lexicon words typed in two pieces (src/TriageBot.Content/Detection/README.md, fifth pass).
/// </summary>
public sealed class FifthPassTests
{
    private static readonly Lazy<RedFlagTable> Table = new(() => ContentLoader.ReadRedFlags(RepoPaths.RedFlags));

    [Theory]
    [InlineData("I tried to take my own life when I was nineteen but I'm in a good place now", "self-harm")]
    [InlineData("I had an aneurysm in my tummy that was repaired in 2019", "aaa")]
    public void Resolved_APastKeptRuleThatTheWriterSaysIsOver_IsAskedNotRaised(string text, string rule) =>
        AssertMention(text, rule, MentionReason.Historical);

    [Theory]
    [InlineData("I tried to take my own life when I was nineteen and the thoughts are back this week", "self-harm")]
    [InlineData("the scan last year showed an aneurysm in my tummy and now my back is agony", "aaa")]
    public void Resolved_NotSaid_TheKeptRuleStaysPresent(string text, string rule) => AssertPresent(text, rule);

    [Theory]
    [InlineData("my husband is next to me, he has wet himself twice today", "ces")]
    [InlineData("Grandad's with me now, his legs keep giving way", "weakness-severe")]
    [InlineData("I am helping my aunt type, she cannot pass urine since morning", "ces")]
    public void Carers_ThePatientBesideTheWriter_IsPresent(string text, string rule) => AssertPresent(text, rule);

    [Theory]
    [InlineData("my abuela had cancer of the bowel", "cancer")]
    [InlineData("my neighbour told me she wants to end it all", "self-harm")]
    public void Other_FamilyWordsOfOtherLanguagesAndReportedSpeech_AreMentions(string text, string rule) =>
        AssertMention(text, rule, MentionReason.Other);

    [Theory]
    [InlineData("had a water infection with a fever in February, cleared now", "fever")]
    [InlineData("broke my back in my forties and it healed", "trauma")]
    [InlineData("my bum went numb on the long flight but it wore off as soon as I got up", "ces")]
    public void Historical_MonthsDecadesAndAResolutionMidClause_AreMentions(string text, string rule) =>
        AssertMention(text, rule, MentionReason.Historical);

    [Fact]
    public void Historical_NeverBefore_IsNewAndPresent() =>
        AssertPresent("I can feel a pulse beating in my belly, never noticed it before", "aaa");

    [Theory]
    [InlineData("can a slipped disc cause you to lose control of your bladder", "ces")]
    [InlineData("does the flu jab give you a fever", "fever")]
    public void Question_AnAuxiliaryAndAnArticle_IsAQuestionWithoutItsMark(string text, string rule) =>
        AssertMention(text, rule, MentionReason.Question);

    [Fact]
    public void Question_AStatementThatDropsItsI_StaysPresent() => AssertPresent("can't feel anything down below since the fall", "ces");

    [Theory]
    [InlineData("I'm seventy-nine and I slid off the bed onto the floor", "fragility-fracture")]
    [InlineData("I have osteo porosis and I tripped on the step", "fragility-fracture")]
    [InlineData("I've been in continent of urine since last night", "ces")]
    public void Tokens_AgesInWordsAndSplitLexiconWords_AreRead(string text, string rule) => AssertPresent(text, rule);

    [Theory]
    [InlineData("night time", new[] { "night", "time" })]
    [InlineData("whip lash", new[] { "whiplash" })]
    [InlineData("osteo porosis", new[] { "osteoporosis" })]
    [InlineData("osteo, porosis", new[] { "osteo", "porosis" })]
    public void Tokens_SplitWords_JoinOnlyIntoALexiconWordNotMadeOfTwo(string text, string[] expected)
    {
        var split = new SplitWords(["nighttime", "night", "time", "whiplash", "osteoporosis", "osteo"]);

        Assert.Equal(expected, split.Join(Tokenizer.Tokenize(text)).Select(t => t.Text));
    }

    private static void AssertPresent(string text, string rule) => ReadingAssert.Present(Table.Value.Detector, text, rule);

    private static void AssertMention(string text, string rule, MentionReason reason) =>
        ReadingAssert.Mention(Table.Value.Detector, text, rule, reason);
}
