using TriageBot.Content.Model;
using static TriageBot.Content.Model.DispositionLevel;

namespace TriageBot.Content.Tests.Rules;

/// <summary>
/// Every rule of the real dialogs/content/dispositions.yaml, one named test each, read as a clinical sentence: given
/// that rule's findings (written here, not read from the table), the outcome level, the advice the person is told
/// (at once, or with the outcome) and the hazards recorded are exactly these (<see cref="WhatThePersonHears"/>).
/// The tests are the table's specification: a rule deleted, lowered, narrowed or given other advice fails its test
/// (<see cref="RuleMutationTests"/> runs these same methods against every such mutant). A red flag's test also checks
/// that red-flags.yaml gives that red flag the same level, hazard and advice, so free text and the screen agree.
/// </summary>
public sealed class DispositionRuleTests
{
    private readonly IContentCatalog _table;

    public DispositionRuleTests()
        : this(RealTable.Content)
    {
    }

    /// <summary>The same tests against another table: a mutant of the real one (<see cref="RuleMutationTests"/>).</summary>
    internal DispositionRuleTests(IContentCatalog table) => _table = table;

    // Every red flag at its own level.
    [Fact]
    [CoversRule("redflag-ces")]
    public void BladderBowelSaddleOrSexProblems_AreAnEmergency_CaudaEquina() =>
        RedFlag("ces", Emergency, "HAZ-CES", "advice.redflag.ces");

    [Fact]
    [CoversRule("redflag-weakness-severe")]
    public void FootDropOrLegsGivingWay_IsAnEmergency_NerveCompression() =>
        RedFlag("weakness-severe", Emergency, "HAZ-NEURO", "advice.redflag.weakness-severe");

    [Fact]
    [CoversRule("redflag-chest-pain")]
    public void ChestPainOrBreathlessness_IsAnEmergency_HeartOrLungs() =>
        RedFlag("chest-pain", Emergency, "HAZ-CARDIAC", "advice.redflag.chest-pain");

    [Fact]
    [CoversRule("redflag-aaa")]
    public void SuddenSeverePainWithTummyPainOrAKnownAneurysm_IsAnEmergency_AorticAneurysm() =>
        RedFlag("aaa", Emergency, "HAZ-AAA", "advice.redflag.aaa");

    [Fact]
    [CoversRule("redflag-neck-vascular")]
    public void StrokeSignsOrWorstEverHeadacheWithNeckPain_IsAnEmergency_ArteryDissection() =>
        RedFlag("neck-vascular", Emergency, "HAZ-NECK-VASCULAR", "advice.redflag.neck-vascular");

    [Fact]
    [CoversRule("redflag-trauma")]
    public void ASeriousAccidentOrBadFall_IsAnEmergency_Fracture() =>
        RedFlag("trauma", Emergency, "HAZ-FRACTURE", "advice.redflag.trauma");

    [Fact]
    [CoversRule("redflag-self-harm")]
    public void ThoughtsOfSelfHarm_AreAnEmergency_WithTheCrisisAdvice() =>
        RedFlag("self-harm", Emergency, "HAZ-SELF-HARM", "advice.redflag.self-harm");

    [Fact]
    [CoversRule("redflag-weakness")]
    public void NewWeakness_IsUrgent_NerveCompression() =>
        RedFlag("weakness", Urgent, "HAZ-NEURO", "advice.redflag.weakness");

    [Fact]
    [CoversRule("redflag-fever")]
    public void AFever_IsUrgent_SpinalInfection() =>
        RedFlag("fever", Urgent, "HAZ-INFECTION", "advice.redflag.fever");

    [Fact]
    [CoversRule("redflag-immune")]
    public void AWeakImmuneSystemOrInjectingDrugs_IsUrgent_SpinalInfection() =>
        RedFlag("immune", Urgent, "HAZ-INFECTION", "advice.redflag.immune");

