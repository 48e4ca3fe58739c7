using static TriageBot.Dialogs.ContentKeys;

namespace TriageBot.Dialogs;

/// <summary>The tables behind <see cref="ContentKeys"/>: choice ids per prompt, arguments per message, findings.</summary>
internal static class ContentKeyTables
{
    private static readonly string[] YesNo = ["yes", "no"];
    private static readonly string[] YesNoNotSure = ["yes", "no", "not-sure"];
    private static readonly string[] NumbnessPlaces = ["arm-hand", "leg-foot", "both-legs", "saddle", "other"];
    private static readonly string[] Treatments = ["painkillers", "physio", "chiropractic", "acupuncture", "traction", "tens", "injections", "surgery"];

    public static Dictionary<string, IReadOnlyList<string>> PromptChoices() => new(StringComparer.Ordinal)
    {
        [Prompt.Consent] = ["yes", "under-16", "no"],
        [Prompt.RedFlag.Ces] = YesNoNotSure,
        [Prompt.RedFlag.Weakness] = YesNoNotSure,
        [Prompt.RedFlag.Infection] = YesNoNotSure,
        [Prompt.RedFlag.Cancer] = YesNoNotSure,
        [Prompt.RedFlag.Trauma] = YesNoNotSure,
        [Prompt.RedFlag.Myelopathy] = YesNoNotSure,
        [Prompt.RedFlag.WeaknessRapid] = YesNoNotSure,
        [Prompt.Pain.Location] = ["neck", "upper-back", "lower-back", "several"],
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
        [Referral.Saved] = [Args.Reference],
        [Summary.Outcome] = [Args.Outcome],
        [Summary.RedFlags] = [Args.Items],
        [Summary.Pain] = [Args.Location, Args.Spread, Args.Score, Args.Duration],
        [Summary.Numbness] = [Args.Where, Args.Worsening],
        [Summary.Treatments] = [Args.Items, Args.Helped],
        [Summary.Referral] = [Args.Reference],
        [Errors.Turn] = [Args.ErrorId],
    };

    public static HashSet<string> Findings()
    {
        var findings = new HashSet<string>(StringComparer.Ordinal)
        {
            ContentKeys.Findings.WeaknessRapid, ContentKeys.Findings.PainScoreSevere, ContentKeys.Findings.NumbnessYes,
            ContentKeys.Findings.NumbnessWorsening, ContentKeys.Findings.TreatmentsTried,
        };
        string[] redFlags =
        [
            RedFlagIds.Ces, RedFlagIds.Weakness, RedFlagIds.Infection, RedFlagIds.Cancer, RedFlagIds.Trauma,
            RedFlagIds.Myelopathy, RedFlagIds.ChestPain, RedFlagIds.SelfHarm,
        ];
        findings.UnionWith(redFlags.Select(ContentKeys.Findings.RedFlag));
        var choices = PromptChoices();
        findings.UnionWith(choices[Prompt.Pain.Location].Select(c => "pain.location." + c));
        findings.UnionWith(choices[Prompt.Pain.Spread].Select(c => "pain.spread." + c));
        findings.UnionWith(choices[Prompt.Pain.Duration].Select(c => "duration." + c));
        findings.UnionWith(choices[Prompt.Numbness.Where].Select(c => "numbness.where." + c));
        findings.UnionWith(choices[Prompt.Treatments.Pick].Select(c => "treatments." + c));
        findings.UnionWith(choices[Prompt.Treatments.Helped].Select(c => "treatments.helped." + c));
        return findings;
    }
}
