using System.Globalization;
using TriageBot.Content;
using TriageBot.Dialogs.Flow;
using static TriageBot.Dialogs.ContentKeys;

namespace TriageBot.Fhir.Bundles;

/// <summary>
/// The plain-language summary the ServiceRequest carries as its note: the person's own summary lines (summary.* in
/// messages.yaml) filled with choice titles and hazard names, nothing the person typed. Unlike the summary the person
/// copies for their GP, it has no safety net or footer: those are advice to the patient, not facts for the clinic.
/// </summary>
internal static class ClinicNote
{
    public static string Write(IContentCatalog content, string locale, TriageState state, string? preferredTime)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(state);
        string Text(string key, params (string Name, string Value)[] args) =>
            content.Text(key, locale, args.ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal));
        string Title(string promptKey, string? id) =>
            id is null ? "-" : content.Prompt(promptKey, locale).Choices.FirstOrDefault(c => c.Id == id)?.Title ?? id;
        string Titles(string promptKey, IReadOnlyList<string>? ids) =>
            ids is { Count: > 0 } ? string.Join(", ", ids.Select(id => Title(promptKey, id))) : "-";

        var lines = new List<string>();
        if (state.Outcome is { } outcome && DispositionCodes.OutcomeNameKey(outcome) is { } outcomeKey)
        {
            lines.Add(Text(Summary.Outcome, (Args.Outcome, Text(outcomeKey))));
        }

        lines.Add(state.Hazards.Count > 0
            ? Text(Summary.RedFlags, (Args.Items, string.Join(", ", state.Hazards.Select(content.HazardName))))
            : Text(Summary.None));
        var pain = state.Pain;
        if (pain.Places.Count > 0)
        {
            lines.Add(Text(Summary.Pain,
                (Args.Location, Titles(Prompt.Pain.Location, pain.Places)), (Args.Spread, Title(Prompt.Pain.Spread, pain.Spread)),
                (Args.Score, pain.Score?.ToString("0.#", CultureInfo.InvariantCulture) ?? "-"), (Args.Duration, Title(Prompt.Pain.Duration, pain.Duration))));
        }

        if (state.Numbness.Any is { } any && any != "no")
        {
            lines.Add(Text(Summary.Numbness,
                (Args.Where, Titles(Prompt.Numbness.Where, state.Numbness.Places)), (Args.Worsening, Title(Prompt.Numbness.Worsening, state.Numbness.Worsening))));
        }

        if (state.Treatments.Tried is { Count: > 0 } tried)
        {
            lines.Add(Text(Summary.Treatments,
                (Args.Items, Titles(Prompt.Treatments.Pick, tried)), (Args.Helped, Title(Prompt.Treatments.Helped, state.Treatments.Helped))));
        }

        if (preferredTime is not null)
        {
            lines.Add($"{Text(Referral.Card.Time)}: {Title(Prompt.Referral.Time, preferredTime)}");
        }

        return string.Join("\n", lines);
    }
}
