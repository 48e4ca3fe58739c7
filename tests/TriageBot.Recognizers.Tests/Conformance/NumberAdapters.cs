using System.Text.Json;

namespace TriageBot.Recognizers.Tests.Conformance;

/// <summary>Maps the number, ordinal, percent and boolean model files onto our recognizers.</summary>
internal static class NumberAdapters
{
    public static IReadOnlyList<SpecRow> ExpectedModel(SpecCase c) => c.Results.Select(r =>
    {
        var type = SpecCase.Str(r, "TypeName");
        var res = SpecCase.Get(r, "Resolution")!.Value;
        var value = type switch
        {
            "ordinal" => $"{SpecCase.Str(res, "offset")}|{SpecCase.Str(res, "relativeTo")}|{SpecCase.Str(res, "value")}",
            "ordinal.relative" => $"{SpecCase.Str(res, "offset")}|{SpecCase.Str(res, "relativeTo")}",
            _ => SpecCase.Str(res, "value"),
        };
        var subtype = SpecCase.Get(res, "subtype")?.GetString();
        return new SpecRow(ModelKey(r, type, value), subtype);
    }).ToList();

    public static IReadOnlyList<SpecRow> ActualNumbers(SpecCase c) => NumberRecognizer.RecognizeAll(c.Input)
        .Select(r => new SpecRow(Key(r.Start, r.End - 1, r.Text, "number", r.Value.Resolution), r.Value.Subtype.ToString().ToLowerInvariant()))
        .ToList();

    public static IReadOnlyList<SpecRow> ActualOrdinals(SpecCase c) => OrdinalRecognizer.RecognizeAll(c.Input)
        .Select(r =>
        {
            var v = r.Value;
            var to = v.RelativeTo.ToString().ToLowerInvariant();
            var offset = v.Offset.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return v.IsRelative
                ? new SpecRow(Key(r.Start, r.End - 1, r.Text, "ordinal.relative", $"{offset}|{to}"))
                : new SpecRow(Key(r.Start, r.End - 1, r.Text, "ordinal", $"{offset}|{to}|{v.Resolution}"));
        })
        .ToList();

    public static IReadOnlyList<SpecRow> ExpectedBoolean(SpecCase c) => c.Results
        .Select(r => new SpecRow($"{SpecCase.Str(r, "Text").ToLowerInvariant()}|boolean|{SpecCase.Get(SpecCase.Get(r, "Resolution")!.Value, "value")!.Value.GetBoolean()}"))
        .ToList();

    public static IReadOnlyList<SpecRow> ActualBoolean(SpecCase c)
    {
        var r = BooleanRecognizer.Recognize(c.Input);
        return r.Succeeded ? [new SpecRow($"{r.Text.ToLowerInvariant()}|boolean|{r.Value}")] : [];
    }

    private static string ModelKey(JsonElement r, string type, string value)
    {
        var start = SpecCase.Get(r, "Start")!.Value.GetInt32();
        var end = SpecCase.Get(r, "End")!.Value.GetInt32();
        return Key(start, end, SpecCase.Str(r, "Text"), type, value);
    }

    public static string Key(int start, int end, string text, string type, string value) =>
        $"{start}-{end}|{text.ToLowerInvariant()}|{type}|{value}";
}
