using System.Globalization;

namespace TriageBot.Dialogs.Flow;

/// <summary>
/// The end-of-chat summary a person can copy for their GP: outcome, red flags found, pain, numbness, treatments and
/// the referral number. Plain text, lines from content, values from the answers' choice titles.
/// </summary>
internal static class Summary
{
    public static string Write(Wording wording, TriageState state)
    {
        ArgumentNullException.ThrowIfNull(wording);
        ArgumentNullException.ThrowIfNull(state);
        var lines = new List<string> { wording.Text("summary.title") };
        if (state.Outcome is { } outcome)
        {
            lines.Add(wording.Text("summary.outcome", ("outcome", wording.Text($"outcome.{outcome}"))));
        }

        var hazards = state.Hazards.Select(wording.Content.HazardName).ToList();
        lines.Add(hazards.Count > 0 ? wording.Text("summary.red-flags", ("items", string.Join(", ", hazards))) : wording.Text("summary.none"));

        var pain = state.Pain;
        if (pain.Location is not null)
        {
            lines.Add(wording.Text("summary.pain",
                ("location", Title(wording, "prompt.pain.location", pain.Location)),
                ("spread", Title(wording, "prompt.pain.spread", pain.Spread)),
                ("score", pain.Score?.ToString("0.#", CultureInfo.InvariantCulture) ?? "-"),
                ("duration", Title(wording, "prompt.pain.duration", pain.Duration))));
        }

        var numbness = state.Numbness;
        if (numbness.Any is not null and not Choices.No)
        {
            lines.Add(wording.Text("summary.numbness",
                ("where", Titles(wording, "prompt.numbness.where", numbness.Places)),
                ("worsening", Title(wording, "prompt.numbness.worsening", numbness.Worsening))));
        }

        var tried = state.Treatments.Tried ?? [];
        if (tried.Count > 0)
        {
            lines.Add(wording.Text("summary.treatments",
                ("items", Titles(wording, "prompt.treatments.pick", tried)),
                ("helped", Title(wording, "prompt.treatments.helped", state.Treatments.Helped))));
        }

        if (state.Reference is { } reference)
        {
            lines.Add(wording.Text("summary.referral", ("reference", reference)));
        }

        lines.Add(wording.Text("summary.footer"));
        return string.Join("\n\n", lines);
    }

    /// <summary>Every chosen place or treatment, in the order chosen: "Leg or foot, Groin or buttocks".</summary>
    private static string Titles(Wording wording, string promptKey, IReadOnlyList<string>? choiceIds) =>
        choiceIds is { Count: > 0 } ids ? string.Join(", ", ids.Select(id => Title(wording, promptKey, id))) : "-";

    private static string Title(Wording wording, string promptKey, string? choiceId) =>
        choiceId is null
            ? "-"
            : wording.Content.Prompt(promptKey, wording.Locale).Choices.FirstOrDefault(c => c.Id == choiceId)?.Title ?? choiceId;
}
