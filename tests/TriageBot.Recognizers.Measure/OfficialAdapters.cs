using System.Globalization;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;
using TriageBot.Recognizers.Tests.Conformance;
using OfficialNumbers = Microsoft.Recognizers.Text.Number.NumberRecognizer;

namespace TriageBot.Recognizers.Measure;

/// <summary>The official package's English models, reduced to the same comparison rows as our recognizers.</summary>
internal static class OfficialAdapters
{
    public static readonly IModel Numbers = new OfficialNumbers(Culture.English).GetNumberModel();
    public static readonly IModel Ordinals = new OfficialNumbers(Culture.English).GetOrdinalModel();
    public static readonly DateTimeModel DateTimes = new DateTimeRecognizer(Culture.English).GetDateTimeModel();

    public static IReadOnlyList<SpecRow> ActualNumbers(SpecCase c) => Numbers.Parse(c.Input)
        .Select(r => new SpecRow(NumberAdapters.Key(r.Start, r.End, r.Text, r.TypeName, Res(r, "value")), Res(r, "subtype")))
        .ToList();

    public static IReadOnlyList<SpecRow> ActualOrdinals(SpecCase c) => Ordinals.Parse(c.Input)
        .Select(r => new SpecRow(NumberAdapters.Key(r.Start, r.End, r.Text, r.TypeName, r.TypeName == "ordinal.relative"
            ? $"{Res(r, "offset")}|{Res(r, "relativeTo")}"
            : $"{Res(r, "offset")}|{Res(r, "relativeTo")}|{Res(r, "value")}")))
        .ToList();

    public static IReadOnlyList<SpecRow> ActualDurationModel(SpecCase c) => Durations(c)
        .Select(r => new SpecRow($"{r.Start}-{r.End}|{r.Text.ToLowerInvariant()}|datetimeV2.duration|{string.Join(";", Values(r).Select(v => $"{v.GetValueOrDefault("timex")}|{v.GetValueOrDefault("Mod")}|{v.GetValueOrDefault("value")}"))}"))
        .ToList();

    /// <summary>The extractor file at model level: the duration results' spans.</summary>
    public static IReadOnlyList<SpecRow> ActualDurationExtractor(SpecCase c) => Durations(c)
        .Select(r => new SpecRow($"{r.Start}+{r.End - r.Start + 1}|{r.Text.ToLowerInvariant()}|duration"))
        .ToList();

    /// <summary>The parser file at model level: span, timex, mod and seconds (future and past are the same for a duration).</summary>
    public static IReadOnlyList<SpecRow> ActualDurationParser(SpecCase c) => Durations(c)
        .Select(r => (r, v: Values(r).FirstOrDefault() ?? []))
        .Select(x => new SpecRow($"{x.r.Start}+{x.r.End - x.r.Start + 1}|{x.r.Text.ToLowerInvariant()}|duration|{x.v.GetValueOrDefault("timex")}|{x.v.GetValueOrDefault("Mod")}|{x.v.GetValueOrDefault("value")}|{x.v.GetValueOrDefault("value")}"))
        .ToList();

    private static IEnumerable<ModelResult> Durations(SpecCase c) =>
        DateTimes.Parse(c.Input, c.Reference).Where(r => r.TypeName == "datetimeV2.duration");

    private static IEnumerable<Dictionary<string, string>> Values(ModelResult r) =>
        r.Resolution.TryGetValue("values", out var v) && v is IEnumerable<Dictionary<string, string>> list ? list : [];

    private static string Res(ModelResult r, string key) =>
        r.Resolution.TryGetValue(key, out var v) ? Convert.ToString(v, CultureInfo.InvariantCulture) ?? "" : "";
}
