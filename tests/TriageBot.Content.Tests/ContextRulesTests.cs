using TriageBot.Content.Model;
using TriageBot.Content.Tests.Support;

namespace TriageBot.Content.Tests;

/// <summary>
/// The real context.yaml on a small hand-written lexicon, one context at a time, as patients and carers write:
/// denied concepts are dropped; someone else, the past, "what if" and questions are mentions (the bot asks); clear
/// present first-person statements stay present however they are wrapped.
/// </summary>
public sealed class ContextRulesTests
{
    private static readonly RedFlagDetector Detector = new(
    [
        (Rule("ces", DispositionLevel.Emergency),
        [
            [["bladder", "pee", "wee"], ["can't control", "lost control", "lose control", "leaking", "can't feel", "no control"]],
            [["bum"], ["no feeling", "numb"]],
            [["wet myself", "wet himself", "wet herself", "wet yourself", "wet the bed", "incontinence", "incontinent"]],
            [["numb legs", "legs numb", "can't feel legs"]],
            [["legs"], ["giving way", "feel dead"]],
            [["cauda equina"]],
        ],
        // The mention tier: words of the topic alone are asked about, never raised.
        [
            [["bladder", "toilet", "groin", "down below"]],
            [["both legs", "both sides"], ["numb", "tingling"]],
        ]),
        (Rule("trauma", DispositionLevel.Emergency), [[["car crash", "crashed", "broke back", "fell off", "fractured"]]],
            [[["crash", "fell", "fall", "ladder"], ["unless", "fell asleep", "fall asleep"]]]),
        (Rule("cancer", DispositionLevel.Urgent), [[["cancer", "tumour"]]], []),
        (Rule("self-harm", DispositionLevel.Emergency),
            [[["kill myself", "killed himself", "end it all", "better off without me", "suicidal", "suicide"]]], []),
    ], RealContext.Rules);

    [Theory]
    [InlineData("my legs aren't numb")]
    [InlineData("I haven't lost control of my bladder")]
    [InlineData("my bladder is fine")]
    [InlineData("no problems with my bladder, no leaking")]
    [InlineData("I'm not suicidal")]
    [InlineData("I have never had cancer")]
    [InlineData("the doctor ruled out cauda equina")]
    [InlineData("I haven't had a car crash or anything")]
    public void Negation_DeniedConcept_IsDroppedNotMentioned(string text)
    {
        var reading = Detector.Read(text);

        Assert.Empty(reading.Present);
        Assert.Empty(reading.Mentions);
    }

    [Theory]
    [InlineData("No, I can't control my bladder", "ces")]
    [InlineData("nope - leaking pee since monday", "ces")]
    [InlineData("No my legs are numb", "ces")]
    [InlineData("I'm not sure but I think I'm leaking pee", "ces")]
    [InlineData("I have no idea why my legs are numb", "ces")]
    [InlineData("no pain but my legs are numb", "ces")]
    [InlineData("I have no fever, and my legs are numb", "ces")]
    [InlineData("If things don't get better I'll kill myself", "self-harm")]
    public void Negation_ThatDoesNotReachTheConcept_LeavesItPresent(string text, string rule) => AssertPresent(text, rule);

    [Theory]
    [InlineData("my husband can't feel his legs", "ces")]
    [InlineData("my dad has wet himself", "ces")]
    [InlineData("Mum has wet herself", "ces")]
    [InlineData("my husband's legs are numb", "ces")]
    [InlineData("she can't feel her legs", "ces")]
    [InlineData("he has lost control of his bladder", "ces")]
    [InlineData("my mum had cancer", "cancer")]
    [InlineData("cancer runs in the family", "cancer")]
    [InlineData("there is a family history of cancer", "cancer")]
    [InlineData("my friend crashed his car", "trauma")]
    [InlineData("my brother killed himself", "self-harm")]
    [InlineData("a friend of mine has cauda equina", "ces")]
    [InlineData("my best mate crashed his car", "trauma")]
    [InlineData("my wife lost control of her bladder", "ces")]
    public void Other_SomeoneElsesRedFlag_IsAMentionSoTheBotAsks(string text, string rule) =>
        AssertMention(text, rule, MentionReason.Other);

