using System.Text.Json;

namespace TriageBot.Recognizers.Tests.Conformance;

/// <summary>
/// Maps the duration extractor, parser and DateTimeModel files onto <see cref="DurationRecognizer"/>.
/// Upstream reports "since …" and "… ago" as dates or date ranges, not durations, so results with
/// those mods are left out of the comparison (they are a triage extension, not a conformance target).
/// </summary>
internal static class DurationAdapters
{
    private const string ModelType = "datetimeV2.duration";

    public static IReadOnlyList<SpecRow> ExpectedExtractor(SpecCase c) => c.Results
        .Select(r => new SpecRow(Span(r) + "|duration"))
        .ToList();

    public static IReadOnlyList<SpecRow> ActualExtractor(SpecCase c) => Durations(c)
        .Select(r => new SpecRow($"{r.Start}+{r.Length}|{r.Text.ToLowerInvariant()}|duration"))
        .ToList();

    public static IReadOnlyList<SpecRow> ExpectedParser(SpecCase c) => c.Results.Select(r =>
    {
        var v = SpecCase.Get(r, "Value")!.Value;
        var future = SpecCase.Str(SpecCase.Get(v, "FutureResolution")!.Value, "duration");
        var past = SpecCase.Str(SpecCase.Get(v, "PastResolution")!.Value, "duration");
        return new SpecRow($"{Span(r)}|duration|{SpecCase.Str(v, "Timex")}|{SpecCase.Str(v, "Mod")}|{future}|{past}");
    }).ToList();

    public static IReadOnlyList<SpecRow> ActualParser(SpecCase c) => Durations(c)
        .Select(r => new SpecRow($"{r.Start}+{r.Length}|{r.Text.ToLowerInvariant()}|duration|{r.Value.Timex}|{Mod(r.Value)}|{r.Value.Resolution}|{r.Value.Resolution}"))
        .ToList();

    /// <summary>In scope: cases with at least one duration result; only the duration results are compared.</summary>
    public static bool HasDuration(SpecCase c) => c.Results.Any(r => SpecCase.Str(r, "TypeName") == ModelType);

    public static IReadOnlyList<SpecRow> ExpectedModel(SpecCase c) => c.Results
        .Where(r => SpecCase.Str(r, "TypeName") == ModelType)
        .Select(r =>
        {
            var values = SpecCase.Get(SpecCase.Get(r, "Resolution")!.Value, "values")!.Value.EnumerateArray()
                .Select(v => $"{SpecCase.Str(v, "timex")}|{SpecCase.Str(v, "Mod")}|{SpecCase.Str(v, "value")}");
            var start = SpecCase.Get(r, "Start")!.Value.GetInt32();
            var end = SpecCase.Get(r, "End")!.Value.GetInt32();
            return new SpecRow($"{start}-{end}|{SpecCase.Str(r, "Text").ToLowerInvariant()}|{ModelType}|{string.Join(";", values)}");
        })
        .ToList();

    public static IReadOnlyList<SpecRow> ActualModel(SpecCase c) => Durations(c)
        .Select(r => new SpecRow($"{r.Start}-{r.End - 1}|{r.Text.ToLowerInvariant()}|{ModelType}|{r.Value.Timex}|{Mod(r.Value)}|{r.Value.Resolution}"))
        .ToList();

    private static IEnumerable<Recognition<DurationValue>> Durations(SpecCase c) =>
        DurationRecognizer.RecognizeAll(c.Input, c.Reference).Where(r => r.Value.Mod is not (DurationMod.Since or DurationMod.Ago));

    private static string Mod(DurationValue v) => v.Mod == DurationMod.None ? string.Empty : v.Mod.ToString().ToLowerInvariant();

    private static string Span(JsonElement r) =>
        $"{SpecCase.Get(r, "Start")!.Value.GetInt32()}+{SpecCase.Get(r, "Length")!.Value.GetInt32()}|{SpecCase.Str(r, "Text").ToLowerInvariant()}";
}
