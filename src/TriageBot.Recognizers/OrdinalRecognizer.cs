using System.Globalization;

namespace TriageBot.Recognizers;

/// <summary>
/// English ordinals: "second", "2nd", "twenty-first", "one hundred twenty fifth", and positions relative to the end or
/// the current item: "last", "next to last", "the one before the last", "next one", read by the official
/// Microsoft.Recognizers.Text ordinal model.
/// </summary>
public static class OrdinalRecognizer
{
    public static Recognized<OrdinalValue> RecognizeAll(string? text, string culture = Cultures.EnglishUS)
    {
        if (string.IsNullOrWhiteSpace(text) || !Cultures.IsSupported(culture))
        {
            return Recognized<OrdinalValue>.Empty;
        }

        var found = new List<Recognition<OrdinalValue>>();
        foreach (var r in OfficialModels.Parse(OfficialModels.Ordinal, text))
        {
            var relativeTo = OfficialModels.Resolution(r, "relativeTo") switch
            {
                "end" => OrdinalRelativeTo.End,
                "current" => OrdinalRelativeTo.Current,
                _ => OrdinalRelativeTo.Start,
            };
            if (long.TryParse(OfficialModels.Resolution(r, "offset"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var offset))
            {
                found.Add(OfficialModels.ToRecognition(text, r, new OrdinalValue(offset, relativeTo)));
            }
        }

        return new Recognized<OrdinalValue>(found);
    }

    public static Recognition<OrdinalValue> Recognize(string? text, string culture = Cultures.EnglishUS) =>
        RecognizeAll(text, culture).First;
}