    [Theory]
    [InlineData("my wife noticed my legs are numb", "ces")]
    [InlineData("my dad says I can't control my bladder", "ces")]
    [InlineData("my legs feel like they are giving way", "ces")]
    [InlineData("My dad had a car crash years ago and now I can't feel my legs", "ces")]
    [InlineData("I'm asking for my dad, he can't feel his legs", "ces")]
    [InlineData("asking for my mum: she has wet herself", "ces")]
    public void Other_FirstPersonStatementOrCarerSpeakingForThePatient_IsPresent(string text, string rule) =>
        AssertPresent(text, rule);

    [Theory]
    [InlineData("I broke my back in 2009, it healed", "trauma")]
    [InlineData("I broke my back, it healed", "trauma")]
    [InlineData("I was in a car crash years ago", "trauma")]
    [InlineData("when I was a teenager I fractured my spine", "trauma")]
    [InlineData("I fell off a ladder a long time ago", "trauma")]
    [InlineData("I used to wet the bed as a child", "ces")]
    [InlineData("I've had numb legs before", "ces")]
    [InlineData("I lost control of my bladder once, it cleared up", "ces")]
    [InlineData("Last year I crashed my bike", "trauma")]
    public void Historical_PastOrResolvedRedFlag_IsAMention(string text, string rule) =>
        AssertMention(text, rule, MentionReason.Historical);

    [Theory]
    [InlineData("I crashed my car this morning", "trauma")]
    [InlineData("I broke my back years ago and now my legs are numb", "ces")]
    [InlineData("my legs have gone numb", "ces")]
    [InlineData("I can't feel my legs but the back pain has gone", "ces")]
    [InlineData("I didn't make it to the toilet, I've wet myself and I never used to", "ces")]
    [InlineData("I had a tumour removed years ago", "cancer")] // ever having had cancer is itself the red flag
    [InlineData("I've thought about suicide in the past", "self-harm")]
    public void Historical_PresentOrKeptRedFlag_StaysPresent(string text, string rule) => AssertPresent(text, rule);

    [Fact]
    public void Historical_ThisYear_IsNotThePast() =>
        AssertPresent($"I crashed my car in {DateTime.UtcNow.Year}", "trauma"); // "in <year>" is a year before this one

    [Theory]
    [InlineData("what if I lose control of my bladder", "ces")]
    [InlineData("if my legs go numb who should I call", "ces")]
    [InlineData("I'm worried about cauda equina", "ces")]
    [InlineData("in case I lose control of my bladder, who do I ring", "ces")]
    [InlineData("my physio said to look out for numb legs", "ces")]
    [InlineData("when you can't control your bladder", "ces")]
    public void Hypothetical_ImaginedRedFlag_IsAMention(string text, string rule) =>
        AssertMention(text, rule, MentionReason.Hypothetical);

    [Theory]
    [InlineData("I'm not sure if my legs are numb", "ces")]
    [InlineData("if I'm honest I can't control my bladder", "ces")]
    [InlineData("it feels as if my legs are numb", "ces")]
    [InlineData("I keep thinking everyone would be better off without me", "self-harm")]
    [InlineData("what should I do I can't control my bladder", "ces")]
    public void Hypothetical_DoubtOrThoughtsOfSelfHarm_StayPresent(string text, string rule) => AssertPresent(text, rule);