    [Fact]
    [CoversRule("redflag-cancer")]
    public void CancerNowOrInThePast_IsUrgent_MetastaticCordCompression() =>
        RedFlag("cancer", Urgent, "HAZ-MSCC", "advice.redflag.cancer");

    [Fact]
    [CoversRule("redflag-weight-loss")]
    public void UnexplainedWeightLoss_IsUrgent_Cancer() =>
        RedFlag("weight-loss", Urgent, "HAZ-CANCER", "advice.redflag.weight-loss");

    [Fact]
    [CoversRule("redflag-night-pain")]
    public void NightPainThatStopsSleep_IsUrgent_Cancer() =>
        RedFlag("night-pain", Urgent, "HAZ-CANCER", "advice.redflag.night-pain");

    [Fact]
    [CoversRule("redflag-fragility-fracture")]
    public void AMinorFallWithThinBones_IsUrgent_FragilityFracture() =>
        RedFlag("fragility-fracture", Urgent, "HAZ-FRACTURE", "advice.redflag.fragility-fracture");

    [Fact]
    [CoversRule("redflag-myelopathy")]
    public void ClumsyHandsOrUnsteadyWalking_IsUrgent_CervicalMyelopathy() =>
        RedFlag("myelopathy", Urgent, "HAZ-DCM", "advice.redflag.myelopathy");

    [Fact]
    [CoversRule("redflag-post-op")]
    public void ProblemsAfterSpinalSurgeryOrAnInjection_AreUrgent_PostOperativeComplication() =>
        RedFlag("post-op", Urgent, "HAZ-POSTOP", "advice.redflag.post-op");

    // Weakness getting worse quickly, or sudden.
    [Fact]
    [CoversRule("weakness-rapid")]
    public void NewWeaknessGettingWorseQuickly_IsAnEmergency_NerveCompression() =>
        Expect(["redflag.weakness", "redflag.weakness.rapid"], Emergency, says: ["advice.redflag.weakness-severe"], hazards: ["HAZ-NEURO"]);

    [Fact]
    [CoversRule("weakness-rapid-alone")]
    public void WeaknessGettingWorseQuickly_RecordedAlone_IsStillAnEmergency_NerveCompression() =>
        Expect(["redflag.weakness.rapid"], Emergency, says: ["advice.redflag.weakness-severe"], hazards: ["HAZ-NEURO"]);

    [Fact]
    [CoversRule("weakness-sudden")]
    public void WeaknessThatCameOnInMinutes_IsAnEmergency_Stroke() =>
        Expect(["redflag.weakness.sudden"], Emergency, says: ["advice.redflag.stroke"], hazards: ["HAZ-NECK-VASCULAR"]);

    // Infection.
    [Fact]
    [CoversRule("fever-immune")]
    public void FeverWithAWeakImmuneSystem_IsAnEmergency_NeutropenicSepsis() =>
        Expect(["redflag.fever", "redflag.immune"], Emergency, says: ["advice.redflag.fever-immune"], hazards: ["HAZ-INFECTION"]);

    [Fact]
    [CoversRule("fever-severe")]
    public void FeverWithStiffNeckRashOrConfusion_IsAnEmergency_MeningitisOrSepsis() =>
        Expect(["redflag.fever.severe"], Emergency, says: ["advice.redflag.fever-severe"], hazards: ["HAZ-INFECTION"]);

    // Cancer treatment in the last 6 weeks, asked after a weak immune system (NICE CG151).
    [Fact]
    [CoversRule("immune-chemo")]
    public void CancerTreatmentInTheLastSixWeeks_IsUrgent_WithTheCancerHelplineAdvice() =>
        Expect(["redflag.immune", "immune.chemo"], Urgent, says: ["advice.redflag.immune", "advice.redflag.immune-chemo"], hazards: ["HAZ-INFECTION"]);

