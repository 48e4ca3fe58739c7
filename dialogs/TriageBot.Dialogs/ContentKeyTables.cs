using static TriageBot.Dialogs.ContentKeys;

namespace TriageBot.Dialogs;

/// <summary>The tables behind <see cref="ContentKeys"/>: choice ids per prompt, arguments per message, findings.</summary>
internal static class ContentKeyTables
{
    private static readonly string[] YesNo = ["yes", "no"];
    private static readonly string[] YesNoNotSure = ["yes", "no", "not-sure"];
    private static readonly string[] PainPlaces = ["neck", "upper-back", "lower-back"];
    private static readonly string[] NumbnessPlaces = ["arm-hand", "leg-foot", "both-legs", "saddle", "other"];
    private static readonly string[] Treatments = ["painkillers", "physio", "chiropractic", "acupuncture", "traction", "tens", "injections", "surgery"];

    private static readonly string[] AgeBands = ["16-to-44", "45-to-49", "50-to-69", "70-plus"];

    /// <summary>Every red-flag and check question is yes / no / not sure.</summary>
    private static IEnumerable<string> YesNoNotSurePrompts() =>
        KeysOf(typeof(Prompt.RedFlag)).Concat(KeysOf(typeof(Prompt.Check)));

    public static Dictionary<string, IReadOnlyList<string>> PromptChoices()
    {
        var table = FixedPromptChoices();
        foreach (var key in YesNoNotSurePrompts())
        {
            table[key] = YesNoNotSure;
        }

        return table;
    }

