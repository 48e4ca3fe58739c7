using System.Globalization;
using System.Xml;

namespace TriageBot.Recognizers.Durations;

/// <summary>
/// The official DateTime model's reading of how long, for what our own duration grammar does not read: a start named
/// by a date or a day ("since 15th sept", "since halloween", "since new year", "yesterday"). Its duration results
/// become lengths; a date or a "since" date range becomes the time from its start up to the reference time. About a
/// millisecond a call, so it runs only when our grammar finds no plain length.
/// </summary>
internal static class OfficialDurations
{
    /// <summary>Longer is not a length anyone has had a symptom for: not an answer.</summary>
    private static readonly TimeSpan Longest = TimeSpan.FromDays(150 * 365);

    public static Recognition<DurationValue>? Read(string text, DateTime reference)
    {
        foreach (var r in OfficialModels.Parse(OfficialModels.DateTime, text, reference))
        {
            var values = r.Resolution is { } res && res.TryGetValue("values", out var v) && v is IEnumerable<Dictionary<string, string>> list ? list.ToList() : [];
            var length = r.TypeName switch
            {
                "datetimeV2.duration" => values.Select(Seconds).FirstOrDefault(s => s > 0) is var s and > 0 && s < Longest.TotalSeconds ? TimeSpan.FromSeconds(s) : (TimeSpan?)null,
                "datetimeV2.date" or "datetimeV2.daterange" or "datetimeV2.datetime" => SinceStart(values, reference),
                _ => null,
            };
            if (length is { } span && span > TimeSpan.Zero && span < Longest)
            {
                var mod = r.TypeName == "datetimeV2.duration" ? DurationMod.None : DurationMod.Since;
                return OfficialModels.ToRecognition(text, r, new DurationValue(span, XmlConvert.ToString(span), mod));
            }
        }

        return null;
    }

    private static double Seconds(Dictionary<string, string> value) =>
        value.TryGetValue("value", out var s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? seconds : 0;

    /// <summary>From the latest start that is not after the reference time (a past date, or a range's start) up to it.</summary>
    private static TimeSpan? SinceStart(List<Dictionary<string, string>> values, DateTime reference)
    {
        var starts = values
            .Select(v => v.TryGetValue("start", out var start) ? start : v.GetValueOrDefault("value"))
            .Select(s => DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateTime?)null)
            .Where(d => d is { } day && day <= reference)
            .ToList();
        return starts.Count == 0 ? null : reference - starts.Max()!.Value;
    }
}