    [Theory]
    [InlineData("can sciatica make you wet yourself?", "ces")]
    [InlineData("can back pain cause incontinence", "ces")]
    [InlineData("is it normal to have numb legs", "ces")]
    [InlineData("could it be cauda equina?", "ces")]
    [InlineData("Hi, could sciatica cause bladder leaking?", "ces")]
    [InlineData("I was wondering if sciatica can make you incontinent", "ces")]
    [InlineData("what are the signs of cauda equina", "ces")]
    [InlineData("is losing control of your bladder a sign of cauda equina", "ces")]
    [InlineData("can a tumour cause back pain?", "cancer")]
    public void Question_AboutACondition_IsAMention(string text, string rule) =>
        AssertMention(text, rule, MentionReason.Question);

    [Theory]
    [InlineData("I can't control my bladder, what should I do?", "ces")]
    [InlineData("can you help me I can't control my bladder", "ces")]
    [InlineData("should I go to A&E, I can't feel my legs", "ces")]
    [InlineData("I have numb legs, is that serious?", "ces")]
    [InlineData("I can't feel my legs any ideas?", "ces")]
    [InlineData("should I just end it all?", "self-harm")]
    public void Question_WrappingAPresentStatement_LeavesItPresent(string text, string rule) => AssertPresent(text, rule);

    [Theory]
    [InlineData("why am I wetting myself?", "ces")]
    [InlineData("why can't I control my bladder?", "ces")]
    [InlineData("is it bad that I can't control my bladder?", "ces")]
    [InlineData("is it serious that I've lost control of my bladder", "ces")]
    [InlineData("can you tell me why my legs are giving way?", "ces")]
    [InlineData("how come I can't feel my legs?", "ces")]
    [InlineData("why my legs giving way?", "ces")]
    public void Question_AboutTheWritersOwnStatement_StaysPresent(string text, string rule) => AssertPresent(text, rule);

    [Theory]
    [InlineData("why does sciatica cause incontinence?", "ces")]
    [InlineData("is it bad to lose control of your bladder?", "ces")]
    [InlineData("is it normal that legs are giving way with sciatica?", "ces")]
    public void Question_WhyOrIsItBadWithoutTheWriter_IsStillAMention(string text, string rule)
    {
        var reading = Detector.Read(text);

        Assert.True(reading.Mentions.Any(m => m.RuleId == rule) && reading.Present.Count == 0, $"'{text}': {rule} should be a mention only; read {ReadingAssert.Describe(reading)}");
    }

    [Fact]
    public void Question_AboutTheWritersOwnStatement_IsStillAQuestion() =>
        Assert.True(Detector.Read("why am I wetting myself?").IsQuestion);

    [Theory]
    [InlineData("typing this for my dad, he can't feel his legs", "ces")]
    [InlineData("my mum is sitting next to me, she has wet herself", "ces")]
    [InlineData("I'm his wife, he has lost control of his bladder", "ces")]
    [InlineData("this is for my father, he has wet himself", "ces")]
    [InlineData("my dad is here, he can't feel his legs, I'm asking for him", "ces")]
    [InlineData("my husband says he can't feel his legs, I write for him", "ces")]
    [InlineData("my brother is suicidal, he's sat next to me", "self-harm")]
    public void Other_CarerWhoSaysThePatientIsWithThem_IsPresent(string text, string rule) => AssertPresent(text, rule);

    [Theory]
    [InlineData("the man next door fell off his roof", "trauma")]
    [InlineData("a woman at work crashed her car", "trauma")]
    public void Other_AStranger_IsAMention(string text, string rule) => AssertMention(text, rule, MentionReason.Other);

    [Theory]
    [InlineData("me and my wife crashed the car this morning", "trauma")]
    [InlineData("me and my dad fell off the roof", "trauma")]
    public void Other_WriterAmongThem_IsPresent(string text, string rule) => AssertPresent(text, rule);

    [Theory]
    [InlineData("after my op in 2020 I have been leaking pee", "ces")]
    [InlineData("I've been incontinent since my operation in 2023", "ces")]
    [InlineData("I fell off my bike 2 days before", "trauma")]
    [InlineData("I am crashed my car 3 days before", "trauma")]
    [InlineData("since yesterday I've wet myself", "ces")]
    [InlineData("last night I wet the bed", "ces")]
    public void Historical_OngoingOrRecentAfterAPastMarker_StaysPresent(string text, string rule) => AssertPresent(text, rule);