    private static IEnumerable<string> KeysOf(Type type) =>
        type.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!);

    private static Dictionary<string, IReadOnlyList<string>> FixedPromptChoices() => new(StringComparer.Ordinal)
    {
        [Prompt.Consent] = ["yes", "under-16", "no"],
        [Prompt.Screen.Age] = AgeBands,
        [Prompt.Screen.AaaKnown] = YesNoNotSure,
        [Prompt.Screen.AaaPulsing] = YesNoNotSure,
        [Prompt.Screen.MinorInjury] = YesNoNotSure,
        [Prompt.Screen.Bones] = YesNoNotSure,
        [Prompt.Screen.Chemo] = YesNoNotSure,
        [Prompt.Screen.RecentProcedure] = YesNoNotSure,
        [Prompt.Screen.Inflammatory] = YesNoNotSure,
        [Prompt.Screen.OnsetBefore45] = YesNoNotSure,
        [Prompt.Screen.OldInjury] = YesNoNotSure,
        [Prompt.Screen.HedgeCheck] = YesNoNotSure,
        [Prompt.Screen.Pregnancy] = ["yes", "no", "not-applicable"],
        [Prompt.Pain.Location] = PainPlaces,
        [Prompt.Pain.LocationMore] = [.. PainPlaces, "done"],
        [Prompt.Pain.Spread] = ["none", "arm", "one-leg", "both-legs"],
        [Prompt.Pain.Score] = [],
        [Prompt.Pain.Duration] = ["under-6-weeks", "6-to-12-weeks", "over-12-weeks"],
        [Prompt.Pain.Triggers] = ["skip"],
        [Prompt.Numbness.Any] = YesNoNotSure,
        [Prompt.Numbness.Where] = NumbnessPlaces,
        [Prompt.Numbness.WhereMore] = [.. NumbnessPlaces, "done"],
        [Prompt.Numbness.Worsening] = YesNoNotSure,
        [Prompt.Treatments.Pick] = [.. Treatments, "none"],
        [Prompt.Treatments.More] = [.. Treatments, "done"],
        [Prompt.Treatments.Helped] = ["yes", "a-little", "no"],
        [Prompt.Education.Menu] = ["done"],
        [Prompt.Referral.Offer] = YesNo,
        [Prompt.Referral.Name] = [],
        [Prompt.Referral.Contact] = [],
        [Prompt.Referral.Time] = ["morning", "afternoon", "evening", "any"],
        [Prompt.Referral.Consent] = YesNo,
        [Prompt.Delete.Confirm] = YesNo,
        [Prompt.Restart.Confirm] = YesNo,
    };

    public static Dictionary<string, IReadOnlyList<string>> MessageArguments() => new(StringComparer.Ordinal)
    {
        [ContentKeys.Education.Source] = [Args.Source],
        [Advice.Source] = [Args.Source],
        [Referral.Saved] = [Args.Reference],
        [Referral.SavedNotSent] = [Args.Reference],
        [Referral.Status.Waiting] = [Args.Reference],
        [Referral.Status.Sending] = [Args.Reference],
        [Referral.Status.NotSent] = [Args.Reference],
        [Referral.Status.Seen] = [Args.Reference],
        [Referral.Status.Contacted] = [Args.Reference],
        [Referral.Status.Gone] = [Args.Reference],
        [Summary.Outcome] = [Args.Outcome],
        [Summary.RedFlags] = [Args.Items],
        [Summary.Notes] = [Args.Items],
        [Summary.Pain] = [Args.Location, Args.Spread, Args.Score, Args.Duration],
        [Summary.Numbness] = [Args.Where, Args.Worsening],
        [Summary.Treatments] = [Args.Items, Args.Helped],
        [Summary.Referral] = [Args.Reference],
        [Summary.ReferralNotSent] = [Args.Reference],
        [Errors.Turn] = [Args.ErrorId],
        [ContentKeys.Clinic.Card.Title] = [Args.Reference],
        [ContentKeys.Clinic.Card.PossibleRepeat] = [Args.Reference],
        [ContentKeys.Clinic.List.Title] = [Args.Page],
        [ContentKeys.Clinic.List.Item] = [Args.Reference, Args.Outcome, Args.Status, Args.Created],
        [ContentKeys.Clinic.List.More] = [Args.Page],
        [ContentKeys.Clinic.List.NotFound] = [Args.Reference],
    };

    public static HashSet<string> Findings()
    {
        var findings = new HashSet<string>(StringComparer.Ordinal)
        {
            ContentKeys.Findings.WeaknessRapid, ContentKeys.Findings.WeaknessSudden, ContentKeys.Findings.FeverSevere, ContentKeys.Findings.PainScoreSevere, ContentKeys.Findings.NumbnessYes,
            ContentKeys.Findings.NumbnessWorsening, ContentKeys.Findings.TreatmentsTried,
            ContentKeys.Findings.AgeUnder45, ContentKeys.Findings.Age50Plus, ContentKeys.Findings.AgeUnclear, ContentKeys.Findings.InjuryMinor,
            ContentKeys.Findings.InjuryOldUnchecked, ContentKeys.Findings.OnsetUnder45,
            ContentKeys.Findings.RiskBones, ContentKeys.Findings.ProcedureRecent, ContentKeys.Findings.InflammatoryYes,
            ContentKeys.Findings.PregnancyYes, ContentKeys.Findings.RiskAaa, ContentKeys.Findings.AaaPulsing, ContentKeys.Findings.ImmuneChemo, ContentKeys.Findings.ChemoUnwell,
        };
        findings.UnionWith(RedFlagIds.All.Select(ContentKeys.Findings.RedFlag));
        var choices = PromptChoices();
        findings.UnionWith(choices[Prompt.Screen.Age].Select(ContentKeys.Findings.Age));
        findings.UnionWith(choices[Prompt.Pain.Location].Select(ContentKeys.Findings.PainLocation));
        findings.UnionWith(choices[Prompt.Pain.Spread].Select(ContentKeys.Findings.PainSpread));
        findings.UnionWith(choices[Prompt.Pain.Duration].Select(ContentKeys.Findings.Duration));
        findings.UnionWith(choices[Prompt.Numbness.Where].Select(ContentKeys.Findings.NumbnessWhere));
        findings.UnionWith(choices[Prompt.Treatments.Pick].Select(ContentKeys.Findings.Treatment));
        findings.UnionWith(choices[Prompt.Treatments.Helped].Select(ContentKeys.Findings.TreatmentsHelped));
        return findings;
    }
}
