using static TriageBot.Dialogs.ContentKeys;

namespace TriageBot.Dialogs.Flow;

/// <summary>How an answer to a screen question is read.</summary>
internal enum ScreenReading
{
    /// <summary>Yes, not sure, or not understood records the finding (safety first); only a clear no does not.</summary>
    Safety,

    /// <summary>Yes, or not understood, records it (pregnancy: the cautious medicine advice); no or "doesn't apply" do not.</summary>
    YesOrUnclear,

    /// <summary>The answer is an age band: records <c>age.{band}</c> and the bands the grading uses.</summary>
    AgeBand,

    /// <summary>The answer is one or more places (<see cref="PainPlacesDialog"/>): records <c>pain.location.{place}</c> for each.</summary>
    Places,
}

/// <summary>
/// One question of the screen: the prompt, the finding a positive answer records, how the answer is read, the
/// finding that must already be present for it to be asked at all (null: always asked) or, failing that, the other
/// finding that also lets it be asked, and a message said at once, with its sources, when the answer records the
/// finding (for a finding with no level of its own, such as pregnancy).
/// </summary>
internal sealed record ScreenQuestion(
    string Prompt,
    string? Finding,
    ScreenReading Reading = ScreenReading.Safety,
    string? AskedWhen = null,
    string? SaysWhenFound = null,
    string? OrAskedWhen = null)
{
    /// <summary>Whether the question is asked, given which findings are known (or assumed, for asking only).</summary>
    public bool IsAsked(Func<string, bool> known)
    {
        ArgumentNullException.ThrowIfNull(known);
        return AskedWhen is null || known(AskedWhen) || (OrAskedWhen is { } other && known(other));
    }
}

/// <summary>
/// The red-flag screen in its clinical order, for a clinician to sign off (issue 9 catalogue, "Screen order").
/// It runs after consent and stops at the first answer that makes the triage an emergency.
/// </summary>
internal static class RedFlagScreen
{
    private static readonly string NeckPain = Findings.PainLocation("neck");

