using Xunit.Abstractions;
using static TriageBot.Dialogs.ContentKeys;
using static TriageBot.Dialogs.Tests.TriageChat;

namespace TriageBot.Dialogs.Tests;

/// <summary>
/// One transcript per screen question: a yes gets that hazard's own advice at its level, at once, and only once;
/// an emergency ends the interview with the emergency script. Conditional questions are asked only when they apply.
/// </summary>
public sealed class RedFlagScreenTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(Prompt.RedFlag.CesBladder, Advice.RedFlag.Ces, "HAZ-CES")]
    [InlineData(Prompt.RedFlag.CesBowel, Advice.RedFlag.Ces, "HAZ-CES")]
    [InlineData(Prompt.RedFlag.CesSaddle, Advice.RedFlag.Ces, "HAZ-CES")]
    [InlineData(Prompt.RedFlag.CesLegs, Advice.RedFlag.Ces, "HAZ-CES")]
    [InlineData(Prompt.RedFlag.ChestPain, Advice.RedFlag.ChestPain, "HAZ-CARDIAC")]
    [InlineData(Prompt.RedFlag.NeckVascular, Advice.RedFlag.NeckVascular, "HAZ-NECK-VASCULAR")]
    [InlineData(Prompt.RedFlag.Trauma, Advice.RedFlag.Trauma, "HAZ-FRACTURE")]
    public async Task EmergencyScreen_Yes_GivesThatHazardsAdvice_ThenTheNumberAgain_AndStops(string prompt, string advice, string hazard)
    {
        var chat = new TriageChat();

        // Neck pain, so the neck-only questions are asked too.
        var replies = await chat.StartAndScreenAsync((Prompt.Pain.Location, "neck"), (prompt, "yes"));

        Print(chat);
        var texts = Texts(replies);
        Assert.Equal(chat.T(advice), texts[0]);
        Assert.StartsWith("Sources: ", texts[1], StringComparison.Ordinal);
        Assert.Equal(chat.T(ContentKeys.Safety.EmergencyRepeat), texts[2]);
        var outcome = Outcome(replies)!;
        Assert.Equal("emergency", outcome.Level);
        Assert.Contains(hazard, outcome.Reasons);
        Assert.False(chat.WasAsked(Prompt.Pain.Spread));
    }

    [Fact]
    public async Task AorticAneurysm_AskedOnlyFromFifty_TypedAge72_YesIsAnEmergency()
    {
        var young = new TriageChat();
        await young.StartAndScreenAsync((Prompt.Screen.Age, "44"));
        Assert.False(young.WasAsked(Prompt.Screen.AaaKnown));
        Assert.False(young.WasAsked(Prompt.RedFlag.Aaa));

        var chat = new TriageChat();
        var replies = await chat.StartAndScreenAsync((Prompt.Screen.Age, "I'm 72"), (Prompt.Screen.AaaKnown, "yes"), (Prompt.RedFlag.Aaa, "yes"));

        Print(chat);
        Assert.Equal(chat.T(Advice.RedFlag.Aaa), Texts(replies)[0]);
        Assert.Equal("emergency", Outcome(replies)!.Level);
        Assert.Contains("HAZ-AAA", Outcome(replies)!.Reasons);
    }

    /// <summary>Clinical review C9: a known aneurysm and whether this pain is new are two questions, two levels.</summary>
    [Fact]
    public async Task KnownAorticAneurysm_PainNotNew_IsUrgent_WithTheVascularTeamAdvice_AndNoAneurysm_NeverAsksAboutNewPain()
    {
        var none = new TriageChat();
        await none.StartAndScreenAsync((Prompt.Screen.Age, "60"));
        Assert.True(none.WasAsked(Prompt.Screen.AaaKnown));
        Assert.False(none.WasAsked(Prompt.RedFlag.Aaa));

        var chat = new TriageChat();
        await chat.StartAndScreenAsync((Prompt.Screen.Age, "60"), (Prompt.Screen.AaaKnown, "yes"), (Prompt.RedFlag.Aaa, "no"));
        var replies = await FinishAsync(chat);

        Print(chat);
        Assert.Equal(chat.T(Advice.Combined.AaaKnown), chat.RepliesTo(Prompt.Screen.AaaKnown)[0]);
        Assert.StartsWith(chat.Q(Prompt.RedFlag.Aaa), chat.RepliesTo(Prompt.Screen.AaaKnown)[^1], StringComparison.Ordinal);
        Assert.Equal("urgent", Outcome(replies)!.Level);
        Assert.Contains("HAZ-AAA", Outcome(replies)!.Reasons);
        Assert.Single(chat.Turns.SelectMany(t => t.Bot), t => t == chat.T(Advice.Combined.AaaKnown));
    }

    [Fact]
    public async Task PulsingTummy_AtFiftyOrOver_IsUrgent_WithItsOwnAdvice_NotAskedUnderFifty()
    {
        var young = new TriageChat();
        await young.StartAndScreenAsync((Prompt.Screen.Age, "35"));
        Assert.False(young.WasAsked(Prompt.Screen.AaaPulsing));

        var chat = new TriageChat();
        await chat.StartAndScreenAsync((Prompt.Screen.Age, "58"), (Prompt.Screen.AaaPulsing, "yes"));
        var replies = await FinishAsync(chat);

        Print(chat);
        Assert.Equal(chat.T(Advice.Combined.AaaPulsing), chat.RepliesTo(Prompt.Screen.AaaPulsing)[0]);
        Assert.Equal("urgent", Outcome(replies)!.Level);
        Assert.Contains("HAZ-AAA", Outcome(replies)!.Reasons);
    }

    [Fact]
    public async Task AgeNeverUnderstood_OlderPeoplesQuestionsAreAsked_AndUpperBackPainIsGradedAsAtFiftyOrOver()
    {
        var chat = new TriageChat();
        var replies = await chat.ConsentAsync();
        for (var attempt = 0; attempt < 5 && !chat.WasAsked(Prompt.Pain.Location); attempt++)
        {
            replies = await chat.SayAsync("rather not say");
        }

        await chat.AnswerScreenAsync(replies, (Prompt.Pain.Location, "upper back"));
        await chat.PainAsync(duration: "4 months");
        await chat.FinishAsync();

        Print(chat);
        Assert.True(chat.WasAsked(Prompt.Screen.AaaKnown));
        Assert.Contains(chat.Turns, t => t.Bot.Contains("[triage.outcome: urgent; HAZ-THORACIC]"));
    }

    [Theory]
    [InlineData(Prompt.RedFlag.Weakness, Advice.RedFlag.Weakness, "HAZ-NEURO")]
    [InlineData(Prompt.RedFlag.Fever, Advice.RedFlag.Fever, "HAZ-INFECTION")]
    [InlineData(Prompt.RedFlag.Immune, Advice.RedFlag.Immune, "HAZ-INFECTION")]
    [InlineData(Prompt.RedFlag.Cancer, Advice.RedFlag.Cancer, "HAZ-MSCC")]
    [InlineData(Prompt.RedFlag.WeightLoss, Advice.RedFlag.WeightLoss, "HAZ-CANCER")]
    [InlineData(Prompt.RedFlag.NightPain, Advice.RedFlag.NightPain, "HAZ-CANCER")]
    [InlineData(Prompt.RedFlag.Myelopathy, Advice.RedFlag.Myelopathy, "HAZ-DCM")]
    public async Task UrgentScreen_Yes_GivesThatHazardsAdviceAtOnce_AndTheTriageEndsUrgent_WithoutRepeatingIt(string prompt, string advice, string hazard)
    {
        var chat = new TriageChat();
        await chat.StartAndScreenAsync((Prompt.Pain.Location, "neck"), (prompt, "yes"));

        Assert.Equal(chat.T(advice), chat.RepliesTo(prompt)[0]);
        var replies = await FinishAsync(chat);

        Print(chat);
        Assert.Equal("urgent", Outcome(replies)!.Level);
        Assert.Contains(hazard, Outcome(replies)!.Reasons);
        Assert.Equal(chat.T(Advice.Urgent), Texts(replies)[0]);
        Assert.Single(chat.Turns.SelectMany(t => t.Bot), t => t == chat.T(advice));
    }

    [Fact]
    public async Task AnswerNotUnderstoodTwice_AtAnUrgentQuestion_CountsAsYes()
    {
        var chat = new TriageChat();

        await chat.StartAndScreenAsync((Prompt.RedFlag.Fever, "purple"));
        await chat.SayAsync("purple");
        await chat.SayAsync("purple");

        Assert.Contains(chat.T(Advice.RedFlag.Fever), chat.Turns[^1].Bot);
    }

    [Fact]
    public async Task FeverWithSignsOfMeningitisOrSepsis_IsAnEmergency_WithItsOwnAdvice()
    {
        var chat = new TriageChat();

        var replies = await chat.StartAndScreenAsync((Prompt.RedFlag.Fever, "yes"), (Prompt.RedFlag.FeverSevere, "yes"));

        Print(chat);
        Assert.True(chat.WasAsked(Prompt.RedFlag.FeverSevere));
        Assert.Equal(chat.T(Advice.Combined.FeverSevere), Texts(replies)[0]);
        Assert.Equal("emergency", Outcome(replies)!.Level);
        Assert.Contains("HAZ-INFECTION", Outcome(replies)!.Reasons);
    }

    [Fact]
    public async Task WeaknessThatCameOnInMinutes_IsAnEmergency_WithTheStrokeAdvice()
    {
        var chat = new TriageChat();

        var replies = await chat.StartAndScreenAsync((Prompt.RedFlag.Weakness, "yes"), (Prompt.RedFlag.WeaknessSudden, "yes"));

        Print(chat);
        Assert.Equal(chat.T(Advice.Combined.Stroke), Texts(replies)[0]);
        Assert.Equal("emergency", Outcome(replies)!.Level);
        Assert.Contains("HAZ-NECK-VASCULAR", Outcome(replies)!.Reasons);
    }

    /// <summary>Clinical review C5: "getting worse fast" and "both sides" are two questions; both arms is the cord.</summary>
    [Fact]
    public async Task WeaknessInBothArms_NotGettingWorseFast_IsAnEmergency_WithTheSevereWeaknessAdvice()
    {
        var chat = new TriageChat();

        var replies = await chat.StartAndScreenAsync((Prompt.RedFlag.Weakness, "yes"), (Prompt.RedFlag.WeaknessRapid, "no"), (Prompt.RedFlag.WeaknessBoth, "both arms"));

        Print(chat);
        Assert.StartsWith(chat.Q(Prompt.RedFlag.WeaknessBoth), chat.RepliesTo(Prompt.RedFlag.WeaknessRapid)[^1], StringComparison.Ordinal);
        Assert.Equal(chat.T(Advice.RedFlag.WeaknessSevere), Texts(replies)[0]);
        Assert.Equal("emergency", Outcome(replies)!.Level);
        Assert.Contains("HAZ-NEURO", Outcome(replies)!.Reasons);
    }

    [Fact]
    public async Task NoFever_TheMeningitisQuestionIsNeverAsked()
    {
        var chat = new TriageChat();

        await chat.StartAndScreenAsync();

        Assert.False(chat.WasAsked(Prompt.RedFlag.FeverSevere));
        Assert.False(chat.WasAsked(Prompt.RedFlag.WeaknessSudden));
    }

    [Fact]
    public async Task FeverWithAWeakImmuneSystem_IsAnEmergency_WithTheAcuteOncologyAdvice()
    {
        var chat = new TriageChat();

        var replies = await chat.StartAndScreenAsync((Prompt.RedFlag.Fever, "yes"), (Prompt.RedFlag.Immune, "yes"));

        Print(chat);
        Assert.Equal(chat.T(Advice.Combined.FeverImmune), Texts(replies)[0]);
        Assert.Contains("oncology", Texts(replies)[0], StringComparison.OrdinalIgnoreCase);
        Assert.Equal("emergency", Outcome(replies)!.Level);
    }

    /// <summary>Clinical review C15/C16 (NICE CG151): cancer treatment is asked after a weak immune system.</summary>
    [Fact]
    public async Task CancerTreatment_AfterAWeakImmuneSystem_IsUrgent_WithTheCancerHelplineAdvice_NotUnwell()
    {
        var none = new TriageChat();
        await none.StartAndScreenAsync();
        Assert.False(none.WasAsked(Prompt.Screen.Chemo));
        Assert.False(none.WasAsked(Prompt.RedFlag.ChemoUnwell));

        var chat = new TriageChat();
        await chat.StartAndScreenAsync((Prompt.RedFlag.Immune, "yes"), (Prompt.Screen.Chemo, "yes"), (Prompt.RedFlag.ChemoUnwell, "no"));
        var replies = await FinishAsync(chat);

        Print(chat);
        Assert.StartsWith(chat.Q(Prompt.Screen.Chemo), chat.RepliesTo(Prompt.RedFlag.Immune)[^1], StringComparison.Ordinal);
        Assert.Equal(chat.T(Advice.Combined.ImmuneChemo), chat.RepliesTo(Prompt.Screen.Chemo)[0]);
        Assert.Contains("24-hour cancer helpline", chat.T(Advice.Combined.ImmuneChemo), StringComparison.Ordinal);
        Assert.StartsWith(chat.Q(Prompt.RedFlag.ChemoUnwell), chat.RepliesTo(Prompt.Screen.Chemo)[^1], StringComparison.Ordinal);
        Assert.Equal("urgent", Outcome(replies)!.Level);
        Assert.Contains("HAZ-INFECTION", Outcome(replies)!.Reasons);
    }

    [Fact]
    public async Task FeelingUnwellDuringCancerTreatment_WithoutAFever_IsAnEmergency_WithTheAcuteOncologyAdvice()
    {
        var chat = new TriageChat();

        var replies = await chat.StartAndScreenAsync((Prompt.RedFlag.Immune, "yes"), (Prompt.Screen.Chemo, "yes"), (Prompt.RedFlag.ChemoUnwell, "yes"));

        Print(chat);
        Assert.False(chat.WasAsked(Prompt.RedFlag.FeverSevere));
        Assert.Equal(chat.T(Advice.Combined.ChemoUnwell), Texts(replies)[0]);
        Assert.Contains("acute oncology", Texts(replies)[0], StringComparison.Ordinal);
        Assert.Equal("emergency", Outcome(replies)!.Level);
        Assert.Contains("HAZ-INFECTION", Outcome(replies)!.Reasons);
        Assert.False(chat.WasAsked(Prompt.Pain.Spread));
    }

    [Fact]
    public async Task PostOperative_AskedOnlyAfterARecentProcedure_YesIsUrgentWithItsAdvice()
    {
        var none = new TriageChat();
        await none.StartAndScreenAsync();
        Assert.False(none.WasAsked(Prompt.RedFlag.PostOp));

        var chat = new TriageChat();
        await chat.StartAndScreenAsync((Prompt.Screen.RecentProcedure, "yes"), (Prompt.RedFlag.PostOp, "yes"));
        var replies = await FinishAsync(chat);

        Print(chat);
        Assert.Equal(chat.T(Advice.RedFlag.PostOp), chat.RepliesTo(Prompt.RedFlag.PostOp)[0]);
        Assert.Equal("urgent", Outcome(replies)!.Level);
        Assert.Contains("HAZ-POSTOP", Outcome(replies)!.Reasons);
    }

    [Fact]
    public async Task MinorFall_WithThinBones_IsUrgent_FragilityFractureAdvice()
    {
        var none = new TriageChat();
        await none.StartAndScreenAsync();
        Assert.False(none.WasAsked(Prompt.Screen.Bones));

        var chat = new TriageChat();
        await chat.StartAndScreenAsync((Prompt.Screen.MinorInjury, "yes"), (Prompt.Screen.Bones, "yes"));
        var replies = await FinishAsync(chat);

        Print(chat);
        Assert.Equal(chat.T(Advice.RedFlag.FragilityFracture), chat.RepliesTo(Prompt.Screen.Bones)[0]);
        Assert.Equal("urgent", Outcome(replies)!.Level);
        Assert.Contains("HAZ-FRACTURE", Outcome(replies)!.Reasons);
    }

    /// <summary>Clinical review C13: at 50 or over, thin bones or steroids are asked even without an injury.</summary>
    [Fact]
    public async Task ThinBones_AtFiftyOrOver_WithoutAnInjury_NewPain_IsUrgent_FragilityFractureAdvice()
    {
        var chat = new TriageChat();
        await chat.StartAndScreenAsync((Prompt.Screen.Age, "64"), (Prompt.Screen.Bones, "yes"));
        var replies = await FinishAsync(chat);

        Print(chat);
        Assert.True(chat.WasAsked(Prompt.Screen.Bones));
        Assert.Equal("urgent", Outcome(replies)!.Level);
        Assert.Contains("HAZ-FRACTURE", Outcome(replies)!.Reasons);
        Assert.Contains(chat.T(Advice.RedFlag.FragilityFracture), Texts(replies));
    }

    [Fact]
    public async Task MinorFall_AtSeventyPlus_IsUrgent_EvenWithoutThinBones()
    {
        var chat = new TriageChat();
        await chat.StartAndScreenAsync((Prompt.Screen.Age, Title70Plus()), (Prompt.Screen.MinorInjury, "yes"));

        Print(chat);
        Assert.Equal(chat.T(Advice.RedFlag.FragilityFracture), chat.RepliesTo(Prompt.Screen.MinorInjury)[0]);

        string Title70Plus() => chat.Title(Prompt.Screen.Age, "70-plus");
    }

    [Fact]
    public async Task LiftingStrain_AloneIsNotARedFlag_SelfCare()
    {
        var chat = new TriageChat();
        await chat.StartAndScreenAsync((Prompt.RedFlag.Trauma, "no, I just strained it lifting a box"));

        var replies = await FinishAsync(chat);

        Print(chat);
        Assert.Equal("self-care", Outcome(replies)!.Level);
    }

    [Fact]
    public async Task UpperBackPain_IsUrgent_WithTheThoracicAdvice()
    {
        var chat = new TriageChat();
        await chat.StartAndScreenAsync((Prompt.Pain.Location, "upper back"));

        var replies = await FinishAsync(chat);

        Print(chat);
        Assert.Equal("urgent", Outcome(replies)!.Level);
        Assert.Contains("HAZ-THORACIC", Outcome(replies)!.Reasons);
        Assert.Equal([chat.T(Advice.Urgent), chat.T(Advice.Combined.UpperBack)], Texts(replies).Take(2));
    }

    /// <summary>NICE NG65's features (not morning stiffness), asked under 45 with pain over 12 weeks.</summary>
    [Fact]
    public async Task InflammatoryBackPainFeatures_UnderFortyFive_LongStanding_IsRoutine_WithTheNg65Note()
    {
        var chat = new TriageChat();
        await chat.StartAndScreenAsync();
        await chat.PainAsync(duration: "8 months", stiffness: "yes");
        await chat.NoNumbnessAsync();

        var replies = await chat.SayAsync(chat.Title(Prompt.Treatments.Pick, "none"));

        Print(chat);
        Assert.True(chat.WasAsked(Prompt.Screen.Inflammatory));
        Assert.Equal("routine", Outcome(replies)!.Level);
        Assert.Equal([chat.T(Advice.Routine), chat.T(Advice.Combined.Inflammatory)], Texts(replies).Take(2));
        Assert.Contains("second half of the night", chat.T(Advice.Combined.Inflammatory), StringComparison.Ordinal);
        Assert.DoesNotContain("morning", chat.T(Advice.Combined.Inflammatory), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task InflammatoryBackPainFeatures_NotAskedOverFortyFive()
    {
        var chat = new TriageChat();
        await chat.StartAndScreenAsync((Prompt.Screen.Age, "60"));
        await chat.PainAsync(duration: "8 months");

        Assert.False(chat.WasAsked(Prompt.Screen.Inflammatory));
    }

    /// <summary>Clinical review E8 and F4: back pain in pregnancy can need maternity care now.</summary>
    [Fact]
    public async Task Pregnancy_Yes_SaysWhenToCallMaternityCareNow_AtOnce_AndNoNeverDoes()
    {
        var no = new TriageChat();
        await no.StartAndScreenAsync((Prompt.Screen.Pregnancy, "no"));
        Assert.DoesNotContain(no.Turns.SelectMany(t => t.Bot), t => t == no.T(Advice.PregnancyWarning));

        var chat = new TriageChat();
        await chat.StartAndScreenAsync((Prompt.Screen.Pregnancy, "yes"));

        Print(chat);
        var replies = chat.RepliesTo(Prompt.Screen.Pregnancy);
        Assert.Equal(chat.T(Advice.PregnancyWarning), replies[0]);
        Assert.Contains("maternity unit", replies[0], StringComparison.Ordinal);
        Assert.StartsWith("Sources: ", replies[1], StringComparison.Ordinal);
        Assert.StartsWith(chat.T(ContentKeys.Pain.Intro), replies[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pregnancy_Yes_AddsTheMedicineNote_ToSelfCare()
    {
        var chat = new TriageChat();
        await chat.StartAndScreenAsync((Prompt.Screen.Pregnancy, "yes"));

        var replies = await FinishAsync(chat);

        Print(chat);
        Assert.Equal("self-care", Outcome(replies)!.Level);
        Assert.Equal([chat.T(Advice.SelfCare), chat.T(Medicine.Pregnancy)], Texts(replies).Take(2));
    }

    [Fact]
    public async Task NumbnessInBothLegs_GettingWorse_IsAnEmergency_StableForMonths_Routine()
    {
        var worse = new TriageChat();
        await worse.StartAndScreenAsync();
        await worse.PainAsync(duration: "5 months");
        await worse.SayAsync("yes");
        await worse.SayAsync(worse.Title(Prompt.Numbness.Where, "both-legs"));
        await worse.SayAsync(worse.Title(Prompt.Numbness.WhereMore, "done"));
        Assert.Equal("emergency", Outcome(await worse.SayAsync("yes"))?.Level);

        var stable = new TriageChat();
        await stable.StartAndScreenAsync();
        await stable.PainAsync(duration: "5 months");
        await stable.SayAsync("yes");
        await stable.SayAsync(stable.Title(Prompt.Numbness.Where, "both-legs"));
        await stable.SayAsync(stable.Title(Prompt.Numbness.WhereMore, "done"));
        await stable.SayAsync("no");
        var replies = await stable.SayAsync(stable.Title(Prompt.Treatments.Pick, "none"));
        Assert.Equal("routine", Outcome(replies)?.Level); // stable for months (e.g. a neuropathy): not same day

    }

    [Fact]
    public async Task UsLocale_ScreenUsesUsWords_AndUsAdviceDoesNotCiteNice()
    {
        var chat = new TriageChat(locale: "en-US");
        var texts = Texts(await chat.ScreenUntilAsync(Prompt.RedFlag.CesBladder));

        Assert.Contains("pee", texts[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("wee", texts[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("NICE", Catalog.Text(Advice.RedFlag.Cancer, "en-US"), StringComparison.Ordinal);
        Assert.DoesNotContain("NICE", Catalog.Text(Advice.Combined.FeverImmune, "en-US"), StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<Schema.Activity>> FinishAsync(TriageChat chat)
    {
        await chat.PainAsync();
        await chat.NoNumbnessAsync();
        return await chat.SayAsync(chat.Title(Prompt.Treatments.Pick, "none"));
    }

    private void Print(TriageChat chat) => output.WriteLine(chat.Transcript());

    [Fact]
    public void TheWalksOfTheTestKit_AnswerEveryQuestionTheScreenAsksEveryone() =>
        Assert.Equal(
            global::TriageBot.Testing.DirectLine.DirectLinePatient.ScreenQuestionsAfterLocation,
            global::TriageBot.Dialogs.Flow.RedFlagScreen.Order.Skip(2).Count(q => q.AskedWhen is null));
}
