using TriageBot.Dialogs.Flow;
using Xunit.Abstractions;
using static TriageBot.Dialogs.ContentKeys;
using static TriageBot.Dialogs.Tests.TriageChat;

namespace TriageBot.Dialogs.Tests;

/// <summary>
/// The clinical review's remaining items (issue 9, items 1, 4 and 5), as conversations: where the pain is comes
/// before the warning signs and takes several places (A2), the welcome's question count is true (A3), serious injury
/// has a 2-week window, "I fell" is not a yes and an older injury nobody checked is urgent (C12), a polite "I don't
/// think so" on an emergency question is asked about once (C22), thoughts of self-harm are summarised as urgent mental
/// health support (review D), and inflammatory back pain counts when the pain started before 45 (NICE NG65).
/// </summary>
public sealed class ClinicalReviewFollowUpTests(ITestOutputHelper output)
{
    // --- A2: where the pain is, before the screen, several places ------------------------------------------------

    [Fact]
    public async Task PainPlaces_AreAskedRightAfterAge_BeforeAnyWarningSign()
    {
        var chat = new TriageChat();
        await chat.ConsentAsync();

        var replies = await chat.SayAsync("30");

        Print(chat);
        Assert.Equal([chat.Q(Prompt.Pain.Location)], Texts(replies));
    }