    [Theory]
    [InlineData("no problem control bladder")]
    [InlineData("no loss of feeling in my bum")]
    [InlineData("no issues control pee")]
    public void Negation_WrappingANegatedSymptom_DeniesIt(string text)
    {
        var reading = Detector.Read(text);

        Assert.True(reading.Present.Count == 0 && reading.Mentions.Count == 0, $"'{text}': should be dropped; read {ReadingAssert.Describe(reading)}");
    }

    [Theory]
    [InlineData("i dont no why i can't control my bladder", "ces")]
    [InlineData("they took a tumour out in 2015 and now my back hurts", "cancer")]
    public void MisspelledKnowOrTheDoctorsThey_LeaveItPresent(string text, string rule) => AssertPresent(text, rule);

    [Theory]
    [InlineData("no control of my bladder", "ces")]
    [InlineData("no feeling in my bum", "ces")]
    [InlineData("no control over my pee since yesterday", "ces")]
    public void Negation_NegatedSymptomOnItsOwn_StaysPresent(string text, string rule) => AssertPresent(text, rule);

    [Fact]
    public void Ambiguous_ConceptPartlyStatedPartlyAsked_IsAMention() =>
        AssertMention("I'm leaking, could it be my bladder?", "ces", MentionReason.Ambiguous);

    [Theory]
    [InlineData("what does a laminectomy involve", true)]
    [InlineData("is it normal?", true)]
    [InlineData("How long will it take", true)]
    [InlineData("that's all", false)]
    [InlineData("I can't walk far", false)]
    [InlineData("can you help me", false)]
    public void Reading_AnyQuestion_IsFlaggedEvenWithoutARedFlag(string text, bool isQuestion) =>
        Assert.Equal(isQuestion, Detector.Read(text).IsQuestion);

    [Fact]
    public void Reading_Mention_SpansTheConceptAndCarriesTheRule()
    {
        const string text = "Not me - my dad has wet himself.";

        var mention = Assert.Single(Detector.Read(text).Mentions);

        Assert.Equal("wet himself", text.Substring(mention.Start, mention.Length));
        Assert.Equal(new RedFlagMention("ces", "HAZ-ces", DispositionLevel.Emergency, MentionReason.Other, mention.Start, mention.Length), mention);
    }

    [Fact]
    public void Reading_RulePresentAndMentioned_IsPresentOnly()
    {
        var reading = Detector.Read("My mum had cancer. I have a tumour.");

        Assert.Equal(["cancer"], reading.Present.Select(h => h.RuleId));
        Assert.Empty(reading.Mentions);
    }

    [Fact]
    public void Detect_Mentions_AreNotPresentHits() =>
        Assert.Empty(Detector.Detect("my dad has wet himself"));

    // Fourth pass: the mention tier (red-flags.yaml `mentions`) and the context mechanisms for dialect, non-native
    // English, the writer set apart from the person they mention, and benign look-alikes. Sentences of our own.

    [Theory]
    [InlineData("my bladder feels a bit odd since the back went", "ces")]
    [InlineData("something's weird down below since Sunday", "ces")]
    [InlineData("tingling on both sides of my body now", "ces")]
    [InlineData("I was up a ladder at work when it started", "trauma")]
    [InlineData("my bladder's not working properly", "ces")]
    public void MentionTier_ATopicWordAlone_IsAskedNeverRaised(string text, string rule) =>
        AssertMention(text, rule, MentionReason.Concept);

    [Theory]
    [InlineData("I've had no trouble at all with my bladder")]
    [InlineData("toilet habits are normal")]
    [InlineData("bladder: fine")]
    [InlineData("I fall asleep on the sofa and wake up stiff")]
    public void MentionTier_DeniedInItsClauseOrNotTheTopic_IsNotAsked(string text) => AssertNothing(text);

