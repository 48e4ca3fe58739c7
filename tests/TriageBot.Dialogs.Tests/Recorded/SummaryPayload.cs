using TriageBot.Content;
using static TriageBot.Dialogs.ContentKeys;
using Keys = TriageBot.Dialogs.ContentKeys;

namespace TriageBot.Dialogs.Tests.Recorded;

/// <summary>
/// The summary shown to the person at the end, read line by line through the content's own templates, in the
/// person's words: the outcome's name, the warning signs' names, the titles of what was chosen, the score as typed,
/// the reference. It carries no age band and no contact details (the bot does not show them there).
/// </summary>
internal sealed class SummaryPayload(string text, IContentCatalog content, string locale) : IRecordedPayload
{
    public string Name => "summary shown";

    public IEnumerable<RecordedValue> Values
    {
        get
        {
            var lines = text.Split("\n\n");
            var outcome = Line(lines, Keys.Summary.Outcome, Args.Outcome);
            yield return RecordedValue.Words(RecordedField.Level, outcome?[Args.Outcome]);
            yield return RecordedValue.Words(RecordedField.Reasons, RedFlags(lines));

            var pain = Line(lines, Keys.Summary.Pain, Args.Location, Args.Spread, Args.Score, Args.Duration);
            yield return RecordedValue.Words(RecordedField.PainLocation, Single(pain, Args.Location));
            yield return RecordedValue.Words(RecordedField.PainSpread, Single(pain, Args.Spread));
            yield return RecordedValue.Words(RecordedField.PainScore, Single(pain, Args.Score));
            yield return RecordedValue.Words(RecordedField.PainDuration, Single(pain, Args.Duration));

            var numbness = Line(lines, Keys.Summary.Numbness, Args.Where, Args.Worsening);
            yield return RecordedValue.Words(RecordedField.NumbnessWhere, List(numbness, Args.Where, Prompt.Numbness.Where, Prompt.Numbness.WhereMore));
            yield return RecordedValue.Words(RecordedField.NumbnessWorsening, Single(numbness, Args.Worsening));

            var treatments = Line(lines, Keys.Summary.Treatments, Args.Items, Args.Helped);
            yield return RecordedValue.Words(RecordedField.TreatmentsTried, List(treatments, Args.Items, Prompt.Treatments.Pick, Prompt.Treatments.More));
            yield return RecordedValue.Words(RecordedField.TreatmentsHelped, Single(treatments, Args.Helped));

            // Sent, or only stored (the host in these tests has no destination configured): the reference either way.
            var referral = Line(lines, Keys.Summary.Referral, Args.Reference) ?? Line(lines, Keys.Summary.ReferralNotSent, Args.Reference);
            yield return RecordedValue.Words(RecordedField.Reference, referral?[Args.Reference]);
        }
    }

    /// <summary>The warning signs line, or "None reported"; a summary with neither says so, and fails.</summary>
    private IReadOnlyList<string> RedFlags(string[] lines)
    {
        if (Line(lines, Keys.Summary.RedFlags, Args.Items) is { } found)
        {
            return ContentTemplate.SplitKnown(found[Args.Items], HazardNames());
        }

        return lines.Contains(content.Text(Keys.Summary.None, locale), StringComparer.Ordinal) ? [] : ["(neither the warning signs line nor 'none reported')"];
    }

    private IEnumerable<string> HazardNames() => ContentTemplate.Hazards(content).Keys;

    private IReadOnlyDictionary<string, string>? Line(string[] lines, string key, params string[] names) =>
        ContentTemplate.Read(content, key, locale, lines, names);

    private static IReadOnlyList<string> Single(IReadOnlyDictionary<string, string>? line, string name) =>
        line is null || line[name] == "-" ? [] : [line[name]];

    /// <summary>A list of choice titles, split by the titles of the questions that could have offered them.</summary>
    private IReadOnlyList<string> List(IReadOnlyDictionary<string, string>? line, string name, params string[] promptKeys) =>
        line is null ? [] : ContentTemplate.SplitKnown(line[name], promptKeys.SelectMany(k => content.Prompt(k, locale).Choices.Select(c => c.Title)));
}