    [Theory]
    [InlineData(Tap.ImBack)]
    [InlineData(Tap.PostBack)]
    public async Task NeckAndUpperBack_TappedOneAtATime_AreBothRecorded_AndNewUpperBackPainIsUrgent(Tap tap)
    {
        var chat = new TriageChat();
        await chat.ConsentAsync();
        await chat.SayAsync("30");

        var more = await TapAsync(chat, tap, Prompt.Pain.Location, "neck");
        Assert.Equal([chat.Q(Prompt.Pain.LocationMore)], Texts(more));
        Assert.DoesNotContain(chat.Title(Prompt.Pain.Location, "neck"), Buttons(more));
        await TapAsync(chat, tap, Prompt.Pain.LocationMore, "upper-back");
        var firstWarningSign = await TapAsync(chat, tap, Prompt.Pain.LocationMore, "done");
        Assert.Equal([chat.Q(Prompt.RedFlag.SuddenSevere)], Texts(firstWarningSign));
        await chat.AnswerScreenAsync(firstWarningSign);
        await chat.PainAsync(duration: "3 weeks");
        var summary = await chat.FinishAsync();

        Print(chat);
        Assert.True(chat.WasAsked(Prompt.RedFlag.NeckVascular), "neck pain: the neck artery question is asked");
        Assert.Contains(chat.Turns, t => t.Bot.Any(b => b.Contains("[triage.outcome: urgent; HAZ-THORACIC]", StringComparison.Ordinal)));
        Assert.Contains(chat.T(ContentKeys.Summary.Pain,
            (Args.Location, $"{chat.Title(Prompt.Pain.Location, "neck")}, {chat.Title(Prompt.Pain.Location, "upper-back")}"),
            (Args.Spread, chat.Title(Prompt.Pain.Spread, "none")), (Args.Score, "5"),
            (Args.Duration, chat.Title(Prompt.Pain.Duration, "under-6-weeks"))), summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlacesTypedTogether_NeckAndLowerBack_AreBothRecorded_ThenAnywhereElseIsAsked()
    {
        var chat = new TriageChat();
        await chat.ConsentAsync();
        await chat.SayAsync("30");

        var replies = await chat.SayAsync("my neck and lower back");
        Assert.Equal([chat.Q(Prompt.Pain.LocationMore)], Texts(replies));
        Assert.Equal([chat.Title(Prompt.Pain.Location, "upper-back"), chat.Title(Prompt.Pain.LocationMore, "done")], Buttons(replies));
        replies = await chat.SayAsync("that's all");
        await chat.AnswerScreenAsync(replies);
        await chat.PainAsync();
        var summary = await chat.FinishAsync();

        Print(chat);
        Assert.Contains($"{chat.Title(Prompt.Pain.Location, "neck")}, {chat.Title(Prompt.Pain.Location, "lower-back")}", summary, StringComparison.Ordinal);
        Assert.True(chat.WasAsked(Prompt.RedFlag.Myelopathy));
    }

    [Fact]
    public async Task WholeBackTyped_RecordsTheUpperBack_SoLongStandingPainAtFiftyIsUrgent_SaidInTheScreen()
    {
        var chat = new TriageChat();
        await chat.ConsentAsync();
        await chat.SayAsync("52");
        await chat.SayAsync("my whole back");

        var replies = await chat.SayAsync("no");

        Print(chat);
        Assert.Equal([chat.T(Advice.Combined.UpperBack), chat.SourcesLine(Advice.Combined.UpperBack), chat.Q(Prompt.RedFlag.SuddenSevere)], Texts(replies));
    }

    [Fact]
    public async Task LowerBackPainOnly_IsNeverAskedTheNeckOnlyQuestions()
    {
        var chat = new TriageChat();
        await chat.StartAndScreenAsync();

        Print(chat);
        Assert.False(chat.WasAsked(Prompt.RedFlag.Myelopathy));
        Assert.False(chat.WasAsked(Prompt.RedFlag.MyelopathyWalking));
        Assert.False(chat.WasAsked(Prompt.RedFlag.NeckVascular));
        Assert.True(chat.WasAsked(Prompt.RedFlag.Stroke), "stroke signs are asked of everyone");
    }

    [Fact]
    public async Task PainPlaceNotUnderstood_StillAsksTheNeckQuestions_AndRecordsNoPlace()
    {
        var chat = new TriageChat();
        await chat.ConsentAsync();
        await chat.SayAsync("30");
        var replies = await chat.SayAsync("purple");
        for (var tries = 0; tries < 5 && !chat.WasAsked(Prompt.RedFlag.SuddenSevere); tries++)
        {
            replies = await chat.SayAsync("purple");
        }

        await chat.AnswerScreenAsync(replies);

        Print(chat);
        Assert.True(chat.WasAsked(Prompt.RedFlag.Myelopathy));
        Assert.True(chat.WasAsked(Prompt.RedFlag.NeckVascular));
    }

    [Fact]
    public async Task UpperBackPain_LongStanding_UnderFifty_IsRoutine_NotSameDay()
    {
        var chat = new TriageChat();
        await chat.StartAndScreenAsync((Prompt.Pain.Location, "upper back"));
        await chat.PainAsync(duration: "2 years");
        await chat.FinishAsync();

        Print(chat);
        Assert.Contains(chat.Turns, t => t.Bot.Any(b => b.StartsWith("[triage.outcome: routine", StringComparison.Ordinal)));
        Assert.DoesNotContain(chat.Turns, t => t.Bot.Contains(chat.T(Advice.Combined.UpperBack)));
    }

    // --- A3: the welcome's question count ----------------------------------------------------------------------

    /// <summary>
    /// The shortest ordinary triage (30, lower back only, no to everything, no referral) and a long one (72, pain in
    /// every place for over a year, no to everything, a referral) both fall within the count the welcome says.
    /// </summary>
    [Fact]
    public async Task WelcomeQuestionCount_CoversTheShortestAndALongOrdinaryTriage()
    {
        var shortest = new TriageChat();
        await shortest.StartAndScreenAsync();
        await shortest.PainAsync();
        await shortest.FinishAsync();

        var longer = new TriageChat();
        await longer.StartAndScreenAsync((Prompt.Screen.Age, "72"), (Prompt.Pain.Location, "neck, upper back and lower back"));
        await longer.PainAsync(duration: "2 years", onsetBefore45: "no");
        await longer.SayAsync("no");
        await longer.SayAsync(longer.Title(Prompt.Treatments.Pick, "painkillers"));
        await longer.SayAsync(longer.Title(Prompt.Treatments.More, "done"));
        await longer.SayAsync(longer.Title(Prompt.Treatments.Helped, "no"));
        await longer.SayAsync(longer.Title(Prompt.Education.Menu, "done"));
        foreach (var answer in new[] { "yes", "I'd rather type", "Pat Doe", "pat@example.org", longer.Title(Prompt.Referral.Time, "any"), "yes" })
        {
            await longer.SayAsync(answer);
        }

        // Every message after "hi" answers one question ("I'd rather type" swaps the referral form for its questions).
        var fewest = shortest.Turns.Count - 1;
        var most = longer.Turns.Count - 2;
        var said = System.Text.RegularExpressions.Regex.Matches(shortest.T(Welcome.QuestionCount), "[0-9]+").Select(m => int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        output.WriteLine($"shortest ordinary triage: {fewest} questions; long one: {most}; the welcome says {string.Join(" to ", said.Take(2))}");
        Assert.True(said.Count >= 2, "the welcome gives a range");
        Assert.InRange(fewest, said[0], said[1]);
        Assert.InRange(most, said[0], said[1]);
        Assert.Contains(longer.Turns, t => t.Bot.Any(b => b.Contains("TB-", StringComparison.Ordinal)));
    }

    // --- C12: serious injury, "I fell", an older injury nobody checked -------------------------------------------

    [Fact]
    public async Task IFell_AtTheSeriousInjuryQuestion_IsNotAYes_TheReAskSaysWhatCounts()
    {
        var chat = new TriageChat();
        await chat.ScreenUntilAsync(Prompt.RedFlag.Trauma);

        var replies = await chat.SayAsync("I fell");

        Print(chat);
        Assert.Null(Outcome(replies));
        Assert.StartsWith("Was it a serious fall, like from a height or down stairs?", Texts(replies)[^1], StringComparison.Ordinal);
        Assert.Equal([chat.Q(Prompt.Screen.OldInjury)], Texts(await chat.SayAsync("no")));
    }

    [Theory]
    [InlineData(Tap.ImBack)]
    [InlineData(Tap.PostBack)]
    public async Task OlderSeriousAccidentNobodyChecked_IsUrgent_WithItsOwnAdviceAtOnce(Tap tap)
    {
        var chat = new TriageChat();
        await chat.ScreenUntilAsync(Prompt.Screen.OldInjury);

        var replies = await TapAsync(chat, tap, Prompt.Screen.OldInjury, Choices.Yes);
        Assert.Equal(chat.T(Advice.Combined.OldInjury), Texts(replies)[0]);
        await chat.AnswerScreenAsync(replies);
        await chat.PainAsync();
        await chat.FinishAsync();

        Print(chat);
        Assert.Contains(chat.Turns, t => t.Bot.Any(b => b.Contains("[triage.outcome: urgent; HAZ-FRACTURE]", StringComparison.Ordinal)));
        Assert.Single(chat.Turns.SelectMany(t => t.Bot).Concat(tap == Tap.PostBack ? Texts(replies) : []), b => b == chat.T(Advice.Combined.OldInjury));
    }

    // --- C22: "I don't think so" on an emergency question ------------------------------------------------------

    [Theory]
    [InlineData(Tap.ImBack)]
    [InlineData(Tap.PostBack)]
    public async Task IDontThinkSo_AtChestPain_IsAskedOnce_AndANoThenStands(Tap tap)
    {
        var chat = new TriageChat();
        await chat.ScreenUntilAsync(Prompt.RedFlag.ChestPain);

        var check = await chat.SayAsync("I don't think so");
        Assert.Equal([chat.Q(Prompt.Screen.HedgeCheck)], Texts(check));
        var replies = await TapAsync(chat, tap, Prompt.Screen.HedgeCheck, Choices.No);

        Print(chat);
        Assert.Null(Outcome(replies));
        Assert.Equal([chat.Q(Prompt.RedFlag.Breathless)], Texts(replies));
    }

    [Theory]
    [InlineData(Prompt.RedFlag.SuddenSevere)]
    [InlineData(Prompt.RedFlag.ChestPain)]
    [InlineData(Prompt.RedFlag.Stroke)]
    [InlineData(Prompt.RedFlag.Trauma)]
    public async Task IDontThinkSo_Twice_OnAnEmergencyQuestion_CountsAsNotSure_AnEmergency(string prompt)
    {
        var chat = new TriageChat();
        await chat.ScreenUntilAsync(prompt);

        await chat.SayAsync("don't think so");
        var replies = await chat.SayAsync("I don't think so");

        Print(chat);
        Assert.Equal("emergency", Outcome(replies)?.Level);
    }

    [Fact]
    public async Task IDontThinkSo_ThenYes_AtTheNeckArteryQuestion_IsAnEmergency()
    {
        var chat = new TriageChat();
        await chat.ScreenUntilAsync(Prompt.RedFlag.NeckVascular, location: "neck");

        await chat.SayAsync("I don't believe so");
        var replies = await chat.SayAsync("yes");

        Print(chat);
        Assert.Equal("emergency", Outcome(replies)?.Level);
        Assert.Contains("HAZ-NECK-VASCULAR", Outcome(replies)!.Reasons);
    }

    [Fact]
    public async Task IDontThinkSo_AtACaudaEquinaQuestion_IsNotSureAtOnce_TheLowThresholdStays()
    {
        var chat = new TriageChat();
        await chat.ScreenUntilAsync(Prompt.RedFlag.CesBladder);

        var replies = await chat.SayAsync("I don't think so");

        Print(chat);
        Assert.False(chat.WasAsked(Prompt.Screen.HedgeCheck));
        Assert.Equal("emergency", Outcome(replies)?.Level);
        Assert.Contains("HAZ-CES", Outcome(replies)!.Reasons);
    }

    [Theory]
    [InlineData("en-GB", Prompt.RedFlag.WeaknessRapid, Tap.ImBack)]
    [InlineData("en-GB", Prompt.RedFlag.WeaknessBoth, Tap.PostBack)]
    [InlineData("en-GB", Prompt.RedFlag.WeaknessSudden, Tap.ImBack)]
    [InlineData("en-US", Prompt.RedFlag.WeaknessRapid, Tap.PostBack)]
    [InlineData("en-US", Prompt.RedFlag.WeaknessBoth, Tap.ImBack)]
    [InlineData("en-US", Prompt.RedFlag.WeaknessSudden, Tap.PostBack)]
    public async Task IDontThinkSo_AtAWeaknessFollowUp_IsAskedOnce_AndANoThenStands_NewWeaknessStaysSameDay(string locale, string followUp, Tap tap)
    {
        var chat = new TriageChat(locale);
        await FollowUpAfterYesAsync(chat, Prompt.RedFlag.Weakness, followUp);

        var check = await chat.SayAsync("I don't think so");
        Assert.Equal([chat.Q(Prompt.Screen.HedgeCheck)], Texts(check));
        var replies = await TapAsync(chat, tap, Prompt.Screen.HedgeCheck, Choices.No);
        Assert.Null(Outcome(replies));
        await chat.AnswerScreenAsync(replies);
        await chat.PainAsync();
        var summary = await chat.FinishAsync();

        Print(chat);
        Assert.Contains(chat.Turns, t => t.Bot.Contains("[triage.outcome: urgent; HAZ-NEURO]"));
        Assert.Contains(chat.T(ContentKeys.Summary.Outcome, (Args.Outcome, chat.T(ContentKeys.Outcome.Urgent))), summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-GB", Prompt.RedFlag.WeaknessRapid, "HAZ-NEURO")]
    [InlineData("en-GB", Prompt.RedFlag.WeaknessBoth, "HAZ-NEURO")]
    [InlineData("en-GB", Prompt.RedFlag.WeaknessSudden, "HAZ-NECK-VASCULAR")]
    [InlineData("en-US", Prompt.RedFlag.WeaknessRapid, "HAZ-NEURO")]
    [InlineData("en-US", Prompt.RedFlag.WeaknessBoth, "HAZ-NEURO")]
    [InlineData("en-US", Prompt.RedFlag.WeaknessSudden, "HAZ-NECK-VASCULAR")]
    public async Task IDontThinkSo_Twice_AtAWeaknessFollowUp_CountsAsNotSure_AnEmergency(string locale, string followUp, string hazard)
    {
        var chat = new TriageChat(locale);
        await FollowUpAfterYesAsync(chat, Prompt.RedFlag.Weakness, followUp);

        await chat.SayAsync("I don't think so");
        var replies = await chat.SayAsync("don't believe so");

        Print(chat);
        Assert.Equal("emergency", Outcome(replies)?.Level);
        Assert.Contains(hazard, Outcome(replies)!.Reasons);
    }

    [Theory]
    [InlineData("en-GB", Tap.ImBack)]
    [InlineData("en-US", Tap.PostBack)]
    public async Task IDontThinkSo_AtTheSignsOfMeningitisOrSepsis_AfterAFever_IsAskedOnce_AndANoThenStands_TheFeverStaysSameDay(string locale, Tap tap)
    {
        var chat = new TriageChat(locale);
        await FollowUpAfterYesAsync(chat, Prompt.RedFlag.Fever, Prompt.RedFlag.FeverSevere);

        var check = await chat.SayAsync("I don't think so");
        Assert.Equal([chat.Q(Prompt.Screen.HedgeCheck)], Texts(check));
        var replies = await TapAsync(chat, tap, Prompt.Screen.HedgeCheck, Choices.No);
        Assert.Equal([chat.Q(Prompt.RedFlag.Immune)], Texts(replies));
        await chat.AnswerScreenAsync(replies);
        await chat.PainAsync();
        await chat.FinishAsync();

        Print(chat);
        Assert.Contains(chat.Turns, t => t.Bot.Contains("[triage.outcome: urgent; HAZ-INFECTION]"));
    }

    [Theory]
    [InlineData("en-GB")]
    [InlineData("en-US")]
    public async Task IDontThinkSo_Twice_AtTheSignsOfMeningitisOrSepsis_CountsAsNotSure_AnEmergency(string locale)
    {
        var chat = new TriageChat(locale);
        await FollowUpAfterYesAsync(chat, Prompt.RedFlag.Fever, Prompt.RedFlag.FeverSevere);

        await chat.SayAsync("I don't think so");
        var replies = await chat.SayAsync("I don't think so");

        Print(chat);
        Assert.Equal("emergency", Outcome(replies)?.Level);
        Assert.Equal(chat.T(Advice.Combined.FeverSevere), Texts(replies)[0]);
    }

    [Theory]
    [InlineData("en-GB")]
    [InlineData("en-US")]
    public async Task IDontThinkSo_WhenAskedIfUnwellDuringCancerTreatment_IsNotSureAtOnce_TheLowThresholdStays(string locale)
    {
        var chat = new TriageChat(locale);
        await FollowUpAfterYesAsync(chat, Prompt.RedFlag.Immune, Prompt.Screen.Chemo);
        await chat.SayAsync("yes");

        var replies = await chat.SayAsync("I don't think so");

        Print(chat);
        Assert.False(chat.WasAsked(Prompt.Screen.HedgeCheck));
        Assert.Equal("emergency", Outcome(replies)?.Level);
        Assert.Equal(chat.T(Advice.Combined.ChemoUnwell), Texts(replies)[0]);
    }

    [Fact]
    public async Task NotSureTapped_AtChestPain_IsNotAskedAgain_ItIsAnEmergency()
    {
        var chat = new TriageChat();
        await chat.ScreenUntilAsync(Prompt.RedFlag.ChestPain);

        var replies = await chat.SubmitAsync(Choices.NotSure);

        Print(chat);
        Assert.False(chat.WasAsked(Prompt.Screen.HedgeCheck));
        Assert.Equal("emergency", Outcome(replies)?.Level);
    }

    // --- Self-harm: the summary's outcome ----------------------------------------------------------------------

    [Theory]
    [InlineData("en-GB", "Samaritans on 116 123")]
    [InlineData("en-US", "988")]
    public async Task ThoughtsOfSelfHarm_SummaryNamesUrgentMentalHealthSupport_TheLevelStaysEmergency_WithTheCrisisLine(string locale, string crisisLine)
    {
        var chat = new TriageChat(locale);
        await chat.ConsentAndAgeAsync();

        var replies = await chat.SayAsync("honestly I want to end my life");

        Print(chat);
        Assert.Equal("emergency", Outcome(replies)!.Level);
        Assert.Contains(crisisLine, Texts(replies)[0], StringComparison.Ordinal);
        var summary = Texts(replies).Single(t => t.StartsWith(chat.T(ContentKeys.Summary.Title), StringComparison.Ordinal));
        Assert.Contains(chat.T(ContentKeys.Summary.Outcome, (Args.Outcome, "Urgent mental health support")), summary, StringComparison.Ordinal);
        Assert.DoesNotContain(chat.T(ContentKeys.Outcome.Emergency), summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-GB", "Samaritans on 116 123", "call 999")]
    [InlineData("en-US", "988", "call 911")]
    public async Task ThoughtsOfSelfHarm_TheChatPageIsToldUrgentMentalHealthSupport_WithTheCrisisLine_NotEmergencyCareNow(string locale, string crisisLine, string callEmergency)
    {
        var chat = new TriageChat(locale);
        await chat.ConsentAndAgeAsync();

        var replies = await chat.SayAsync("honestly I want to end my life");

        Print(chat);
        var outcome = Outcome(replies)!;
        Assert.Equal("emergency", outcome.Level);
        Assert.Equal("mental-health", outcome.Outcome);
        Assert.Equal(chat.T(Banner.MentalHealth), outcome.Banner);
        Assert.Contains(crisisLine, outcome.Banner, StringComparison.Ordinal);
        Assert.Contains("If you are in danger now", outcome.Banner, StringComparison.Ordinal);
        Assert.Contains(callEmergency, outcome.Banner, StringComparison.Ordinal);
        Assert.DoesNotContain(chat.T(ContentKeys.Outcome.Emergency), outcome.Banner, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("en-GB", "Samaritans on 116 123", "call 999")]
    [InlineData("en-US", "988", "call 911")]
    public async Task ThoughtsOfSelfHarm_TheLastWordRepeatsTheCrisisLine_AndTheEmergencyNumberOnlyForDangerNow(string locale, string crisisLine, string callEmergency)
    {
        var chat = new TriageChat(locale);
        await chat.ConsentAndAgeAsync();

        var replies = await chat.SayAsync("honestly I want to end my life");

        Print(chat);
        var repeat = chat.T(ContentKeys.Safety.EmergencyRepeatMentalHealth);
        Assert.Contains(repeat, Texts(replies));
        Assert.DoesNotContain(chat.T(ContentKeys.Safety.EmergencyRepeat), Texts(replies));
        Assert.Contains(crisisLine, repeat, StringComparison.Ordinal);
        Assert.Contains($"If you are in danger now, {callEmergency}", repeat, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChestPain_TheChatPageIsToldEmergency_WithNoBannerOfItsOwn()
    {
        var chat = new TriageChat();
        await chat.ScreenUntilAsync(Prompt.RedFlag.ChestPain);

        var replies = await chat.SayAsync("yes");

        Print(chat);
        Assert.Equal("emergency", Outcome(replies)!.Outcome);
        Assert.Null(Outcome(replies)!.Banner);
        Assert.Contains(chat.T(ContentKeys.Safety.EmergencyRepeat), Texts(replies));
    }

    [Fact]
    public void SelfHarmWithAnotherEmergency_IsNamedEmergencyCareNow_AloneOrWithAnUrgentSign_UrgentMentalHealthSupport()
    {
        string Name(params string[] findings) => Outcomes.OutcomeNameKey(Catalog.Evaluate(findings.ToHashSet(StringComparer.Ordinal)));

        Assert.Equal(ContentKeys.Outcome.MentalHealth, Name(Findings.RedFlag(RedFlagIds.SelfHarm)));
        Assert.Equal(ContentKeys.Outcome.MentalHealth, Name(Findings.RedFlag(RedFlagIds.SelfHarm), Findings.RedFlag(RedFlagIds.Fever)));
        Assert.Equal(ContentKeys.Outcome.Emergency, Name(Findings.RedFlag(RedFlagIds.SelfHarm), Findings.RedFlag(RedFlagIds.Ces)));
        Assert.Equal(ContentKeys.Outcome.Emergency, Name(Findings.RedFlag(RedFlagIds.Ces)));
        Assert.Equal(ContentKeys.Outcome.Urgent, Name(Findings.RedFlag(RedFlagIds.Fever)));
    }

    // --- NICE NG65: pain that started before 45 ---------------------------------------------------------------

    [Theory]
    [InlineData(Tap.ImBack)]
    [InlineData(Tap.PostBack)]
    public async Task PainOverTwelveWeeks_AtFiftyTwo_StartedBefore45_WithAFeature_IsRoutine_WithTheNg65Note(Tap tap)
    {
        var chat = new TriageChat();
        await chat.StartAndScreenAsync((Prompt.Screen.Age, "52"));
        await chat.SayAsync(chat.Title(Prompt.Pain.Spread, "none"));
        await chat.SayAsync("5");

        var onset = await chat.SayAsync("years");
        Assert.Equal([chat.Q(Prompt.Screen.OnsetBefore45)], Texts(onset));
        var features = await TapAsync(chat, tap, Prompt.Screen.OnsetBefore45, Choices.Yes);
        Assert.Equal([chat.Q(Prompt.Screen.Inflammatory)], Texts(features));
        await TapAsync(chat, tap, Prompt.Screen.Inflammatory, Choices.Yes);
        await chat.SayAsync(chat.Title(Prompt.Pain.Triggers, "skip"));
        await chat.FinishAsync();

        Print(chat);
        Assert.Contains(chat.Turns, t => t.Bot.Any(b => b.StartsWith("[triage.outcome: routine", StringComparison.Ordinal)));
        Assert.Contains(chat.Turns, t => t.Bot.Contains(chat.T(Advice.Combined.Inflammatory)));
    }

    [Fact]
    public async Task PainOverTwelveWeeks_AtFiftyTwo_StartedAfter45_IsNotAskedTheFeatures_NoNote()
    {
        var chat = new TriageChat();
        await chat.StartAndScreenAsync((Prompt.Screen.Age, "52"));
        await chat.PainAsync(duration: "2 years", onsetBefore45: "no, it started at 50");
        await chat.FinishAsync();

        Print(chat);
        Assert.True(chat.WasAsked(Prompt.Screen.OnsetBefore45));
        Assert.False(chat.WasAsked(Prompt.Screen.Inflammatory));
        Assert.DoesNotContain(chat.Turns, t => t.Bot.Contains(chat.T(Advice.Combined.Inflammatory)));
    }

    [Fact]
    public async Task PainOverTwelveWeeks_Under45_IsNotAskedWhenItStarted_TheFeaturesAreAskedStraightAway()
    {
        var chat = new TriageChat();
        await chat.StartAndScreenAsync();
        await chat.PainAsync(duration: "8 months", stiffness: "yes");
        await chat.FinishAsync();

        Print(chat);
        Assert.False(chat.WasAsked(Prompt.Screen.OnsetBefore45));
        Assert.True(chat.WasAsked(Prompt.Screen.Inflammatory));
        Assert.Contains(chat.Turns, t => t.Bot.Contains(chat.T(Advice.Combined.Inflammatory)));
    }

    [Fact]
    public void InflammatoryQuestionAndNote_NameNg65sFeatures_AndNeverSayTheCriteriaAreMet()
    {
        foreach (var locale in new[] { "en-GB", "en-US" })
        {
            var question = Catalog.Prompt(Prompt.Screen.Inflammatory, locale).Text;
            var note = Catalog.Text(Advice.Combined.Inflammatory, locale);
            Assert.Contains("move", question, StringComparison.Ordinal);
            Assert.Contains("second half of the night", question, StringComparison.Ordinal);
            Assert.DoesNotContain("stiff", question, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("started before you were 45", note, StringComparison.Ordinal);
            Assert.Contains("This does not mean you have it", note, StringComparison.Ordinal);
            Assert.DoesNotContain("you need a referral", note, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("you meet", note, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>
    /// The screen up to <paramref name="lead"/> (no to everything before it), yes to it, then no to anything else until
    /// <paramref name="followUp"/> is the open question.
    /// </summary>
    private static async Task FollowUpAfterYesAsync(TriageChat chat, string lead, string followUp)
    {
        await chat.ScreenUntilAsync(lead);
        var replies = await chat.SayAsync("yes");
        while (!(Texts(replies) is [.., var last] && last.StartsWith(chat.Q(followUp), StringComparison.Ordinal)))
        {
            Assert.True(chat.OpenScreenPrompt(replies) is not null, $"{followUp} was never asked:\n{chat.Transcript()}");
            replies = await chat.SayAsync("no");
        }
    }

    private static Task<IReadOnlyList<Schema.Activity>> TapAsync(TriageChat chat, Tap tap, string prompt, string choice) =>
        tap == Tap.PostBack ? chat.SubmitAsync(choice) : chat.SayAsync(chat.Title(prompt, choice));

    /// <summary>The titles of the buttons on the last reply that has any.</summary>
    private static List<string> Buttons(IReadOnlyList<Schema.Activity> replies) =>
        [.. replies.LastOrDefault(r => r.SuggestedActions?.Actions is { Count: > 0 })?.SuggestedActions?.Actions?.Select(a => a.Title ?? "") ?? []];

    private void Print(TriageChat chat) => output.WriteLine(chat.Transcript());
}