    [Fact]
    public void MentionTier_ANegationInAnotherClause_DoesNotSilenceIt() =>
        AssertMention("I don't sleep well, and my bladder feels odd", "ces", MentionReason.Concept);

    [Fact]
    public void MentionTier_SomeoneElsesTopicWord_KeepsTheContextsReason() =>
        AssertMention("my uncle fell down the stairs", "trauma", MentionReason.Other);

    [Fact]
    public void MentionTier_ARedFlagSaidInFull_IsPresentAndNotAlsoAsked()
    {
        var reading = Detector.Read("I can't control my bladder");

        Assert.Equal(["ces"], reading.Present.Select(h => h.RuleId));
        Assert.Empty(reading.Mentions);
    }

    [Theory]
    [InlineData("me butty down the club has a tumour", "cancer")]
    [InlineData("my coworker crashed his van", "trauma")]
    [InlineData("ma faither has a tumour", "cancer")]
    [InlineData("the wife's dad has cancer", "cancer")]
    [InlineData("my sister has MS and her legs are numb", "ces")]
    [InlineData("I work on a cancer ward and my back aches", "cancer")]
    public void Other_DialectFamilyWorkmatesPossessivesAndWork_AreMentions(string text, string rule) =>
        AssertMention(text, rule, MentionReason.Other);

    [Fact]
    public void Other_APossessiveWithNobodyNamed_IsACarerWritingOfThePatient() =>
        AssertPresent("her legs are giving way", "ces");

    [Theory]
    [InlineData("I look after my gran who has cancer, but this is about my own back", "cancer")]
    [InlineData("my pal crashed his car, I'm asking for my own back", "trauma")]
    [InlineData("I'm his carer, he has a tumour, my back hurts from lifting him", "cancer")]
    public void Other_WriterSetApartAsThePatient_NoCarerSpeaks(string text, string rule) =>
        AssertMention(text, rule, MentionReason.Other);

    [Theory]
    [InlineData("I wet the bed when I was pregnant with my first", "ces")]
    [InlineData("I fractured a vertebra as a laddie", "trauma")]
    [InlineData("was in a car crash 2016", "trauma")]
    [InlineData("I wet myself last week but that's long gone", "ces")]
    public void Historical_DialectLifeStagesBareYearsAndLongGone_AreMentions(string text, string rule) =>
        AssertMention(text, rule, MentionReason.Historical);

    [Theory]
    [InlineData("I've been incontinent since 2023", "ces")]
    [InlineData("I can't feel my legs but the pain has gone", "ces")]
    public void Historical_SinceAYearOrANewSubjectAfterBut_StaysPresent(string text, string rule) => AssertPresent(text, rule);

    [Theory]
    [InlineData("say I lost control of my bladder", "ces", MentionReason.Hypothetical)]
    [InlineData("I'm booked in for a scan for a tumour next week", "cancer", MentionReason.Hypothetical)]
    [InlineData("do steroids cause cancer", "cancer", MentionReason.Question)]
    public void HypotheticalAndQuestion_SayIFutureAndDoXCause_AreMentions(string text, string rule, MentionReason reason) =>
        AssertMention(text, rule, reason);

    [Fact]
    public void Negation_MisspelledNegative_StillDenies() => AssertNothing("my legs arnt giving way");

    private static void AssertNothing(string text) => ReadingAssert.Nothing(Detector, text);

    private static void AssertPresent(string text, string rule) => ReadingAssert.Present(Detector, text, rule);

    private static void AssertMention(string text, string rule, MentionReason reason) => ReadingAssert.Mention(Detector, text, rule, reason);

    private static RedFlagRule Rule(string id, DispositionLevel level) =>
        new(id, $"HAZ-{id}", [$"prompt.redflag.{id}"], level, $"advice.redflag.{id}", $"prompt.check.{id}");
}
