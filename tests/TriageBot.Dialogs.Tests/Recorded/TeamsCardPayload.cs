using System.Text.Json.Nodes;
using TriageBot.Content;
using TriageBot.Content.Model;
using TriageBot.Dialogs.Flow;
using static TriageBot.Dialogs.ContentKeys;
using ClinicKeys = TriageBot.Dialogs.ContentKeys.Clinic;
using Keys = TriageBot.Dialogs.ContentKeys;

namespace TriageBot.Dialogs.Tests.Recorded;

/// <summary>
/// The clinic's Teams referral card (Adaptive Card JSON), built from the stored referral by the code the
/// <c>teams-channel</c> destination posts with, read back in words: the FactSet (advice given, warning signs, age group,
/// best time to contact, reference) and the Answers text blocks (pain, numbness, treatments), through the content's
/// own templates. The card is in the clinic's locale, not the person's (an en-US patient's "Physical therapy" reads
/// "Physiotherapy" to an en-GB clinic), so each title read is turned back into its id in that locale and compared by
/// meaning. It carries no name or contact (checked on the JSON by <see cref="WhatTheBotRecorded"/>), no red-flag
/// answers, no "any numbness" answer and no content version: those fields are not yielded.
/// </summary>
internal sealed class TeamsCardPayload(JsonObject card, IContentCatalog content, string clinicLocale) : IRecordedPayload
{
    public string Name => "Teams referral card";

    public IEnumerable<RecordedValue> Values
    {
        get
        {
            var body = card["body"]?.AsArray() ?? [];
            var facts = body.Where(b => (string?)b?["type"] == "FactSet").SelectMany(b => b!["facts"]!.AsArray())
                .ToDictionary(f => (string)f!["title"]!, f => (string)f!["value"]!, StringComparer.Ordinal);
            string? Fact(string key) => facts.GetValueOrDefault(Text(key));

            yield return RecordedValue.Meaning(RecordedField.Reference, Fact(ClinicKeys.Card.Reference), "facts");
            yield return RecordedValue.Meaning(RecordedField.Level, Level(Fact(ClinicKeys.Card.Level)), "facts");
            yield return RecordedValue.Meaning(RecordedField.Reasons, Hazards(Fact(ClinicKeys.Card.Hazards)), "facts");
            yield return RecordedValue.Meaning(RecordedField.Age, Ids(Fact(ClinicKeys.Card.Age), Prompt.Screen.Age), "facts");
            yield return RecordedValue.Meaning(RecordedField.ContactTime, Ids(Fact(ClinicKeys.Card.Time), Prompt.Referral.Time), "facts");

            var blocks = body.Where(b => (string?)b?["type"] == "TextBlock").Select(b => (string)b!["text"]!).ToList();
            var pain = Line(blocks, Keys.Summary.Pain, Args.Location, Args.Spread, Args.Score, Args.Duration);
            yield return RecordedValue.Meaning(RecordedField.PainLocation, Ids(pain?[Args.Location], Prompt.Pain.Location), "answers");
            yield return RecordedValue.Meaning(RecordedField.PainSpread, Ids(pain?[Args.Spread], Prompt.Pain.Spread), "answers");
            yield return RecordedValue.Meaning(RecordedField.PainScore, pain?[Args.Score] is { } score and not "-" ? score : null, "answers");
            yield return RecordedValue.Meaning(RecordedField.PainDuration, Ids(pain?[Args.Duration], Prompt.Pain.Duration), "answers");

            var numbness = Line(blocks, Keys.Summary.Numbness, Args.Where, Args.Worsening);
            yield return RecordedValue.Meaning(RecordedField.NumbnessWhere, Ids(numbness?[Args.Where], Prompt.Numbness.Where), "answers");
            yield return RecordedValue.Meaning(RecordedField.NumbnessWorsening, Ids(numbness?[Args.Worsening], Prompt.Numbness.Worsening), "answers");

            var treatments = Line(blocks, Keys.Summary.Treatments, Args.Items, Args.Helped);
            yield return RecordedValue.Meaning(RecordedField.TreatmentsTried, Ids(treatments?[Args.Items], Prompt.Treatments.Pick), "answers");
            yield return RecordedValue.Meaning(RecordedField.TreatmentsHelped, Ids(treatments?[Args.Helped], Prompt.Treatments.Helped), "answers");
        }
    }

    private string Text(string key) => content.Text(key, clinicLocale);

    /// <summary>The level whose outcome name this is; words that name no level are kept, so they show in a failure.</summary>
    private string? Level(string? name) =>
        name is null ? null : Enum.GetValues<DispositionLevel>().Select(Outcomes.Id).FirstOrDefault(level => Text(Outcomes.OutcomeNameKey(level)) == name) ?? name;

    /// <summary>The hazard ids of the warning signs fact ("None reported" is none).</summary>
    private IReadOnlyList<string> Hazards(string? names)
    {
        if (names is null || names == Text(Keys.Summary.None))
        {
            return [];
        }

        var ids = ContentTemplate.Hazards(content);
        return [.. ContentTemplate.SplitKnown(names, ids.Keys).Select(name => ids.GetValueOrDefault(name, name))];
    }

    /// <summary>The choice ids of a title or a ", " list of titles of the prompt, in the clinic's locale; "-" is none.</summary>
    private IReadOnlyList<string> Ids(string? titles, string promptKey)
    {
        if (titles is null)
        {
            return [];
        }

        var choices = content.Prompt(promptKey, clinicLocale).Choices;
        return [.. ContentTemplate.SplitKnown(titles, choices.Select(c => c.Title)).Select(t => choices.FirstOrDefault(c => c.Title == t)?.Id ?? t)];
    }

    private IReadOnlyDictionary<string, string>? Line(List<string> blocks, string key, params string[] names) =>
        ContentTemplate.Read(content, key, clinicLocale, blocks, names);
}
