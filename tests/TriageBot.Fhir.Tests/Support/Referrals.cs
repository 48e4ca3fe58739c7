using System.Text.Json;
using TriageBot.Content;
using TriageBot.Dialogs.Flow;
using TriageBot.Runtime.Referrals;
using static TriageBot.Dialogs.ContentKeys;

namespace TriageBot.Fhir.Tests.Support;

/// <summary>
/// Stored referrals as the referral dialog writes them, one per disposition level: answers whose findings the real
/// disposition table grades at that level (checked, so a content change cannot quietly turn a sample into another
/// level), with made-up contact details.
/// </summary>
internal static class Referrals
{
    /// <summary>Words only a person could have typed; no Bundle may carry them.</summary>
    public const string TypedWords = "worse when I carry my toddler upstairs";

    public static readonly string[] Levels = ["self-care", "routine", "urgent", "emergency"];

    public static readonly string[] Locales = ["en-GB", "en-US"];

    private static readonly JsonSerializerOptions AsTheDialogStoresIt = new(JsonSerializerDefaults.Web);

    private static readonly Lazy<ContentCatalog> LoadedContent = new(() => ContentLoader.Load(RepoPaths.Content));

    public static IContentCatalog Content => LoadedContent.Value;

    public static TriageState Triage(string level)
    {
        var state = level switch
        {
            "self-care" => Answers("16-to-44", "lower-back", "none", 4, "under-6-weeks", numbness: null, ["painkillers"], "a-little"),
            "routine" => Answers("45-to-49", "lower-back", "one-leg", 6, "over-12-weeks", ["leg-foot"], ["painkillers", "physio"], "no"),
            "urgent" => Answers("16-to-44", "neck", "arm", 7, "6-to-12-weeks", ["arm-hand"], [], null, Findings.RedFlag(RedFlagIds.Fever)),
            "emergency" => Answers("50-to-69", "lower-back", "both-legs", 8, "under-6-weeks", ["both-legs", "saddle"], ["painkillers"], "no", Findings.RedFlag(RedFlagIds.Ces)),
            _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Not a disposition level."),
        };
        var result = Content.Evaluate(state.Findings.ToHashSet(StringComparer.Ordinal));
        Assert.True(DispositionLevels.Name(result.Level) == level, $"The sample for {level} is graded {DispositionLevels.Name(result.Level)} by dispositions.yaml.");
        return state with { Outcome = level, Hazards = result.Hazards };
    }

    public static ReferralRecord Record(string level, string reference = "TB-7K2M9QXA", string contact = "sam.jones@example.com") =>
        new(
            reference,
            "subject-hash",
            new DateTimeOffset(2026, 12, 7, 14, 30, 0, TimeSpan.Zero),
            Content.Version,
            level,
            JsonSerializer.Serialize(Triage(level), AsTheDialogStoresIt),
            new TestProtector().Protect(JsonSerializer.Serialize(new Dictionary<string, string> { ["name"] = "Sam Jones", ["contact"] = contact, ["time"] = "morning" })));

    private static TriageState Answers(
        string age, string location, string spread, double score, string duration, string[]? numbness, string[] tried, string? helped, params string[] redFlags)
    {
        List<string> findings =
        [
            Findings.Age(age), Findings.PainLocation(location), Findings.PainSpread(spread), Findings.Duration(duration), .. redFlags,
            .. (numbness ?? []).Select(Findings.NumbnessWhere), .. tried.Select(Findings.Treatment),
        ];
        if (age == "16-to-44")
        {
            findings.Add(Findings.AgeUnder45);
        }
        else if (age == "50-to-69")
        {
            findings.Add(Findings.Age50Plus);
        }

        if (numbness is not null)
        {
            findings.Add(Findings.NumbnessYes);
        }

        if (tried.Length > 0)
        {
            findings.Add(Findings.TreatmentsTried);
        }

        return new TriageState
        {
            Findings = findings,
            Pain = new PainAnswers(Spread: spread, Score: score, Duration: duration, Triggers: TypedWords, Locations: [location]),
            Numbness = numbness is null ? new NumbnessAnswers("no") : new NumbnessAnswers("yes", numbness, "no"),
            Treatments = tried.Length > 0 ? new TreatmentAnswers(tried, helped) : new TreatmentAnswers(),
        };
    }
}