    [Fact]
    [CoversRule("chemo-unwell")]
    public void FeelingUnwellDuringCancerTreatment_EvenWithoutAFever_IsAnEmergency_NeutropenicSepsis() =>
        Expect(["redflag.immune", "immune.chemo", "chemo.unwell"], Emergency, says: ["advice.redflag.chemo-unwell"], hazards: ["HAZ-INFECTION"]);

    // Fever or a weak immune system with weakness: possible spinal abscess.
    [Fact]
    [CoversRule("fever-weakness")]
    public void FeverWithWeakness_IsAnEmergency_SpinalAbscess() =>
        Expect(["redflag.fever", "redflag.weakness"], Emergency, says: ["advice.combo.spinal-infection"], hazards: ["HAZ-INFECTION", "HAZ-NEURO"]);

    [Fact]
    [CoversRule("immune-weakness")]
    public void AWeakImmuneSystemWithWeakness_IsAnEmergency_SpinalAbscess() =>
        Expect(["redflag.immune", "redflag.weakness"], Emergency, says: ["advice.combo.spinal-infection"], hazards: ["HAZ-INFECTION", "HAZ-NEURO"]);

    // A known aortic aneurysm (50 or over) whose pain is not new or different (NICE NG156).
    [Fact]
    [CoversRule("aaa-known")]
    public void AKnownAorticAneurysm_WithoutNewPain_IsUrgent_VascularTeamToday() =>
        Expect(["risk.aaa", "age.50-plus"], Urgent, says: ["advice.redflag.aaa-known"], hazards: ["HAZ-AAA"]);

    [Fact]
    [CoversRule("aaa-pulsing")]
    public void APulsingTummyAtFiftyOrOver_IsUrgent_AorticAneurysm() =>
        Expect(["aaa.pulsing", "age.50-plus"], Urgent, says: ["advice.redflag.aaa-pulsing"], hazards: ["HAZ-AAA"]);

    // Cancer with a neurological symptom: metastatic spinal cord compression (NICE NG234).
    [Fact]
    [CoversRule("mscc-weakness")]
    public void CancerWithWeakness_IsAnEmergency_MetastaticCordCompression() =>
        Expect(["redflag.cancer", "redflag.weakness"], Emergency, says: ["advice.combo.mscc"], hazards: ["HAZ-MSCC", "HAZ-NEURO"]);

    [Fact]
    [CoversRule("mscc-numbness")]
    public void CancerWithNumbness_IsAnEmergency_MetastaticCordCompression() =>
        Expect(["redflag.cancer", "numbness.yes"], Emergency, says: ["advice.combo.mscc"], hazards: ["HAZ-MSCC"]);

    [Fact]
    [CoversRule("mscc-myelopathy")]
    public void CancerWithClumsyHandsOrUnsteadyWalking_IsAnEmergency_MetastaticCordCompression() =>
        Expect(["redflag.cancer", "redflag.myelopathy"], Emergency, says: ["advice.combo.mscc"], hazards: ["HAZ-DCM", "HAZ-MSCC"]);

    [Fact]
    [CoversRule("mscc-radicular-one-leg")]
    public void CancerWithPainIntoOneLeg_IsAnEmergency_MetastaticCordCompression() =>
        Expect(["redflag.cancer", "pain.spread.one-leg"], Emergency, says: ["advice.combo.mscc"], hazards: ["HAZ-MSCC"]);

    [Fact]
    [CoversRule("mscc-radicular-both-legs")]
    public void CancerWithPainIntoBothLegs_IsAnEmergency_MetastaticCordCompression() =>
        Expect(["redflag.cancer", "pain.spread.both-legs"], Emergency, says: ["advice.combo.mscc"], hazards: ["HAZ-MSCC"]);

    [Fact]
    [CoversRule("mscc-radicular-arm")]
    public void CancerWithPainIntoAnArm_IsAnEmergency_MetastaticCordCompression() =>
        Expect(["redflag.cancer", "pain.spread.arm"], Emergency, says: ["advice.combo.mscc"], hazards: ["HAZ-MSCC"]);