    public static IReadOnlyList<ScreenQuestion> Order { get; } =
    [
        new(Prompt.Screen.Age, null, ScreenReading.AgeBand),

        // Where the pain is, before any warning sign (clinical review A2): several places can be chosen; the neck-only
        // questions below are asked only when the neck is one of them, and upper or middle back pain is graded whenever
        // it is (thoracic rules in dispositions.yaml).
        new(Prompt.Pain.Location, null, ScreenReading.Places),

        // Immediately life-threatening first (NHS Pathways order; the screen stops at the first emergency): sudden
        // severe pain with chest or tummy pain (dissection, AAA rupture, any age), chest pain, breathlessness at
        // rest, stroke signs. Then, at 50 or over, a known aortic aneurysm (urgent: the vascular team today), and
        // only then whether this pain is new or different (emergency, NICE NG156); then a pulsing tummy (urgent). One
        // topic per question.
        new(Prompt.RedFlag.SuddenSevere, Findings.RedFlag(RedFlagIds.Aaa)),
        new(Prompt.RedFlag.ChestPain, Findings.RedFlag(RedFlagIds.ChestPain)),
        new(Prompt.RedFlag.Breathless, Findings.RedFlag(RedFlagIds.ChestPain)),
        new(Prompt.RedFlag.Stroke, Findings.RedFlag(RedFlagIds.NeckVascular)),
        new(Prompt.Screen.AaaKnown, Findings.RiskAaa, AskedWhen: Findings.Age50Plus),
        new(Prompt.RedFlag.Aaa, Findings.RedFlag(RedFlagIds.Aaa), AskedWhen: Findings.RiskAaa),
        new(Prompt.Screen.AaaPulsing, Findings.AaaPulsing, AskedWhen: Findings.Age50Plus),

        // Cauda equina: short questions, each "new or getting worse" (GIRFT).
        new(Prompt.RedFlag.CesBladder, Findings.RedFlag(RedFlagIds.Ces)),
        new(Prompt.RedFlag.CesBowel, Findings.RedFlag(RedFlagIds.Ces)),
        new(Prompt.RedFlag.CesSaddle, Findings.RedFlag(RedFlagIds.Ces)),
        new(Prompt.RedFlag.CesSex, Findings.RedFlag(RedFlagIds.Ces)),
        new(Prompt.RedFlag.CesLegs, Findings.RedFlag(RedFlagIds.Ces)),

        // New weakness; getting worse quickly, on both sides (both legs or both arms), or sudden in minutes (a stroke)
        // is an emergency: three follow-ups, one topic each.
        new(Prompt.RedFlag.Weakness, Findings.RedFlag(RedFlagIds.Weakness)),
        new(Prompt.RedFlag.WeaknessRapid, Findings.WeaknessRapid, AskedWhen: Findings.RedFlag(RedFlagIds.Weakness)),
        new(Prompt.RedFlag.WeaknessBoth, Findings.WeaknessRapid, AskedWhen: Findings.RedFlag(RedFlagIds.Weakness)),
        new(Prompt.RedFlag.WeaknessSudden, Findings.WeaknessSudden, AskedWhen: Findings.RedFlag(RedFlagIds.Weakness)),

        // Fracture: a serious accident (emergency); a minor injury with thin bones, steroids or age 70+ (urgent).
        // Thin bones or steroids are asked after a minor injury, and at 50 or over even without one: new pain then
        // can be a spine bone that collapsed by itself (NICE CKS; clinical review C13).
        // A serious accident in the last 2 weeks is an emergency; an older one no doctor or nurse has checked is urgent
        // (clinical review C12).
        new(Prompt.RedFlag.Trauma, Findings.RedFlag(RedFlagIds.Trauma)),
        new(Prompt.Screen.OldInjury, Findings.InjuryOldUnchecked),
        new(Prompt.Screen.MinorInjury, Findings.InjuryMinor),
        new(Prompt.Screen.Bones, Findings.RiskBones, AskedWhen: Findings.InjuryMinor, OrAskedWhen: Findings.Age50Plus),

        // Infection: fever (and signs of meningitis or sepsis, an emergency), a weak immune system, injecting drugs;
        // fever with a weak immune system is an emergency (NICE CG151). After a weak immune system: cancer treatment
        // in the last 6 weeks, and then feeling unwell at all, even without a fever (neutropenic sepsis, NICE CG151:
        // the 24-hour cancer helpline now).
        new(Prompt.RedFlag.Fever, Findings.RedFlag(RedFlagIds.Fever)),
        new(Prompt.RedFlag.FeverSevere, Findings.FeverSevere, AskedWhen: Findings.RedFlag(RedFlagIds.Fever)),
        new(Prompt.RedFlag.Immune, Findings.RedFlag(RedFlagIds.Immune)),
        new(Prompt.Screen.Chemo, Findings.ImmuneChemo, AskedWhen: Findings.RedFlag(RedFlagIds.Immune)),
        new(Prompt.RedFlag.ChemoUnwell, Findings.ChemoUnwell, AskedWhen: Findings.ImmuneChemo),
        new(Prompt.RedFlag.InjectDrugs, Findings.RedFlag(RedFlagIds.Immune)),

        // Cancer: history (NICE NG234), weight loss, night pain.
        new(Prompt.RedFlag.Cancer, Findings.RedFlag(RedFlagIds.Cancer)),
        new(Prompt.RedFlag.WeightLoss, Findings.RedFlag(RedFlagIds.WeightLoss)),
        new(Prompt.RedFlag.NightPain, Findings.RedFlag(RedFlagIds.NightPain)),

        // Neck pain only (a place not understood counts as the neck: asking is harmless): cervical myelopathy (both
        // hands, then walking); a sudden worst-ever headache, or dizziness after neck treatment or injury (artery
        // dissection). Stroke signs are asked of everyone above.
        new(Prompt.RedFlag.Myelopathy, Findings.RedFlag(RedFlagIds.Myelopathy), AskedWhen: NeckPain),
        new(Prompt.RedFlag.MyelopathyWalking, Findings.RedFlag(RedFlagIds.Myelopathy), AskedWhen: NeckPain),
        new(Prompt.RedFlag.NeckVascular, Findings.RedFlag(RedFlagIds.NeckVascular), AskedWhen: NeckPain),

        // After spinal surgery or an injection in the last 3 months.
        new(Prompt.Screen.RecentProcedure, Findings.ProcedureRecent),
        new(Prompt.RedFlag.PostOp, Findings.RedFlag(RedFlagIds.PostOp), AskedWhen: Findings.ProcedureRecent),

        // Pregnancy changes the medicine advice; it has no level of its own. A yes says at once when to call maternity
        // care now (bleeding, fluid, tightenings, fever or pain passing urine: HAZ-OBSTETRIC).
        new(Prompt.Screen.Pregnancy, Findings.PregnancyYes, ScreenReading.YesOrUnclear, SaysWhenFound: Advice.PregnancyWarning),
    ];

    /// <summary>The findings an age band records: the band itself, and the groups the grading uses.</summary>
    public static IReadOnlyList<string> AgeFindings(string band) => band switch
    {
        AgeBandPrompt.Under45 => [Findings.Age(band), Findings.AgeUnder45],
        AgeBandPrompt.From50To69 or AgeBandPrompt.From70 => [Findings.Age(band), Findings.Age50Plus],
        _ => [Findings.Age(band)],
    };

    /// <summary>
    /// An age not understood: questions for older people are still asked (asking is harmless, missing is not). No age
    /// band is recorded, only <c>age.unclear</c>, which the table grades like the oldest group.
    /// </summary>
    public static IReadOnlyList<string> AssumedWhenAgeUnclear { get; } = [Findings.Age50Plus];

    /// <summary>A pain place not understood: the neck-only questions are still asked. Nothing is recorded.</summary>
    public static IReadOnlyList<string> AssumedWhenPlaceUnclear { get; } = [NeckPain];
}
