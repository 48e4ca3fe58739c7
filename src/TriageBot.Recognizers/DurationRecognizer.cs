using TriageBot.Recognizers.Durations;
using TriageBot.Recognizers.Text;

namespace TriageBot.Recognizers;

/// <summary>
/// Lengths of time in English: "3 weeks", "a couple of months", "two and a half years", "a fortnight",
/// "half an hour", "less than 2 hours", "3 weeks ago", "since last summer". The caller passes the
/// reference time ("now"); nothing here reads a clock.
/// </summary>
public static class DurationRecognizer
{
    public static Recognized<DurationValue> RecognizeAll(string? text, DateTime reference, string culture = Cultures.EnglishUS)
    {
        if (string.IsNullOrWhiteSpace(text) || !Cultures.IsSupported(culture))
        {
            return Recognized<DurationValue>.Empty;
        }

        var atoms = Atomizer.Split(text);
        var found = new List<Recognition<DurationValue>>();
        var i = 0;
        while (i < atoms.Count)
        {
            var p = SinceParser.Parse(atoms, i, reference) ?? DurationParser.Parse(atoms, i);
            if (p?.ToValue() is not { } value)
            {
                i++;
                continue;
            }

            var start = atoms[p.First].Start;
            var end = atoms[p.Last].End;
            var confidence = start == 0 && end == text.TrimEnd().Length ? 1.0 : 0.9;
            found.Add(Recognition<DurationValue>.Of(text, start, end, value, confidence));
            i = p.Last + 1;
        }

        // What our grammar cannot read, such as a start named by a date or a day ("since 15th sept", "since halloween",
        // "yesterday"), is the official model's to read. Asked only then: it costs about a millisecond.
        if (found.Count == 0 && OfficialDurations.Read(text, reference) is { } official)
        {
            return new Recognized<DurationValue>([official]);
        }

        return new Recognized<DurationValue>(found);
    }

    public static Recognition<DurationValue> Recognize(string? text, DateTime reference, string culture = Cultures.EnglishUS) =>
        RecognizeAll(text, reference, culture).First;
}