    // After recent spinal surgery or a spinal injection.
    [Fact]
    [CoversRule("postop-weakness")]
    public void WeaknessAfterRecentSpinalSurgery_IsAnEmergency_BleedOrAbscess() =>
        Expect(["procedure.recent", "redflag.weakness"], Emergency, says: ["advice.combo.spinal-infection"], hazards: ["HAZ-NEURO", "HAZ-POSTOP"]);

    [Fact]
    [CoversRule("postop-fever")]
    public void FeverAfterRecentSpinalSurgery_IsUrgent_WithThePostOperativeAdvice() =>
        Expect(["procedure.recent", "redflag.fever"], Urgent, says: ["advice.redflag.fever", "advice.redflag.post-op"], hazards: ["HAZ-INFECTION", "HAZ-POSTOP"]);

    // Pain into both legs.
    [Fact]
    [CoversRule("spread-both-legs-new")]
    public void NewPainIntoBothLegs_IsAnEmergency_CaudaEquina() =>
        Expect(["pain.spread.both-legs", "duration.under-6-weeks"], Emergency, says: ["advice.redflag.ces"], hazards: ["HAZ-CES"]);

    [Fact]
    [CoversRule("spread-both-legs-weeks")]
    public void PainIntoBothLegsForSixToTwelveWeeks_IsUrgent_CaudaEquina() =>
        Expect(["pain.spread.both-legs", "duration.6-to-12-weeks"], Urgent, says: ["advice.pain.both-legs"], hazards: ["HAZ-CES"]);

    [Fact]
    [CoversRule("spread-both-legs")]
    public void PainIntoBothLegs_WithNothingElse_IsRoutine() =>
        Expect(["pain.spread.both-legs"], Routine);

    // Numbness in both legs, or in the saddle area.
    [Fact]
    [CoversRule("numbness-both-legs-worsening")]
    public void NumbnessInBothLegsGettingWorse_IsAnEmergency_CaudaEquina() =>
        Expect(["numbness.where.both-legs", "numbness.worsening"], Emergency, says: ["advice.redflag.ces"], hazards: ["HAZ-CES", "HAZ-NEURO"]);

    [Fact]
    [CoversRule("numbness-both-legs-new")]
    public void NewNumbnessInBothLegs_IsAnEmergency_CaudaEquina() =>
        Expect(["numbness.where.both-legs", "duration.under-6-weeks"], Emergency, says: ["advice.redflag.ces"], hazards: ["HAZ-CES"]);

    [Fact]
    [CoversRule("numbness-both-legs-weeks")]
    public void NumbnessInBothLegsForSixToTwelveWeeks_IsUrgent_CaudaEquina() =>
        Expect(["numbness.where.both-legs", "duration.6-to-12-weeks"], Urgent, says: ["advice.numbness.both-legs"], hazards: ["HAZ-CES"]);

    [Fact]
    [CoversRule("numbness-both-legs")]
    public void NumbnessInBothLegs_WithNothingElse_IsRoutine() =>
        Expect(["numbness.where.both-legs"], Routine);

    [Fact]
    [CoversRule("numbness-saddle")]
    public void SaddleNumbness_IsAnEmergency_CaudaEquina() =>
        Expect(["numbness.where.saddle"], Emergency, says: ["advice.redflag.ces"], hazards: ["HAZ-CES"]);

    [Fact]
    [CoversRule("numbness-worsening")]
    public void NumbnessGettingWorse_IsUrgent_NerveCompression() =>
        Expect(["numbness.worsening"], Urgent, says: ["advice.numbness.worsening"], hazards: ["HAZ-NEURO"]);

    // Upper or middle back pain.
    [Fact]
    [CoversRule("thoracic-new")]
    public void NewUpperBackPain_IsUrgent_ThoracicCause() =>
        Expect(["pain.location.upper-back", "duration.under-6-weeks"], Urgent, says: ["advice.location.upper-back"], hazards: ["HAZ-THORACIC"]);

    [Fact]
    [CoversRule("thoracic-50")]
    public void UpperBackPainAtFiftyOrOver_IsUrgent_ThoracicCause() =>
        Expect(["pain.location.upper-back", "age.50-plus"], Urgent, says: ["advice.location.upper-back"], hazards: ["HAZ-THORACIC"]);

    [Fact]
    [CoversRule("thoracic-age-unclear")]
    public void UpperBackPainWithAnAgeTheBotCouldNotUnderstand_IsUrgent_AsAtFiftyOrOver() =>
        Expect(["pain.location.upper-back", "age.unclear"], Urgent, says: ["advice.location.upper-back"], hazards: ["HAZ-THORACIC"]);

    [Fact]
    [CoversRule("thoracic")]
    public void UpperBackPain_WithNothingElse_IsRoutine() =>
        Expect(["pain.location.upper-back"], Routine);

    // A serious accident or bad fall before the last 2 weeks that no doctor or nurse has checked (clinical review C12).
    [Fact]
    [CoversRule("old-injury-unchecked")]
    public void AnOlderSeriousAccidentNobodyHasChecked_IsUrgent_PossibleFracture() =>
        Expect(["injury.old-unchecked"], Urgent, says: ["advice.screen.old-injury"], hazards: ["HAZ-FRACTURE"]);

    // A minor fall or knock.
    [Fact]
    [CoversRule("fragility-bones")]
    public void AMinorInjuryWithThinBonesOrSteroids_IsUrgent_FragilityFracture() =>
        Expect(["injury.minor", "risk.bones"], Urgent, says: ["advice.redflag.fragility-fracture"], hazards: ["HAZ-FRACTURE"]);

    [Fact]
    [CoversRule("fragility-age")]
    public void AMinorInjuryAtSeventyOrOver_IsUrgent_FragilityFracture() =>
        Expect(["injury.minor", "age.70-plus"], Urgent, says: ["advice.redflag.fragility-fracture"], hazards: ["HAZ-FRACTURE"]);

    [Fact]
    [CoversRule("fragility-age-unclear")]
    public void AMinorInjuryWithAnAgeTheBotCouldNotUnderstand_IsUrgent_AsAtSeventyOrOver() =>
        Expect(["injury.minor", "age.unclear"], Urgent, says: ["advice.redflag.fragility-fracture"], hazards: ["HAZ-FRACTURE"]);

    [Fact]
    [CoversRule("fragility-new-pain")]
    public void ThinBonesOrSteroidsAtFiftyOrOver_WithNewPain_IsUrgent_EvenWithoutAnInjury_FragilityFracture() =>
        Expect(["risk.bones", "age.50-plus", "duration.under-6-weeks"], Urgent, says: ["advice.redflag.fragility-fracture"], hazards: ["HAZ-FRACTURE"]);

    [Fact]
    [CoversRule("fragility-new-pain-age-unclear")]
    public void ThinBonesOrSteroidsWithAnAgeTheBotCouldNotUnderstand_WithNewPain_IsUrgent_AsAtFiftyOrOver() =>
        Expect(["risk.bones", "age.unclear", "duration.under-6-weeks"], Urgent, says: ["advice.redflag.fragility-fracture"], hazards: ["HAZ-FRACTURE"]);

    // Inflammatory back pain, and pain relief that is not working.
    [Fact]
    [CoversRule("inflammatory")]
    public void InflammatoryBackPainFeatures_PainThatStartedBefore45_ForOverTwelveWeeks_IsRoutine_WithTheNg65Note() =>
        Expect(["inflammatory.yes", "onset.under-45", "duration.over-12-weeks"], Routine, withOutcome: ["advice.screen.inflammatory"]);

    /// <summary>NICE NG65 counts when the pain started, not the age now (clinical review D).</summary>
    [Fact]
    public void InflammatoryBackPainFeatures_UnderFortyFiveNow_ButNoOnsetFinding_IsOnlyTheLongStandingReview() =>
        Expect(["inflammatory.yes", "age.under-45", "duration.over-12-weeks"], Routine);

    [Fact]
    [CoversRule("severe-pain-not-controlled")]
    public void SevereNewPainThatTreatmentHasNotHelped_IsUrgent_ForBetterPainRelief() =>
        Expect(["pain.score.severe", "treatments.helped.no", "duration.under-6-weeks"], Urgent, says: ["advice.combo.pain-relief"], hazards: ["HAZ-MEDICINE"]);

    // Routine review by a GP / doctor or physiotherapist.
    [Fact]
    [CoversRule("long-standing")]
    public void PainForOverTwelveWeeks_IsRoutine() =>
        Expect(["duration.over-12-weeks"], Routine);

    [Fact]
    [CoversRule("not-settling-after-treatment")]
    public void PainForSixToTwelveWeeksDespiteTreatment_IsRoutine() =>
        Expect(["duration.6-to-12-weeks", "treatments.tried"], Routine);

    [Fact]
    [CoversRule("spread-one-leg")]
    public void PainIntoOneLeg_IsRoutine_Sciatica() =>
        Expect(["pain.spread.one-leg"], Routine);

    [Fact]
    [CoversRule("spread-arm")]
    public void PainIntoAnArm_IsRoutine() =>
        Expect(["pain.spread.arm"], Routine);

    [Fact]
    [CoversRule("severe-pain")]
    public void SeverePain_WithNothingElse_IsRoutine() =>
        Expect(["pain.score.severe"], Routine);

    [Fact]
    [CoversRule("treatment-not-helped")]
    public void TreatmentThatHasNotHelped_IsRoutine() =>
        Expect(["treatments.helped.no", "treatments.tried"], Routine);

    [Fact]
    [CoversRule("numbness-any")]
    public void AnyNumbnessOrTingling_IsRoutine() =>
        Expect(["numbness.yes"], Routine);

    // No matching rule: self-care. Not a rule of its own, but the floor every rule above lifts findings from.
    [Fact]
    public void NewLowerBackPainWithNothingElse_IsSelfCare() =>
        Expect(["pain.location.lower-back", "pain.spread.none", "duration.under-6-weeks"], SelfCare);

    /// <summary>The red flag alone gives exactly its level, advice and hazard; red-flags.yaml says the same of it.</summary>
    private void RedFlag(string id, DispositionLevel level, string hazard, string advice)
    {
        Expect([$"redflag.{id}"], level, says: [advice], hazards: [hazard]);
        var rule = _table.RedFlags.FirstOrDefault(r => r.Id == id);
        Assert.True(rule is not null, $"red-flags.yaml has no rule '{id}', so neither the screen nor free text can record redflag.{id}.");
        Assert.Equal((level, hazard, advice), (rule.Level, rule.Hazard, rule.AdviceKey));
    }

    private void Expect(string[] given, DispositionLevel level, string[]? says = null, string[]? withOutcome = null, string[]? hazards = null)
    {
        var expected = new WhatThePersonHears(level, Sorted(says), Sorted(withOutcome), Sorted(hazards));

        var result = _table.Evaluate(given.ToHashSet(StringComparer.Ordinal));
        var heard = WhatThePersonHears.From(result);

        Assert.True(
            expected.Same(heard),
            $"Given [{string.Join(", ", given)}]\n  expected:        {expected}\n  the table gives: {heard}\n  rules matched:   [{string.Join(", ", result.Rules)}]");
    }

    private static List<string> Sorted(string[]? items) => [.. (items ?? []).Order(StringComparer.Ordinal)];
}
